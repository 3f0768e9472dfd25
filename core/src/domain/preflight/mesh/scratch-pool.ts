/**
 * The big working arrays of a watertight check (corner ids, the weld's hash table, the
 * welded vertices, which the edge pass then reuses), kept between checks instead of
 * allocated fresh for each.
 *
 * Why module-level state in the pure domain: preflight runs in long-lived worker threads
 * (a warm pool, core/src/preflight/inspect-in-worker-pool.ts), and fresh memory is paid
 * for in page faults. Measured on a million-triangle binary STL: some 34 MB of fresh
 * arrays per check, about 8,500 page faults and 6-15 ms of system time, out of a
 * 63-75 ms check. Every thread has its own copy of this module, and a check runs
 * synchronously from start to end, so a scratch is never shared by two checks at once;
 * a nested check (never done today) would simply get a scratch of its own.
 *
 * Nothing read from a scratch depends on an earlier check: arrays handed out are either
 * cleared here (`zeroed`, only the prefix asked for) or fully written by their user
 * before they are read (corners, vertices, bucket entries). Sizes come from the
 * validated triangle count and the weld's own growth.
 */

/** What a check keeps after it ends, at most: one huge file must not pin hundreds of MB in a thread for good. */
export const KEPT_BYTES = 64 * 1024 * 1024;

export type ScratchRole = 'corners' | 'table' | 'vertices';

const ROLES: readonly ScratchRole[] = ['corners', 'table', 'vertices'];

/** Growable word buffers, one per role; a view handed out stays valid until the same role is asked for again. */
export class MeshScratch {
  private readonly buffers = new Map<ScratchRole, ArrayBuffer>();

  /** `length` words whose contents are left from earlier use: the caller writes each before reading it. */
  words(role: ScratchRole, length: number): Uint32Array {
    return new Uint32Array(this.buffer(role, length * 4), 0, length);
  }

  /** `length` words, all zero (only that prefix is cleared, not the whole buffer). */
  zeroed(role: ScratchRole, length: number): Uint32Array {
    return this.words(role, length).fill(0);
  }

  /** `length` floats whose first `kept.length` are `kept`'s (in place when the buffer is large enough already). */
  grownFloats(role: ScratchRole, length: number, kept?: Float32Array): Float32Array {
    const floats = new Float32Array(this.buffer(role, length * 4), 0, length);
    if (kept && kept.buffer !== floats.buffer) floats.set(kept);
    return floats;
  }

  /** Bytes held between checks. */
  get heldBytes(): number {
    let total = 0;
    for (const buffer of this.buffers.values()) total += buffer.byteLength;
    return total;
  }

  /** Lets go of the largest buffers until at most `limit` bytes are held. */
  trim(limit: number): void {
    const bySize = ROLES.filter((role) => this.buffers.has(role)).sort((a, b) => this.buffers.get(b)!.byteLength - this.buffers.get(a)!.byteLength);
    for (const role of bySize) {
      if (this.heldBytes <= limit) return;
      this.buffers.delete(role);
    }
  }

  /**
   * A buffer of at least `bytes`. Grown geometrically (doubling, but never past what may
   * be kept) so meshes that grow a little at a time do not reallocate every check; a
   * buffer that is outgrown is dropped, never copied (growFloats copies what it needs).
   */
  private buffer(role: ScratchRole, bytes: number): ArrayBuffer {
    const held = this.buffers.get(role);
    if (held && held.byteLength >= bytes) return held;
    const doubled = Math.min(2 * (held?.byteLength ?? 0), KEPT_BYTES);
    const buffer = new ArrayBuffer(Math.max(bytes, doubled));
    this.buffers.set(role, buffer);
    return buffer;
  }
}

let idle: MeshScratch | undefined;

/**
 * Runs `work` with this thread's scratch (a fresh one if it is already lent out), then
 * keeps at most KEPT_BYTES of it for the next check, also when `work` throws.
 */
export function withMeshScratch<T>(work: (scratch: MeshScratch) => T): T {
  const scratch = idle ?? new MeshScratch();
  idle = undefined;
  try {
    return work(scratch);
  } finally {
    scratch.trim(KEPT_BYTES);
    idle = scratch;
  }
}

/** What the thread keeps between checks (for tests of the cap). */
export function heldScratchBytes(): number {
  return idle?.heldBytes ?? 0;
}
