import { weldVertices } from './weld-vertices.ts';

export interface Topology {
  vertices: number;
  openEdges: number;
  nonManifoldEdges: number;
  shells: number;
  /** Every edge shared by exactly two triangles, in opposite directions. */
  watertight: boolean;
}

/** Buckets longer than this are sorted with the built-in sort rather than by insertion. */
const SMALL_BUCKET = 16;

/**
 * Edge and shell analysis after welding. Edges are bucketed by their lower vertex with a
 * counting sort (two passes over typed arrays, no hash), each bucket holding
 * `upper * 2 + direction`; sorting a bucket puts an edge's uses side by side.
 * Triangles with a repeated vertex have no proper edges and are left out.
 */
export function analyzeTopology(positions: Float32Array, seed?: number): Topology {
  const { corners, vertexCount } = weldVertices(positions, seed);
  return topologyOf(corners, vertexCount);
}

/** Edges and shells of welded triangles (vertex ids, three per triangle). */
export function topologyOf(corners: Uint32Array, vertexCount: number): Topology {
  const triangles = Math.floor(corners.length / 3);

  const offsets = new Uint32Array(vertexCount + 1);
  for (let t = 0; t < triangles; t++) {
    const a = corners[t * 3]!, b = corners[t * 3 + 1]!, c = corners[t * 3 + 2]!;
    if (a === b || b === c || a === c) continue;
    offsets[a < b ? a : b]!++;
    offsets[b < c ? b : c]!++;
    offsets[c < a ? c : a]!++;
  }
  let total = 0;
  for (let v = 0; v < vertexCount; v++) {
    const count = offsets[v]!;
    offsets[v] = total;
    total += count;
  }
  offsets[vertexCount] = total;

  const entries = new Uint32Array(total);
  const cursor = offsets.slice(0, vertexCount);
  for (let t = 0; t < triangles; t++) {
    const a = corners[t * 3]!, b = corners[t * 3 + 1]!, c = corners[t * 3 + 2]!;
    if (a === b || b === c || a === c) continue;
    if (a < b) entries[cursor[a]!++] = b * 2;
    else entries[cursor[b]!++] = a * 2 + 1;
    if (b < c) entries[cursor[b]!++] = c * 2;
    else entries[cursor[c]!++] = b * 2 + 1;
    if (c < a) entries[cursor[c]!++] = a * 2;
    else entries[cursor[a]!++] = c * 2 + 1;
  }

  let openEdges = 0;
  let nonManifoldEdges = 0;
  for (let v = 0; v < vertexCount; v++) {
    const start = offsets[v]!, end = offsets[v + 1]!;
    if (end - start > SMALL_BUCKET) entries.subarray(start, end).sort();
    else insertionSort(entries, start, end);
    let i = start;
    while (i < end) {
      const upper = entries[i]! >>> 1;
      let forward = 0;
      let backward = 0;
      while (i < end && entries[i]! >>> 1 === upper) {
        if ((entries[i]! & 1) === 0) forward++;
        else backward++;
        i++;
      }
      if (forward + backward === 1) openEdges++;
      else if (forward !== 1 || backward !== 1) nonManifoldEdges++;
    }
  }

  const shells = countShells(corners, vertexCount);
  return { vertices: vertexCount, openEdges, nonManifoldEdges, shells, watertight: triangles > 0 && openEdges === 0 && nonManifoldEdges === 0 };
}

function insertionSort(values: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= start && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

/** Connected components of triangles sharing a vertex: union-find with path halving. */
function countShells(corners: Uint32Array, vertexCount: number): number {
  const parent = new Uint32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) parent[v] = v;
  const find = (start: number): number => {
    let v = start;
    while (parent[v] !== v) {
      const grand = parent[parent[v]!]!;
      parent[v] = grand;
      v = grand;
    }
    return v;
  };
  let shells = vertexCount;
  for (let i = 0; i + 2 < corners.length; i += 3) {
    const a = find(corners[i]!);
    const b = find(corners[i + 1]!);
    if (a !== b) {
      parent[a > b ? a : b] = a > b ? b : a;
      shells--;
    }
    const root = a > b ? b : a;
    const c = find(corners[i + 2]!);
    if (root !== c) {
      parent[root > c ? root : c] = root > c ? c : root;
      shells--;
    }
  }
  return shells;
}
