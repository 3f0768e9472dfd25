import type { InspectLimits } from '../facts.ts';
import type { TriangleRecords } from './measure-geometry.ts';
import { EXPORT_AGAIN, failure, tooManyTriangles } from './mesh-findings.ts';
import type { Step } from './mesh-types.ts';

const HEADER = 84;
const RECORD = 50;

/** Whether the size matches the triangle count of a binary STL (so it is one, whatever its first word). */
export function isBinaryStlSize(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER && HEADER + RECORD * new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true) === bytes.length;
}

/**
 * The triangle count of a binary STL (80-byte header, count, 50 bytes per triangle),
 * checked against the file size before anything is allocated, so a lying count costs
 * nothing, and against the triangle cap.
 */
export function binaryStlCount(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): Step<number> {
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
  return { ok: true, value: count };
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BLOCK = 1024;
const scratchEven = new Uint8Array(BLOCK * RECORD + 4);
const scratchOdd = new Uint8Array(BLOCK * RECORD + 4);
const evenFloats = new Float32Array(scratchEven.buffer);
const oddFloats = new Float32Array(scratchOdd.buffer);
const portable = new Float32Array(BLOCK * 12);

/**
 * Hands the records of a binary STL to `visit` as aligned float runs, without a
 * per-float DataView call (three.js's way, and most of its cost). Records are 50 bytes,
 * so every other one starts 2 bytes off a 4-byte boundary: a block of records is copied
 * (memcpy speed) into two scratch buffers, once as is and once shifted by two bytes, and
 * every record is then 4-aligned in one of them. The runs are only valid during the call.
 */
export function forEachBinaryStlRun(bytes: Uint8Array, count: number, visit: (records: TriangleRecords) => void): void {
  for (let first = 0; first < count; first += BLOCK) {
    const size = Math.min(BLOCK, count - first);
    const block = bytes.subarray(HEADER + first * RECORD, HEADER + (first + size) * RECORD);
    if (littleEndian) {
      // Record j starts at byte 50j: an even record 2m at float 25m of the plain copy,
      // an odd record 2m+1 at float 25m+13 of the copy shifted by two bytes.
      scratchEven.set(block, 0);
      scratchOdd.set(block, 2);
      const evens = (size + 1) >>> 1;
      visit({ source: evenFloats, at: 0, stride: 25, count: evens, withNormals: true, first, step: 2 });
      if (size > 1) visit({ source: oddFloats, at: 13, stride: 25, count: size - evens, withNormals: true, first: first + 1, step: 2 });
    } else {
      const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
      for (let j = 0; j < size * 12; j++) portable[j] = view.getFloat32(Math.floor(j / 12) * RECORD + (j % 12) * 4, true);
      visit({ source: portable, at: 0, stride: 12, count: size, withNormals: true, first, step: 1 });
    }
  }
}
