import type { TriangleRecords } from './measure-geometry.ts';
import { MeshScratch } from './scratch-pool.ts';

/**
 * Welding: corners with bit-identical coordinates become one vertex (-0 counts as 0).
 *
 * Open addressing with linear probing over typed arrays: no Map, no string keys, no
 * object per vertex. The table holds vertex id + 1 (0 = empty); the welded vertices'
 * coordinates are kept in their own array, so records can be welded as they stream by
 * (binary STL is never turned into a soup for the checks).
 *
 * The hash is seeded from the mesh's own content (its volume and area, or a checksum):
 * a file crafted so that many vertices collide, making probing quadratic, would have to
 * collide under a seed that changes with every coordinate it changes.
 */
export interface Welded {
  /** Vertex id of every corner, three per triangle. */
  corners: Uint32Array;
  vertexCount: number;
  /** The welder's own arrays, no longer needed once welding is done; see WeldScratch. */
  scratch: WeldScratch;
}

/**
 * The weld's hash table (at least one word per corner) and vertex array (at least three
 * words per vertex), handed on to the edge pass when welding is done: a million-triangle
 * check then faults in and later frees 16 MB less (measured here: fresh memory costs about
 * 0.35 ms per MB to fault in, so some 5 ms of a 65-80 ms check, before the collector's share).
 */
export interface WeldScratch {
  slots: Uint32Array;
  vertexWords: Uint32Array;
}

/** The bits of -0 read as an Int32 (Int32, not Uint32, views keep V8 in integer arithmetic). */
const NEGATIVE_ZERO = -0x80000000;

export class Welder {
  private table: Uint32Array;
  private mask: number;
  private vertices: Float32Array;
  private vertexBits: Int32Array;
  private hashes = new Int32Array(0);
  private entries = new Uint32Array(0);
  vertexCount = 0;

  /**
   * `scratch` lends the table and the vertex array (a fresh one by default, so nothing is
   * kept); the arrays stay the scratch's, so use the welder's results before lending the
   * scratch to anything else.
   */
  constructor(
    readonly corners: Uint32Array,
    private readonly seed: number,
    private readonly scratch = new MeshScratch(),
  ) {
    // Closed meshes have about one vertex per six corners: start with a slot per corner
    // (a sixth load or below) and grow at half. Measured on a million-triangle torus: at a
    // quarter load the weld is 15-25% slower (a corner's first slot holds another vertex
    // more often, and that costs a mispredicted branch), at half load slower still. A
    // mesh of separate triangles ends at the same size either way.
    let capacity = 64;
    while (capacity < corners.length) capacity *= 2;
    this.table = zeroedTable(scratch, capacity);
    this.mask = capacity - 1;
    this.vertices = scratch.grownFloats('vertices', Math.max(48, Math.ceil(corners.length / 4) * 3));
    this.vertexBits = bitsOf(this.vertices);
  }

