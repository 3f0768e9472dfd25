import type { InspectLimits } from '../facts.ts';
import { accumulateGeometry, geometryAccumulator, geometryResult } from './measure-geometry.ts';
import type { MeshParse } from './mesh-types.ts';
import { binaryStlCount, forEachBinaryStlRun } from './stl-binary-records.ts';

/**
 * Binary STL into a triangle soup, measured (bbox, volume, area, stored normals against
 * winding) in the same pass as it is copied. Written by hand: see forEachBinaryStlRun.
 */
export function parseStlBinary(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): MeshParse {
  const count = binaryStlCount(bytes, limits);
  if (!count.ok) return count;
  const triangles = count.value;
  const positions = new Float32Array(triangles * 9);
  const acc = geometryAccumulator();
  forEachBinaryStlRun(bytes, triangles, (records) => accumulateGeometry(acc, records, positions));
  return { ok: true, mesh: { encoding: 'stl-binary', units: 'mm', triangles, positions, geometry: geometryResult(acc), objects: 1, warnings: [] } };
}
