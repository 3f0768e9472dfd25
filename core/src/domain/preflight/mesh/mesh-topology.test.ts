import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryStl, type Point, type Triangle } from './fixtures/mesh-fixtures.ts';
import { binaryStlTopology } from './inspect-stl-binary.ts';
import { analyzeTopology, topologyOf, type Topology } from './mesh-topology.ts';
import { weldVertices } from './weld-vertices.ts';

/**
 * The welded topology checked against a plain reference (Map keys, no hashing, no
 * streaming), so a faster weld or edge pass cannot change a fact unnoticed: vertices
 * weld when bit-identical with -0 as 0; an edge used once is open, one not used exactly
 * once each way is non-manifold; triangles with a repeated vertex have no edges; shells
 * are triangles connected through shared vertices.
 */
function referenceTopology(triangles: Triangle[]): Topology {
  const ids = new Map<string, number>();
  const idOf = (p: Point) => {
    const key = p.map((v) => (v === 0 ? 0 : Math.fround(v))).join(',');
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  };
  const corners = triangles.map((t) => t.map(idOf));
  const uses = new Map<string, { forward: number; backward: number }>();
  for (const [a, b, c] of corners) {
    if (a === b || b === c || a === c) continue;
    for (const [from, to] of [[a, b], [b, c], [c, a]] as [number, number][]) {
      const key = `${Math.min(from, to)}-${Math.max(from, to)}`;
      const use = uses.get(key) ?? { forward: 0, backward: 0 };
      if (from < to) use.forward++;
      else use.backward++;
      uses.set(key, use);
    }
  }
  let openEdges = 0;
  let nonManifoldEdges = 0;
  for (const { forward, backward } of uses.values()) {
    if (forward + backward === 1) openEdges++;
    else if (forward !== 1 || backward !== 1) nonManifoldEdges++;
  }
  const parent = Array.from({ length: ids.size }, (_, v) => v);
  const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v]!)));
  for (const [a, b, c] of corners) {
    parent[find(a!)] = find(b!);
    parent[find(b!)] = find(c!);
  }
  const shells = parent.filter((p, v) => p === v).length;
  return { vertices: ids.size, openEdges, nonManifoldEdges, shells, watertight: triangles.length > 0 && openEdges === 0 && nonManifoldEdges === 0 };
}

const soup = (triangles: Triangle[]) => new Float32Array(triangles.flat(2));

/** Both paths the inspectors take: a soup (ASCII STL, OBJ, 3MF) and binary STL streamed from its bytes. */
function bothPaths(triangles: Triangle[], seed: number): [Topology, Topology] {
  return [analyzeTopology(soup(triangles), seed), binaryStlTopology(binaryStl(triangles), triangles.length, seed)];
}

/** Few distinct coordinates (with -0 beside 0) so random triangles share corners and edges. */
const coordinate = fc.constantFrom(0, -0, 1, 2.5, -3);
const point = fc.tuple(coordinate, coordinate, coordinate);
const triangle = fc.tuple(point, point, point);

/** A closed grid torus (quads split in two), every triangle wound outwards. */
function gridTorus(major: number, minor: number): Triangle[] {
  const at = (i: number, j: number): Point => {
    const u = (2 * Math.PI * (i % major)) / major;
    const v = (2 * Math.PI * (j % minor)) / minor;
    return [Math.fround((40 + 15 * Math.cos(v)) * Math.cos(u)), Math.fround((40 + 15 * Math.cos(v)) * Math.sin(u)), Math.fround(15 * Math.sin(v))];
  };
  const triangles: Triangle[] = [];
  for (let i = 0; i < major; i++) {
    for (let j = 0; j < minor; j++) {
      triangles.push([at(i, j), at(i + 1, j), at(i + 1, j + 1)], [at(i, j), at(i + 1, j + 1), at(i, j + 1)]);
    }
  }
  return triangles;
}

describe('mesh topology agrees with a plain reference', () => {
  it('random triangles over a few shared points, whatever the seed', () => {
    fc.assert(
      fc.property(fc.array(triangle, { minLength: 1, maxLength: 60 }), fc.integer(), (triangles, seed) => {
        const expected = referenceTopology(triangles);
        const [fromSoup, fromBytes] = bothPaths(triangles, seed);
        expect(fromSoup).toEqual(expected);
        expect(fromBytes).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a torus of thousands of triangles (several streamed blocks) with holes, flips, repeats and extra shells', () => {
    const torus = gridTorus(48, 40);
    const edit = fc.record({
      removed: fc.uniqueArray(fc.nat(torus.length - 1), { maxLength: 20 }),
      flipped: fc.uniqueArray(fc.nat(torus.length - 1), { maxLength: 20 }),
      repeated: fc.array(fc.nat(torus.length - 1), { maxLength: 5 }),
      loose: fc.array(triangle, { maxLength: 5 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(edit, ({ removed, flipped, repeated, loose, seed }) => {
        const gone = new Set(removed);
        const turned = new Set(flipped);
        const triangles = torus.flatMap((t, i): Triangle[] => (gone.has(i) ? [] : [turned.has(i) ? [t[0], t[2], t[1]] : t]));
        triangles.push(...repeated.map((i) => torus[i]!), ...loose);
        const expected = referenceTopology(triangles);
        const [fromSoup, fromBytes] = bothPaths(triangles, seed);
        expect(fromSoup).toEqual(expected);
        expect(fromBytes).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('the untouched torus is watertight, one shell; a flipped triangle makes its three edges non-manifold', () => {
    const torus = gridTorus(48, 40);
    expect(bothPaths(torus, 7)).toEqual([0, 1].map(() => ({ vertices: 48 * 40, openEdges: 0, nonManifoldEdges: 0, shells: 1, watertight: true })));
    const [a, b, c] = torus[100]!;
    const oneFlipped = torus.map((t, i): Triangle => (i === 100 ? [a, c, b] : t));
    expect(bothPaths(oneFlipped, 7)[1]).toMatchObject({ openEdges: 0, nonManifoldEdges: 3, watertight: false, shells: 1 });
  });

  it('the edge pass gives the same facts in the arrays the weld lends it as in arrays of its own', () => {
    fc.assert(
      fc.property(fc.array(triangle, { minLength: 1, maxLength: 60 }), (triangles) => {
        const expected = referenceTopology(triangles);
        const own = weldVertices(soup(triangles));
        expect(topologyOf(own.corners, own.vertexCount)).toEqual(expected);
        const tooSmall = { slots: new Uint32Array(1), vertexWords: new Uint32Array(1) };
        expect(topologyOf(own.corners, own.vertexCount, tooSmall)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
