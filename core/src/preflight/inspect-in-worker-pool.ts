import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileKind, InspectLimits } from '../domain/preflight/facts.ts';

/** What the worker thread can do; `task` picks it. */
export type WorkerTask =
  | { task: 'inspect'; bytes: Uint8Array; name?: string; limits?: Partial<InspectLimits> }
  | { task: 'thumbnail'; bytes: Uint8Array; kind: FileKind; size: number };

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type WorkerOutcome =
  | { kind: 'done'; value: unknown }
  | { kind: 'failed'; error: string }
  | { kind: 'timeout' }
  | { kind: 'out_of_memory' }
  | { kind: 'crashed'; error: string };

export interface WorkerBudget {
  /** Wall-clock budget from when a thread takes the task; past it the thread is terminated. Default 20 s. */
  timeoutMs?: number;
  /** V8 heap budget for the thread (the file's bytes live outside it). Default 512 MB. */
  maxMemoryMb?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_MEMORY_MB = 512;
/** Two threads suit the two-core machines this runs on; more tasks wait their turn. */
const POOL_SIZE = 2;
/** An idle thread is ended after this long; until then the next file skips ~0.5 s of start-up. */
const IDLE_MS = 30_000;

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './inspect-in-worker.worker.ts' : './inspect-in-worker.worker.js', import.meta.url);

/**
 * Running from TypeScript sources (the CLI under `node --import tsx`, or vitest) the
 * thread needs the same loader: it is given explicitly, as vitest's own process flags
 * mean nothing to a plain worker thread.
 */
function loaderArgs(): string[] {
  if (!import.meta.url.endsWith('.ts')) return [];
  try {
    return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
  } catch {
    // tsx not resolvable from this file: let Node look it up from the working directory.
    return ['--import', 'tsx'];
  }
}

/**
 * The task's bytes go to the thread by transfer, not by copy: an array that owns its
 * whole buffer is moved (the caller's array is left empty); anything else (a view into
 * a larger buffer, a pooled Node Buffer) is copied once into a buffer that is moved.
 */
function transferable(bytes: Uint8Array): Uint8Array {
  const ownsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return ownsBuffer ? bytes : bytes.slice();
}

interface Pending {
  request: WorkerRequest;
  budget: Required<WorkerBudget>;
  resolve: (outcome: WorkerOutcome) => void;
}

interface Slot {
  worker: Worker;
  maxMemoryMb: number;
  current: { pending: Pending; timer: NodeJS.Timeout } | null;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Worker threads with a heap limit, kept warm between files and replaced whenever one
 * runs late, runs out of memory or dies: the task it held gets that outcome, the thread
 * and whatever a hostile file left in it are gone.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly size = POOL_SIZE) {}

  run(task: WorkerTask, budget: WorkerBudget = {}): Promise<WorkerOutcome> {
    const request: WorkerRequest = { id: this.nextId++, task: { ...task, bytes: transferable(task.bytes) } };
    const full = { timeoutMs: budget.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: budget.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB };
    return new Promise((resolve) => {
      this.queue.push({ request, budget: full, resolve });
      this.dispatch();
    });
  }

  /**
   * Starts idle threads ahead of the first file (up to the pool size), so a long-running
   * process pays the thread and module start-up (~0.2–1 s under tsx) at boot, not on a
   * customer's upload.
   */
  prewarm(maxMemoryMb = DEFAULT_MAX_MEMORY_MB): void {
    while (this.slots.size < this.size) {
      const slot = this.spawn(maxMemoryMb);
      if (typeof slot === 'string') return;
      this.idle(slot);
    }
  }

  /** Ends every thread; waiting and running tasks come back as crashed. */
  async close(): Promise<void> {
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'crashed', error: 'the worker pool was closed' });
    await Promise.all([...this.slots].map((slot) => this.retire(slot, { kind: 'crashed', error: 'the worker pool was closed' })));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const pending = this.queue[0]!;
      const idle = [...this.slots].find((slot) => !slot.current && slot.maxMemoryMb === pending.budget.maxMemoryMb);
      let slot: Slot | string | undefined = idle;
      if (!slot) {
        if (this.slots.size >= this.size) {
          // A thread with another heap limit is idle: make room for one with this task's limit.
          const other = [...this.slots].find((s) => !s.current);
          if (!other) return;
          void this.retire(other, null);
        }
        slot = this.spawn(pending.budget.maxMemoryMb);
      }
      this.queue.shift();
      if (typeof slot === 'string') pending.resolve({ kind: 'crashed', error: slot });
      else this.start(slot, pending);
    }
  }

  /** A new thread, or why it could not start. */
  private spawn(maxMemoryMb: number): Slot | string {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, {
        execArgv: loaderArgs(),
        resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, maxMemoryMb / 8)), stackSizeMb: 8 },
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    const slot: Slot = { worker, maxMemoryMb, current: null, idleTimer: null };
    this.slots.add(slot);
    worker.on('message', (reply: WorkerReply) => {
      if (!slot.current || slot.current.pending.request.id !== reply.id) return;
      this.settle(slot, reply.ok ? { kind: 'done', value: reply.value } : { kind: 'failed', error: reply.error });
      this.idle(slot);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      void this.retire(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out_of_memory' } : { kind: 'crashed', error: error.message });
    });
    worker.on('exit', (code) => {
      void this.retire(slot, { kind: 'crashed', error: `the worker exited with code ${code}` });
    });
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker.ref();
    const timer = setTimeout(() => void this.retire(slot, { kind: 'timeout' }), pending.budget.timeoutMs);
    slot.current = { pending, timer };
    try {
      slot.worker.postMessage(pending.request, [pending.request.task.bytes.buffer as ArrayBuffer]);
    } catch (error) {
      void this.retire(slot, { kind: 'crashed', error: error instanceof Error ? error.message : String(error) });
    }
  }

  private settle(slot: Slot, outcome: WorkerOutcome): void {
    const current = slot.current;
    if (!current) return;
    slot.current = null;
    clearTimeout(current.timer);
    current.pending.resolve(outcome);
  }

  /** An idle thread doesn't keep the process alive, and ends after IDLE_MS. */
  private idle(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot, null), IDLE_MS);
    slot.idleTimer.unref();
  }

  private async retire(slot: Slot, outcome: WorkerOutcome | null): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    if (outcome) this.settle(slot, outcome);
    await slot.worker.terminate();
    this.dispatch();
  }
}
