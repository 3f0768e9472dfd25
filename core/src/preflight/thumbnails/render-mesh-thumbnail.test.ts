import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors.ts';
import { binaryStl, cube, modelXml, threeMf } from '../../domain/preflight/mesh/fixtures/mesh-fixtures.ts';
import { parseStl } from '../../domain/preflight/mesh/index.ts';
import { renderMeshFileThumbnail, renderMeshThumbnail } from './render-mesh-thumbnail.ts';

const fixtures3mf = () => threeMf(modelXml({ unit: 'inch', meshes: { '1': cube(1) }, items: [{ objectid: '1' }] }));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function colours(png: Uint8Array): Map<string, number> {
  const image = PNG.sync.read(Buffer.from(png));
  const counts = new Map<string, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = `${image.data[i]},${image.data[i + 1]},${image.data[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function cubePositions(): Float32Array {
  const parsed = parseStl(binaryStl(cube(10, [100, 100, 0])));
  if (!parsed.ok) throw new Error(parsed.finding.message);
  return parsed.mesh.positions;
}

describe('renderMeshThumbnail', () => {
  it('draws a PNG of the requested size', () => {
    const png = renderMeshThumbnail(cubePositions(), { size: 96 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const image = PNG.sync.read(Buffer.from(png));
    expect([image.width, image.height]).toEqual([96, 96]);
  });

  it('shades the three visible faces of a cube differently, fitted to the image', () => {
    const counts = colours(renderMeshThumbnail(cubePositions(), { size: 128 }));
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // Background plus three large faces, each a flat shade of its own.
    expect(sorted.length).toBeGreaterThanOrEqual(4);
    for (const face of sorted.slice(1, 4)) expect(face).toBeGreaterThan(128 * 128 * 0.06);
    // Fitted, not a speck in a corner (a far-away origin does not matter): the model covers a good share.
    expect(128 * 128 - sorted[0]!).toBeGreaterThan(128 * 128 * 0.35);
  });

  it('draws nothing but the background for an empty mesh, and skips NaN triangles', () => {
    expect([...colours(renderMeshThumbnail(new Float32Array(0), { size: 32 })).keys()]).toHaveLength(1);
    const positions = new Float32Array([...cubePositions(), Number.NaN, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(colours(renderMeshThumbnail(positions, { size: 64 })).size).toBeGreaterThanOrEqual(4);
  });

  it('renders STL, OBJ and 3MF files, and refuses what preflight refuses with its finding code', () => {
    const stl = binaryStl(cube(10));
    const obj = new TextEncoder().encode('v 0 0 0\nv 10 0 0\nv 0 10 0\nv 0 0 10\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n');
    const threeMf = fixtures3mf();
    for (const [bytes, kind] of [[stl, 'stl'], [obj, 'obj'], [threeMf, '3mf']] as const) {
      expect(colours(renderMeshFileThumbnail(bytes, kind, { size: 48 })).size, kind).toBeGreaterThanOrEqual(3);
    }
    const lying = stl.slice();
    new DataView(lying.buffer).setUint32(80, 999, true);
    expect(() => renderMeshFileThumbnail(lying, 'stl', { size: 48 })).toThrow(expect.objectContaining({ details: { code: 'stl.size_mismatch' } }));
    expect(() => renderMeshFileThumbnail(stl, 'stl', { size: 48, limits: { maxTriangles: 5 } })).toThrow(BadRequestError);
  });

  it('refuses a size that is not a sensible whole number of pixels', () => {
    expect(() => renderMeshThumbnail(cubePositions(), { size: 0 })).toThrow(RangeError);
    expect(() => renderMeshThumbnail(cubePositions(), { size: 10.5 })).toThrow(RangeError);
    expect(() => renderMeshThumbnail(cubePositions(), { size: 100_000 })).toThrow(RangeError);
  });
});
