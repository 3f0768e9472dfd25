import type { InspectLimits } from '../facts.ts';
import { ByteScanner } from './byte-scanner.ts';
import { GrowableFloat32 } from './growable.ts';
import { measureRecords } from './measure-geometry.ts';
import { EXPORT_AGAIN, failure, lineAt, tooManyTriangles } from './mesh-findings.ts';
import type { MeshParse } from './mesh-types.ts';

/** The smallest facet an exporter can write is about this many bytes: bounds the first allocation. */
const MIN_FACET_BYTES = 120;

const NOT_A_NUMBER_NORMAL = /^[+-]?(nan|inf|infinity)(\(.*\))?$/;

/**
 * ASCII STL, read tolerantly (any case, any whitespace, several solids, `-nan` normals,
 * a missing `endsolid`) but strictly where it matters: three numeric corners per facet,
 * a cap on the triangle count, and a clear finding with the line number otherwise.
 */
export function parseStlAscii(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): MeshParse {
  const scanner = new ByteScanner(bytes);
  const capacity = Math.min(limits.maxTriangles, Math.ceil(bytes.length / MIN_FACET_BYTES)) + 1;
  // Twelve floats a facet, normal first, as binary STL lays them out: one measuring pass for both.
  const records = new GrowableFloat32(capacity * 12);
  let triangles = 0;
  let solids = 0;
  let ended = false;
  const truncated = (what: string) =>
    failure('file.truncated', `The ASCII STL ends in the middle of ${what} (line ${lineAt(bytes, bytes.length)}): the file was cut short.`, 'The upload or export was interrupted; export the model again and upload the complete file.');
  const unexpected = (at: number, word: string) =>
    failure('stl.bad_token', `The ASCII STL has "${word}" where a keyword was expected (line ${lineAt(bytes, at)}).`, EXPORT_AGAIN);

  // The first problem met; readNumber records it and returns NaN so call sites stay flat.
  const seen: { problem: MeshParse | null } = { problem: null };
  const readNumber = (where: string, normal: boolean): number => {
    scanner.skipSpaces();
    if (scanner.done) {
      seen.problem ??= truncated(where);
      return Number.NaN;
    }
    const at = scanner.pos;
    const value = scanner.number();
    if (!Number.isNaN(value)) return value;
    const word = scanner.word();
    if (normal && NOT_A_NUMBER_NORMAL.test(word)) return 0;
    seen.problem ??= failure('stl.bad_number', `The ASCII STL has "${word}" where a number was expected in ${where} (line ${lineAt(bytes, at)}).`, EXPORT_AGAIN);
    return Number.NaN;
  };

  while (true) {
    scanner.skipSpaces();
    if (scanner.done) break;
    const at = scanner.pos;
    const word = scanner.word();
    if (word === 'solid') {
      solids++;
      ended = false;
      scanner.skipLine();
      continue;
    }
    if (word === 'endsolid') {
      ended = true;
      scanner.skipLine();
      continue;
    }
    if (word !== 'facet') return unexpected(at, word);

    ended = false;
    const facet = `facet ${triangles + 1}`;
    let nx = 0;
    let ny = 0;
    let nz = 0;
    const beforeNormal = scanner.pos;
    scanner.skipSpaces();
    if (scanner.word() === 'normal') {
      nx = readNumber(facet, true);
      ny = readNumber(facet, true);
      nz = readNumber(facet, true);
      if (seen.problem) return seen.problem;
    } else scanner.pos = beforeNormal;
    records.push3(nx, ny, nz);

    let corners = 0;
    while (true) {
      scanner.skipSpaces();
      if (scanner.done) return truncated(facet);
      const tokenAt = scanner.pos;
      const token = scanner.word();
      if (token === 'outer' || token === 'loop' || token === 'endloop') continue;
      if (token === 'endfacet') break;
      if (token !== 'vertex') return unexpected(tokenAt, token);
      if (corners === 3) {
        return failure('stl.bad_facet', `Facet ${triangles + 1} of the ASCII STL has more than three corners (line ${lineAt(bytes, tokenAt)}).`, 'Triangulate the model before exporting it as STL.');
      }
      const x = readNumber(facet, false);
      const y = readNumber(facet, false);
      const z = readNumber(facet, false);
      if (seen.problem) return seen.problem;
      records.push3(x, y, z);
      corners++;
    }
    if (corners !== 3) {
      return failure('stl.bad_facet', `Facet ${triangles + 1} of the ASCII STL has ${corners} corners; a facet needs three (line ${lineAt(bytes, scanner.pos)}).`, EXPORT_AGAIN);
    }
    triangles++;
    if (triangles > limits.maxTriangles) return tooManyTriangles(`more than ${limits.maxTriangles.toLocaleString('en')}`, limits.maxTriangles);
  }

  const warnings = ended || triangles === 0
    ? []
    : [{ code: 'stl.no_endsolid', severity: 'warning' as const, message: `The ASCII STL has ${triangles.toLocaleString('en')} facets but no closing "endsolid": it may have been cut short.`, fix: 'Check the model looks complete in the preview; if not, export it again.' }];
  const positions = new Float32Array(triangles * 9);
  const geometry = measureRecords({ source: records.data, at: 0, stride: 12, count: triangles, withNormals: true, first: 0, step: 1 }, positions);
  return {
    ok: true,
    mesh: { encoding: 'stl-ascii', units: 'mm', triangles, positions, geometry, objects: Math.max(1, solids), warnings },
  };
}
