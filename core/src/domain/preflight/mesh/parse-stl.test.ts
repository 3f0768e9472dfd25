import { describe, expect, it } from 'vitest';
import { defaultInspectLimits } from '../limits.ts';
import { asciiStl, binaryStl, cube, text } from './fixtures/mesh-fixtures.ts';
import { inspectStl, parseStl } from './index.ts';

const limits = defaultInspectLimits;

describe('STL: binary and ASCII', () => {
  it('ASCII and binary of the same mesh give the same facts', () => {
    const triangles = [...cube(10), ...cube(2.5, [20, 0.25, 0])];
    const binary = inspectStl(binaryStl(triangles), limits);
    const ascii = inspectStl(text(asciiStl(triangles)), limits);
    expect(binary.ok && ascii.ok).toBe(true);
    if (!binary.ok || !ascii.ok) return;
    expect(ascii.facts).toEqual({ ...binary.facts, encoding: 'stl-ascii' });
  });

  it('reads a binary STL whose header starts with "solid" as binary', () => {
    const parsed = parseStl(binaryStl(cube(10), { header: 'solid exported by a CAD program' }));
    expect(parsed.ok && parsed.mesh.encoding).toBe('stl-binary');
    expect(parsed.ok && parsed.mesh.triangles).toBe(12);
  });

  it('exposes positions for the renderer, in file order', () => {
    const triangles = cube(10, [1, 2, 3]);
    const parsed = parseStl(binaryStl(triangles));
    if (!parsed.ok) throw new Error(parsed.finding.message);
    expect(parsed.mesh.positions).toBeInstanceOf(Float32Array);
    expect([...parsed.mesh.positions]).toEqual(triangles.flat(2));
  });

  it('reads records at every alignment, also from a view that starts at an odd byte', () => {
    const triangles = Array.from({ length: 2100 }, (_, i) => cube(1 + (i % 7), [i, i % 5, -i])[i % 12]!);
    const bytes = binaryStl(triangles);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    for (const view of [bytes, shifted.subarray(1)]) {
      const parsed = parseStl(view);
      if (!parsed.ok) throw new Error(parsed.finding.message);
      expect([...parsed.mesh.positions]).toEqual(triangles.flat(2).map(Math.fround));
    }
  });

  it('reads ASCII tolerantly: any case, CRLF, tabs, -nan normals, exponents, several solids', () => {
    const body = asciiStl(cube(10)).replace(/\n/g, '\r\n').replace(/vertex/g, 'VERTEX\t').replace(/facet normal [^\r]*/, 'facet normal -nan -nan -nan');
    const second = asciiStl(cube(1e1, [2e1, 0, 0]), 'second').replace(/vertex 20/g, 'vertex 2.0e+1');
    const inspection = inspectStl(text(body + second), limits);
    expect(inspection.ok).toBe(true);
    if (!inspection.ok) return;
    expect(inspection.facts).toMatchObject({ triangles: 24, shells: 2, objects: 2, watertight: true });
    expect(inspection.findings).toEqual([]);
  });

  it('warns when the ASCII file ends after a whole facet but without endsolid', () => {
    const body = asciiStl(cube(10)).replace(/endsolid test\n$/, '');
    const inspection = inspectStl(text(body), limits);
    expect(inspection.ok && inspection.findings.map((f) => [f.code, f.severity])).toEqual([['stl.no_endsolid', 'warning']]);
  });
});

describe('STL: lying, truncated and oversized files', () => {
  it('a binary count that does not match the size is refused before allocating, naming the numbers', () => {
    const bytes = binaryStl(cube(10));
    new DataView(bytes.buffer).setUint32(80, 1_000_000_000, true);
    const inspection = inspectStl(bytes, limits);
    expect(inspection).toMatchObject({ ok: false, kind: 'stl', finding: { code: 'stl.size_mismatch', severity: 'error' } });
    if (inspection.ok) return;
    expect(inspection.finding.message).toContain('1,000,000,000 triangles');
    expect(inspection.finding.message).toContain('50,000,000,084 bytes');
    expect(inspection.finding.message).toContain(`${bytes.length} bytes`);
    expect(inspection.finding.fix).toBeTruthy();
  });

  it('a binary STL cut short is a size mismatch', () => {
    const bytes = binaryStl(cube(10)).subarray(0, 84 + 50 * 12 - 7);
    const inspection = inspectStl(bytes, limits);
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'stl.size_mismatch' } });
    expect(!inspection.ok && inspection.finding.message).toContain('cut short');
  });

  it('a file shorter than the binary header is truncated', () => {
    expect(inspectStl(new Uint8Array(40), limits)).toMatchObject({ ok: false, finding: { code: 'file.truncated' } });
  });

  it('an ASCII STL cut in the middle of a facet is truncated, not a smaller mesh', () => {
    const body = asciiStl(cube(10));
    const cut = body.slice(0, body.indexOf('vertex', body.length / 2) + 12);
    const inspection = inspectStl(text(cut), limits);
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'file.truncated', severity: 'error' } });
    expect(!inspection.ok && inspection.finding.message).toMatch(/facet \d+/);
  });

  it('ASCII garbage gets the line it is on', () => {
    const body = asciiStl(cube(10)).replace('vertex 0 10 0', 'vertex 0 ten 0');
    const inspection = inspectStl(text(body), limits);
    expect(inspection).toMatchObject({ ok: false, finding: { code: 'stl.bad_number' } });
    expect(!inspection.ok && inspection.finding.message).toMatch(/"ten".*line \d+/);
  });

  it('a facet with four corners is refused', () => {
    const body = asciiStl(cube(10)).replace('endloop', 'vertex 1 1 1\n    endloop');
    expect(inspectStl(text(body), limits)).toMatchObject({ ok: false, finding: { code: 'stl.bad_facet' } });
  });

  it('more triangles than the limit is an error, binary and ASCII alike', () => {
    const small = { ...limits, maxTriangles: 10 };
    expect(inspectStl(binaryStl(cube(10)), small)).toMatchObject({ ok: false, finding: { code: 'mesh.too_many_triangles', severity: 'error' } });
    expect(inspectStl(text(asciiStl(cube(10))), small)).toMatchObject({ ok: false, finding: { code: 'mesh.too_many_triangles' } });
  });
});
