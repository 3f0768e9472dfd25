import type { InspectLimits } from '../facts.ts';
import { EXPORT_AGAIN, failure, tooManyTriangles } from './mesh-findings.ts';
import type { MeshParse } from './mesh-types.ts';

const HEADER = 84;
const RECORD = 50;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Binary STL: 80-byte header, a triangle count, then 50 bytes per triangle (normal,
 * three corners, attribute). The size is checked against the count before anything is
 * allocated, so a lying count costs nothing.
 *
 * Written by hand rather than with three.js: a record's 36 bytes of corners sit at an
 * even offset, so on little-endian machines they are copied as 16-bit words straight
 * into the Float32Array's buffer, with no per-float DataView call.
 */
export function parseStlBinary(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): MeshParse {
  if (bytes.length < HEADER) {
    return failure('file.truncated', `The STL file is ${bytes.length} bytes, shorter than the 84-byte header of a binary STL.`, EXPORT_AGAIN);
  }
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
  const expected = HEADER + RECORD * count;
  if (expected !== bytes.length) {
    const cut = expected > bytes.length;
    return failure(
      'stl.size_mismatch',
      `The binary STL says it holds ${count.toLocaleString('en')} triangles, which take ${expected.toLocaleString('en')} bytes, but the file is ${bytes.length.toLocaleString('en')} bytes${cut ? ': it was cut short' : ''}.`,
      cut ? 'The upload or export was interrupted; export the model again and upload the complete file.' : EXPORT_AGAIN,
    );
  }
  if (count > limits.maxTriangles) return tooManyTriangles(count, limits.maxTriangles);

  const positions = new Float32Array(count * 9);
  const normals = new Float32Array(count * 3);
  if (littleEndian && bytes.byteOffset % 2 === 0) copyWords(bytes, count, positions, normals);
  else copyFloats(bytes, count, positions, normals);
  return { ok: true, mesh: { encoding: 'stl-binary', units: 'mm', triangles: count, positions, normals, objects: 1, warnings: [] } };
}

function copyWords(bytes: Uint8Array, count: number, positions: Float32Array, normals: Float32Array): void {
  const source = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 1);
  const corners = new Uint16Array(positions.buffer, positions.byteOffset, positions.length * 2);
  const facets = new Uint16Array(normals.buffer, normals.byteOffset, normals.length * 2);
  for (let t = 0, s = HEADER / 2, p = 0, n = 0; t < count; t++, s += RECORD / 2) {
    for (let k = 0; k < 6; k++) facets[n++] = source[s + k]!;
    const v = s + 6;
    for (let k = 0; k < 18; k++) corners[p++] = source[v + k]!;
  }
}

function copyFloats(bytes: Uint8Array, count: number, positions: Float32Array, normals: Float32Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let t = 0; t < count; t++) {
    const s = HEADER + t * RECORD;
    for (let k = 0; k < 3; k++) normals[t * 3 + k] = view.getFloat32(s + 4 * k, true);
    for (let k = 0; k < 9; k++) positions[t * 9 + k] = view.getFloat32(s + 12 + 4 * k, true);
  }
}