  /**
   * Welds a run of records in sweeps, because lookups are bound by memory latency: the
   * first hashes every corner; the second only reads each corner's table slot, a loop so
   * short that the CPU keeps many of these independent cache misses in flight (measured:
   * loading in the hashing loop leaves room for a few, and that load was half the weld's
   * time); the third takes the slot's vertex when it matches (most corners, after a
   * vertex's first use) and probes or inserts for the rest, in order, so a vertex added
   * earlier in the run is found again.
   */
  weld(records: TriangleRecords): void {
    const { source, stride, count } = records;
    const bits = new Int32Array(source.buffer, source.byteOffset, source.length);
    const shift = records.withNormals ? 3 : 0;
    if (this.hashes.length < count * 3) {
      this.hashes = new Int32Array(count * 3);
      this.entries = new Uint32Array(count * 3);
    }
    const { hashes, entries, seed } = this;
    let table = this.table;
    let mask = this.mask;
    for (let k = 0, r = records.at + shift, q = 0; k < count; k++, r += stride) {
      for (let i = r; i < r + 9; i += 3, q++) {
        let x = bits[i]!, y = bits[i + 1]!, z = bits[i + 2]!;
        if (x === NEGATIVE_ZERO) x = 0;
        if (y === NEGATIVE_ZERO) y = 0;
        if (z === NEGATIVE_ZERO) z = 0;
        hashes[q] = hash(x, y, z, seed);
      }
    }
    for (let q = 0; q < count * 3; q++) entries[q] = table[hashes[q]! & mask]!;

    const corners = this.corners;
    const cornerStep = records.step * 3;
    let vertices = this.vertices;
    let vertexCount = this.vertexCount;
    for (let k = 0, r = records.at + shift, c = records.first * 3, q = 0; k < count; k++, r += stride, c += cornerStep) {
      for (let corner = 0; corner < 3; corner++, q++) {
        const i = r + corner * 3;
        const px = source[i]!, py = source[i + 1]!, pz = source[i + 2]!;
        // Float comparison: -0 === 0, and NaN never welds (the analysis refuses NaN first).
        const first = entries[q]!;
        if (first !== 0) {
          const v = (first - 1) * 3;
          if (vertices[v] === px && vertices[v + 1] === py && vertices[v + 2] === pz) {
            corners[c + corner] = first - 1;
            continue;
          }
        }
        let slot = hashes[q]! & mask;
        let id = -1;
        while (true) {
          const entry = table[slot]!;
          if (entry === 0) break;
          const v = (entry - 1) * 3;
          if (vertices[v] === px && vertices[v + 1] === py && vertices[v + 2] === pz) {
            id = entry - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (id < 0) {
          id = vertexCount++;
          table[slot] = id + 1;
          if (vertexCount * 3 > vertices.length) {
            this.growVertices();
            vertices = this.vertices;
          }
          vertices[id * 3] = px;
          vertices[id * 3 + 1] = py;
          vertices[id * 3 + 2] = pz;
          if (vertexCount * 2 > table.length) {
            this.vertexCount = vertexCount;
            this.rehash();
            table = this.table;
            mask = this.mask;
          }
        }
        corners[c + corner] = id;
      }
    }
    this.vertexCount = vertexCount;
  }

  private growVertices(): void {
    this.vertices = this.scratch.grownFloats('vertices', this.vertices.length * 2, this.vertices);
    this.vertexBits = bitsOf(this.vertices);
  }

  /** The arrays the welder is done with; welding further would write into them, so don't. */
  spent(): WeldScratch {
    return { slots: this.table, vertexWords: new Uint32Array(this.vertices.buffer, this.vertices.byteOffset, this.vertices.length) };
  }

  private rehash(): void {
    const capacity = this.table.length * 2;
    // The old table is not read again (the vertices are rehashed from their coordinates), so the new one may take its memory.
    const table = zeroedTable(this.scratch, capacity);
    const mask = capacity - 1;
    const bits = this.vertexBits;
    for (let v = 0; v < this.vertexCount; v++) {
      let x = bits[v * 3]!, y = bits[v * 3 + 1]!, z = bits[v * 3 + 2]!;
      if (x === NEGATIVE_ZERO) x = 0;
      if (y === NEGATIVE_ZERO) y = 0;
      if (z === NEGATIVE_ZERO) z = 0;
      let slot = hash(x, y, z, this.seed) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = v + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * Welds a triangle soup (nine floats per triangle). With a `scratch`, every array of the
 * result is the scratch's, valid only until the scratch is lent again; without one, the
 * result's arrays are its own.
 */
export function weldVertices(positions: Float32Array, seed = checksum(positions), scratch?: MeshScratch): Welded {
  const triangles = Math.floor(positions.length / 9);
  const corners = scratch ? scratch.words('corners', triangles * 3) : new Uint32Array(triangles * 3);
  const welder = new Welder(corners, seed, scratch);
  for (let first = 0; first < triangles; first += WELD_BLOCK) {
    welder.weld({ source: positions, at: first * 9, stride: 9, count: Math.min(WELD_BLOCK, triangles - first), withNormals: false, first, step: 1 });
  }
  return { corners: welder.corners, vertexCount: welder.vertexCount, scratch: welder.spent() };
}

/** A seed from the measured geometry, which depends on every coordinate. */
export function seedFrom(...values: number[]): number {
  const view = new DataView(new ArrayBuffer(8));
  let seed = 0x2545f491;
  for (const value of values) {
    view.setFloat64(0, value);
    seed = Math.imul(seed ^ view.getUint32(0), 0x01000193) ^ view.getUint32(4);
  }
  return Math.imul(seed ^ (seed >>> 16), 0x45d9f3b);
}

function checksum(positions: Float32Array): number {
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length);
  let sum = 0;
  for (let i = 0; i < bits.length; i++) sum = (sum + bits[i]!) | 0;
  return seedFrom(sum);
}

/**
 * A cleared table, written through even when its memory is fresh: its first touches are
 * random reads, and a page first read maps the shared zero page, only to fault again at
 * its first write; writing it up front halves the faults (measured: 4,000 fewer per
 * million triangles, 10-20 ms less system time on a fresh process, for 1-2 ms of writing).
 */
function zeroedTable(scratch: MeshScratch, capacity: number): Uint32Array {
  return scratch.zeroed('table', capacity);
}

function bitsOf(floats: Float32Array): Int32Array {
  return new Int32Array(floats.buffer, floats.byteOffset, floats.length);
}

/** Runs of this many triangles keep the weld loop short enough for V8 to optimise it normally. */
const WELD_BLOCK = 4096;

function hash(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ y, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13) ^ z, 0xc2b2ae3d);
  return h ^ (h >>> 16);
}
