import { describe, expect, it } from 'vitest';
import type { MeshFacts } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { binaryStl, cube, cubeCorners, cubeQuads, text, type Point } from './fixtures/mesh-fixtures.ts';
import { inspectObj, inspectStl } from './index.ts';

const limits = defaultInspectLimits;

/** A cube written as an OBJ with quads; `ref` chooses how each corner index is written. */
function objCube(size: number, offset: Point, ref: (index: number, defined: number) => string, defined = 0): string {
  const vertices = cubeCorners(size, offset).map(([x, y, z]) => `v ${x} ${y} ${z}`);
  const faces = cubeQuads().map((quad) => `f ${quad.map((i) => ref(i, defined + 8)).join(' ')}`);
  return `${vertices.join('\n')}\n${faces.join('\n')}\n`;
}

describe('OBJ', () => {
  it('a quad cube matches the same cube as STL', () => {
    const obj = inspectObj(text(`# exported\nmtllib cube.mtl\no Cube\n${objCube(10, [0, 0, 0], (i) => `${i + 1}`)}`), limits);
    const stl = inspectStl(binaryStl(cube(10)), limits);
    expect(obj.ok && stl.ok).toBe(true);
    if (!obj.ok || !stl.ok) return;
    expect(obj.facts).toEqual({ ...(stl.facts as MeshFacts), kind: 'obj', encoding: 'obj', invertedNormals: 0 });
  });

  it('reads negative indices, v/vt/vn forms and counts o/g objects', () => {
    const first = objCube(10, [0, 0, 0], (i, defined) => `${i - defined}/${i + 1}/1`, 0);
    const second = objCube(4, [20, 0, 0], (i) => `${i + 9}//2`);
    const inspection = inspectObj(text(`o First\nvt 0 0\nvn 0 0 1\n${first}g Second\nusemtl red\ns off\n${second}`), limits);
    expect(inspection.ok).toBe(true);
    if (!inspection.ok) return;
    expect(inspection.facts).toMatchObject({ triangles: 24, shells: 2, objects: 2, watertight: true, units: 'mm' });
    expect((inspection.facts as MeshFacts).volumeMm3).toBeCloseTo(1064, 6);
  });

  it('fan-triangulates polygons', () => {
    const hexagon = Array.from({ length: 6 }, (_, i) => `v ${Math.cos((i * Math.PI) / 3)} ${Math.sin((i * Math.PI) / 3)} 0`).join('\n');
    const inspection = inspectObj(text(`${hexagon}\nf 1 2 3 4 5 6\n`), limits);
    expect(inspection.ok && inspection.facts).toMatchObject({ triangles: 4, openEdges: 6, watertight: false });
  });

  it('an index past the defined vertices is refused with its line', () => {
    const inspection = inspectObj(text('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n'), limits);
    expect(inspection).toMatchObject({ ok: false, kind: 'obj', finding: { code: 'obj.bad_index', severity: 'error' } });
    expect(!inspection.ok && inspection.finding.message).toContain('vertex 9, but 3 vertices');
    expect(!inspection.ok && inspection.finding.message).toContain('line 4');
    expect(inspectObj(text('v 0 0 0\nf 0 1 1\n'), limits)).toMatchObject({ ok: false, finding: { code: 'obj.bad_index' } });
    expect(inspectObj(text('v 0 0 0\nf -2 1 1\n'), limits)).toMatchObject({ ok: false, finding: { code: 'obj.bad_index' } });
  });

  it('refuses malformed vertices and faces, and files with no faces', () => {
    expect(inspectObj(text('v 0 zero 0\n'), limits)).toMatchObject({ ok: false, finding: { code: 'obj.bad_vertex' } });
    expect(inspectObj(text('v 0 0 0\nv 1 1 1\nf 1 2\n'), limits)).toMatchObject({ ok: false, finding: { code: 'obj.bad_face' } });
    expect(inspectObj(text('v 0 0 0\n# no faces\n'), limits)).toMatchObject({ ok: false, finding: { code: 'mesh.empty' } });
  });

  it('caps triangles', () => {
    const inspection = inspectObj(text(objCube(10, [0, 0, 0], (i) => `${i + 1}`)), { ...limits, maxTriangles: 11 });
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'mesh.too_many_triangles' } });
  });
});
