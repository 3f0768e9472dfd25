import type { InspectLimits } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import type { MeshParse } from './mesh-types.ts';
import { parseStlAscii } from './parse-stl-ascii.ts';
import { parseStlBinary } from './parse-stl-binary.ts';
import { isBinaryStlSize } from './stl-binary-records.ts';

const SNIFF = 1024;

/**
 * Binary or ASCII STL. Many exporters start binary headers with "solid", so a file whose
 * size matches its binary triangle count is binary whatever its first word; otherwise it
 * is ASCII when it starts with "solid" and holds no NUL bytes early on.
 */
export function parseStl(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'> = defaultInspectLimits): MeshParse {
  if (isBinaryStlSize(bytes)) return parseStlBinary(bytes, limits);
  return looksAscii(bytes) ? parseStlAscii(bytes, limits) : parseStlBinary(bytes, limits);
}

function looksAscii(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  const word = String.fromCharCode(...bytes.subarray(i, i + 5)).toLowerCase();
  if (word !== 'solid') return false;
  const end = Math.min(bytes.length, SNIFF);
  for (let j = i; j < end; j++) if (bytes[j] === 0) return false;
  return true;
}
