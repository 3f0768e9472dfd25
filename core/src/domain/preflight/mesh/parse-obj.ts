import type { InspectLimits } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { ByteScanner, isSpace } from './byte-scanner.ts';
import { GrowableFloat32, GrowableUint32 } from './growable.ts';
import { EXPORT_AGAIN, failure, lineAt, tooManyTriangles } from './mesh-findings.ts';
import type { MeshParse } from './mesh-types.ts';

const HASH = 35;
const MIN_VERTEX_BYTES = 8;

/**
 * Wavefront OBJ: `v` vertices, `f` faces (1-based or negative indices, `v/vt/vn` forms,
 * polygons fan-triangulated), `o`/`g` objects. Everything else (materials, texture
 * coordinates, normals, lines) says nothing about printability and is skipped.
 * OBJ carries no unit: millimetres are assumed.
 */
export function parseObj(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'> = defaultInspectLimits): MeshParse {
  const scanner = new ByteScanner(bytes);
  const maxVertices = limits.maxTriangles * 3;
  const vertices = new GrowableFloat32(Math.min(maxVertices, Math.ceil(bytes.length / MIN_VERTEX_BYTES / 4)) * 3);
  const corners = new GrowableUint32(Math.min(limits.maxTriangles, Math.ceil(bytes.length / 32)) * 3);
  let vertexCount = 0;
  let triangles = 0;
  let objects = 0;
  let groupHasFaces = false;

  while (true) {
    scanner.skipSpaces();
    if (scanner.done) break;
    const lineStart = scanner.pos;
    if (bytes[lineStart] === HASH) {
      scanner.skipLine();
      continue;
    }
    const keyword = scanner.word(3);
    if (keyword === 'v') {
      scanner.skipBlanks();
      const x = scanner.number();
      scanner.skipBlanks();
      const y = scanner.number();
      scanner.skipBlanks();
      const z = scanner.number();
      if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(z)) {
        return failure('obj.bad_vertex', `Vertex ${vertexCount + 1} of the OBJ file does not have three numbers (line ${lineAt(bytes, lineStart)}).`, EXPORT_AGAIN);
      }
      vertexCount++;
      if (vertexCount > maxVertices) {
        return failure('mesh.too_many_vertices', `The OBJ file has more than ${maxVertices.toLocaleString('en')} vertices.`, 'Decimate the mesh and upload it again.');
      }
      vertices.push3(x, y, z);
    } else if (keyword === 'f') {
      let first = 0;
      let previous = 0;
      let count = 0;
      while (true) {
        scanner.skipBlanks();
        if (scanner.atLineEnd()) break;
        const refAt = scanner.pos;
        const written = scanner.integer();
        const index = written > 0 ? written - 1 : written < 0 ? vertexCount + written : -1;
        if (Number.isNaN(written) || index < 0 || index >= vertexCount) {
          const shown = Number.isNaN(written) ? `"${scanner.word()}"` : String(written);
          return failure('obj.bad_index', `A face of the OBJ file refers to vertex ${shown}, but ${vertexCount.toLocaleString('en')} vertices are defined so far (line ${lineAt(bytes, refAt)}).`, EXPORT_AGAIN);
        }
        // Texture and normal indices (`/vt/vn`) do not matter here.
        while (scanner.pos < bytes.length && !isSpace(bytes[scanner.pos]!)) scanner.pos++;
        count++;
        if (count === 1) first = index;
        else if (count === 2) previous = index;
        else {
          triangles++;
          if (triangles > limits.maxTriangles) return tooManyTriangles(`more than ${limits.maxTriangles.toLocaleString('en')}`, limits.maxTriangles);
          corners.push(first);
          corners.push(previous);
          corners.push(index);
          previous = index;
        }
      }
      if (count < 3) {
        return failure('obj.bad_face', `A face of the OBJ file has ${count} corner${count === 1 ? '' : 's'}; a face needs at least three (line ${lineAt(bytes, lineStart)}).`, EXPORT_AGAIN);
      }
      if (!groupHasFaces) {
        groupHasFaces = true;
        objects++;
      }
    } else if (keyword === 'o' || keyword === 'g') {
      groupHasFaces = false;
    }
    scanner.skipLine();
  }

  const points = vertices.data;
  const indices = corners.data;
  const positions = new Float32Array(triangles * 9);
  for (let c = 0; c < triangles * 3; c++) {
    const v = indices[c]! * 3;
    positions[c * 3] = points[v]!;
    positions[c * 3 + 1] = points[v + 1]!;
    positions[c * 3 + 2] = points[v + 2]!;
  }
  return { ok: true, mesh: { encoding: 'obj', units: 'mm', triangles, positions, objects: Math.max(objects, triangles > 0 ? 1 : 0), warnings: [] } };
}
