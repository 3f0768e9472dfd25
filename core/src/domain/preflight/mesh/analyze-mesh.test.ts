import { describe, expect, it } from 'vitest';
import type { Inspection, MeshFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { asciiStl, binaryStl, cube, flip, normalOf, text, type Triangle } from './fixtures/mesh-fixtures.ts';
import { inspectStl } from './index.ts';

function factsOf(inspection: Inspection): MeshFacts {
  if (!inspection.ok) throw new Error(`expected facts, got ${inspection.finding.code}: ${inspection.finding.message}`);
  return inspection.facts as MeshFacts;
}

const inspect = (triangles: Triangle[], normals?: [number, number, number][]) => inspectStl(binaryStl(triangles, { normals }), defaultInspectLimits);

describe('mesh facts of hand-computed meshes', () => {
  it('a 10 mm cube: 1000 mm³, 600 mm², watertight, one shell', () => {
    const inspection = inspect(cube(10, [5, -5, 2]));
    const facts = factsOf(inspection);
    expect(facts).toMatchObject({
      kind: 'stl',
      encoding: 'stl-binary',
      units: 'mm',
      triangles: 12,
      watertight: true,
      openEdges: 0,
      nonManifoldEdges: 0,
      degenerateTriangles: 0,
      invertedNormals: 0,
      shells: 1,
      objects: 1,
      boundingBoxMm: { min: { x: 5, y: -5, z: 2 }, max: { x: 15, y: 5, z: 12 }, size: { x: 10, y: 10, z: 10 } },
    });
    expect(facts.volumeMm3).toBeCloseTo(1000, 6);
    expect(facts.surfaceAreaMm2).toBeCloseTo(600, 6);
    expect(inspection.ok && inspection.findings).toEqual([]);
  });

  it('a cube with one face removed has four open edges and is not watertight', () => {
    const facts = factsOf(inspect(cube(10).slice(2)));
    expect(facts.openEdges).toBe(4);
    expect(facts.nonManifoldEdges).toBe(0);
    expect(facts.watertight).toBe(false);
    expect(facts.surfaceAreaMm2).toBeCloseTo(500, 6);
  });

  it('two disjoint cubes are two shells of 2000 mm³ together', () => {
    const facts = factsOf(inspect([...cube(10), ...cube(5, [20, 0, 0])]));
    expect(facts.shells).toBe(2);
    expect(facts.volumeMm3).toBeCloseTo(1125, 6);
    expect(facts.watertight).toBe(true);
    const twins = factsOf(inspect([...cube(10), ...cube(10, [20, 0, 0])]));
    expect(twins.volumeMm3).toBeCloseTo(2000, 6);
  });

  it('two cubes touching at one corner share a vertex and so are one shell', () => {
    expect(factsOf(inspect([...cube(10), ...cube(10, [10, 10, 10])])).shells).toBe(1);
  });

  it('an inside-out cube reports its volume as positive and says it is inside out', () => {
    const flipped = flip(cube(10));
    const inspection = inspect(flipped);
    const facts = factsOf(inspection);
    expect(facts.volumeMm3).toBeCloseTo(1000, 6);
    expect(facts.watertight).toBe(true);
    expect(inspection.ok && inspection.findings.map((f) => f.code)).toEqual(['mesh.inside_out']);
  });

  it('counts stored normals that point against the winding', () => {
    const triangles = cube(10);
    const normals = triangles.map((t, i) => {
      const n = normalOf(t);
      return i < 3 ? ([-n[0], -n[1], -n[2]] as [number, number, number]) : n;
    });
    expect(factsOf(inspect(triangles, normals)).invertedNormals).toBe(3);
    // Exporters that write zero normals leave the winding to speak for itself.
    expect(factsOf(inspect(triangles, triangles.map(() => [0, 0, 0]))).invertedNormals).toBe(0);
  });

  it('counts zero-area triangles as degenerate without breaking the rest', () => {
    const sliver: Triangle = [[0, 0, 0], [5, 0, 0], [10, 0, 0]];
    const collapsed: Triangle = [[1, 1, 1], [1, 1, 1], [2, 2, 2]];
    const facts = factsOf(inspect([...cube(10), sliver, collapsed]));
    expect(facts.degenerateTriangles).toBe(2);
    expect(facts.volumeMm3).toBeCloseTo(1000, 6);
  });

  it('an edge shared by three triangles is non-manifold', () => {
    const fin: Triangle = [[0, 0, 0], [10, 0, 0], [5, -5, 0]];
    const facts = factsOf(inspect([...cube(10), fin]));
    expect(facts.nonManifoldEdges).toBe(1);
    expect(facts.openEdges).toBe(2);
    expect(facts.watertight).toBe(false);
  });

  it('a triangle repeated with the same winding makes its edges non-manifold', () => {
    const triangles = cube(10);
    const facts = factsOf(inspect([...triangles, triangles[0]!]));
    expect(facts.nonManifoldEdges).toBe(3);
    expect(facts.watertight).toBe(false);
  });

  it('welds -0 and 0 as one vertex', () => {
    const triangles = cube(10).map((t) => t.map((p) => p.map((v) => (v === 0 ? -0 : v))) as Triangle);
    triangles[0] = cube(10)[0]!;
    expect(factsOf(inspect(triangles)).watertight).toBe(true);
  });

  it('thousands of separate triangles: every corner its own vertex (tables grow), one shell each', () => {
    const loose = Array.from({ length: 3000 }, (_, i): Triangle => [[i, 0, 0], [i + 0.5, 1, 0], [i, 0, 1]]);
    const binary = factsOf(inspect(loose));
    expect(binary).toMatchObject({ triangles: 3000, shells: 3000, openEdges: 9000, nonManifoldEdges: 0, watertight: false });
    const ascii = factsOf(inspectStl(text(asciiStl(loose)), defaultInspectLimits));
    expect(ascii).toEqual({ ...binary, encoding: 'stl-ascii' });
  });

  it('many cubes in one file weld the same streamed from the bytes as from a soup', () => {
    const cubes = Array.from({ length: 400 }, (_, i) => cube(1 + (i % 3), [(i % 20) * 5, Math.floor(i / 20) * 5, (i % 7) * 0.5])).flat();
    const binary = factsOf(inspect(cubes));
    expect(binary).toMatchObject({ triangles: 4800, shells: 400, watertight: true });
    expect(factsOf(inspectStl(text(asciiStl(cubes)), defaultInspectLimits))).toEqual({ ...binary, encoding: 'stl-ascii' });
  });

  it('an empty mesh is an error, not facts', () => {
    const inspection = inspect([]);
    expect(inspection).toMatchObject({ ok: false, kind: 'stl', finding: { code: 'mesh.empty', severity: 'error' } });
  });

  it('a NaN coordinate is an error naming how many triangles are damaged', () => {
    const triangles = cube(10);
    triangles[4] = [[Number.NaN, 0, 0], [1, 0, 0], [0, 1, 0]];
    const inspection = inspect(triangles);
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'mesh.bad_coordinates', severity: 'error' } });
    expect(!inspection.ok && inspection.finding.message).toContain('1 of 12');
  });
});
