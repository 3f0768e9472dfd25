/**
 * Welding: corners with bit-identical coordinates become one vertex (-0 counts as 0).
 *
 * Open addressing with linear probing over typed arrays: no Map, no string keys, no
 * object per vertex. The table stores vertex id + 1 (0 = empty) and each vertex
 * remembers one corner that has its coordinates, so nothing is copied.
 *
 * The hash is seeded from the file's own coordinates: a file crafted so that many
 * vertices collide (which would make probing quadratic and hang the worker) would have
 * to collide under a seed that changes with every coordinate it changes.
 */
export interface Welded {
  /** Vertex id of every corner, three per triangle. */
  corners: Uint32Array;
  vertexCount: number;
  /** For each vertex, one corner index whose coordinates it has. */
  representative: Uint32Array;
}

const NEGATIVE_ZERO = 0x80000000;

export function weldVertices(positions: Float32Array): Welded {
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length);
  const cornerCount = Math.floor(positions.length / 3);
  let seed = 0x2545f491;
  for (let i = 0; i < bits.length; i++) seed = (seed + bits[i]!) | 0;
  seed = Math.imul(seed ^ (seed >>> 16), 0x45d9f3b);

  const corners = new Uint32Array(cornerCount);
  const representative = new Uint32Array(cornerCount);
  // Closed meshes have about one vertex per six corners: start at half load or below and grow.
  let capacity = 64;
  while (capacity < cornerCount / 2) capacity *= 2;
  let table: Uint32Array = new Uint32Array(capacity);
  let mask = capacity - 1;
  let vertexCount = 0;

  for (let c = 0; c < cornerCount; c++) {
    const i = c * 3;
    let x = bits[i]!, y = bits[i + 1]!, z = bits[i + 2]!;
    if (x === NEGATIVE_ZERO) x = 0;
    if (y === NEGATIVE_ZERO) y = 0;
    if (z === NEGATIVE_ZERO) z = 0;
    let slot = hash(x, y, z, seed) & mask;
    const px = positions[i]!, py = positions[i + 1]!, pz = positions[i + 2]!;
    while (true) {
      const entry = table[slot]!;
      if (entry === 0) {
        table[slot] = vertexCount + 1;
        representative[vertexCount] = c;
        corners[c] = vertexCount++;
        break;
      }
      const r = representative[entry - 1]! * 3;
      // Float comparison: -0 === 0, and NaN never welds (the analysis reports those first).
      if (positions[r] === px && positions[r + 1] === py && positions[r + 2] === pz) {
        corners[c] = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (vertexCount * 2 > capacity) {
      capacity *= 2;
      mask = capacity - 1;
      table = rehash(bits, representative, vertexCount, capacity, seed);
    }
  }
  return { corners, vertexCount, representative };
}

function rehash(bits: Uint32Array, representative: Uint32Array, vertexCount: number, capacity: number, seed: number): Uint32Array {
  const table = new Uint32Array(capacity);
  const mask = capacity - 1;
  for (let v = 0; v < vertexCount; v++) {
    const i = representative[v]! * 3;
    let x = bits[i]!, y = bits[i + 1]!, z = bits[i + 2]!;
    if (x === NEGATIVE_ZERO) x = 0;
    if (y === NEGATIVE_ZERO) y = 0;
    if (z === NEGATIVE_ZERO) z = 0;
    let slot = hash(x, y, z, seed) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = v + 1;
  }
  return table;
}

function hash(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ y, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13) ^ z, 0xc2b2ae3d);
  return h ^ (h >>> 16);
}
