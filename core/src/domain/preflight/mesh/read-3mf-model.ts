import type { InspectLimits } from '../facts.ts';
import { EXPORT_AGAIN, meshError, tooManyTriangles } from './mesh-findings.ts';
import type { Step } from './mesh-types.ts';
import { GrowableUint32 } from './growable.ts';
import { readXml, StopXml } from './read-xml.ts';

/** A reference to an object, placed by a transform: a build item or a component. */
export interface Placement {
  objectId: string;
  /** Another model part (3MF production extension `p:path`), or null for this one. */
  path: string | null;
  /** Row-major 4×3 affine matrix as 3MF writes it, or null for identity. */
  transform: Float64Array | null;
}

export interface ModelObject {
  vertexStart: number;
  vertexCount: number;
  triangleStart: number;
  triangleCount: number;
  components: Placement[];
}

export interface ModelPart {
  unit: string;
  /** x, y, z of every object's vertices, one after another. */
  vertices: Float64Array;
  /** Object-local vertex indices, three per triangle. */
  triangles: Uint32Array;
  objects: Map<string, ModelObject>;
  items: Placement[];
}

/** Shared across all parts of one archive, so splitting a mesh over parts does not dodge the cap. */
export interface MeshBudget {
  triangles: number;
  vertices: number;
}

const DATA = new Set(['vertex', 'triangle']);

/** One 3MF model part (`3D/3dmodel.model` or a part it references) read into flat arrays. */
export function read3mfModel(text: string, path: string, limits: Pick<InspectLimits, 'maxTriangles' | 'maxXmlDepth' | 'maxXmlElements'>, budget: MeshBudget): Step<ModelPart> {
  let vertices = new Float64Array(4096);
  let vertexLength = 0;
  const triangles = new GrowableUint32(4096);
  const objects = new Map<string, ModelObject>();
  const items: Placement[] = [];
  let unit = 'millimeter';
  let current: ModelObject | null = null;
  let inBuild = false;
  const what = `3MF model ${path}`;
  const stop = (code: string, message: string): never => {
    throw new StopXml(meshError(code, `The ${what}: ${message}.`, EXPORT_AGAIN));
  };
  const number = (attributes: Record<string, string>, name: string): number => {
    const written = attributes[name];
    // Number('') is 0: an empty attribute is not a coordinate.
    const value = written === undefined || written.length === 0 ? Number.NaN : Number(written);
    if (!Number.isFinite(value)) stop('3mf.bad_number', `${name}="${(written ?? '').slice(0, 40)}" is not a number`);
    return value;
  };
  const vertexIndex = (attributes: Record<string, string>, key: string, object: ModelObject): number => {
    const index = number(attributes, key);
    if (!Number.isInteger(index) || index < 0 || index >= object.vertexCount) {
      stop('3mf.bad_index', `triangle ${object.triangleCount + 1} of an object refers to vertex ${attributes[key]}, but the object has ${object.vertexCount} vertices`);
    }
    return index;
  };
  const placement = (attributes: Record<string, string>, element: string): Placement => {
    const objectId = attributes['objectid'];
    if (!objectId) stop('3mf.bad_reference', `a ${element} names no objectid`);
    const written = attributes['transform'];
    return { objectId: objectId!, path: attributes['p:path'] ?? null, transform: written === undefined ? null : parseTransform(written, stop) };
  };

  const read = readXml(text, what, limits, {
    data: DATA,
    open(name, attributes) {
      if (name === 'vertex') {
        if (!current) return;
        if (++budget.vertices > limits.maxTriangles * 3) stop('mesh.too_many_vertices', `more than ${(limits.maxTriangles * 3).toLocaleString('en')} vertices`);
        if (vertexLength + 3 > vertices.length) {
          const grown = new Float64Array(vertices.length * 2);
          grown.set(vertices);
          vertices = grown;
        }
        vertices[vertexLength++] = number(attributes, 'x');
        vertices[vertexLength++] = number(attributes, 'y');
        vertices[vertexLength++] = number(attributes, 'z');
        current.vertexCount++;
      } else if (name === 'triangle') {
        if (!current) return;
        if (++budget.triangles > limits.maxTriangles) throw new StopXml(tooManyTriangles(`more than ${limits.maxTriangles.toLocaleString('en')}`, limits.maxTriangles).finding);
        // Written out, not looped over a key list: this runs once per triangle of the file.
        triangles.push(vertexIndex(attributes, 'v1', current));
        triangles.push(vertexIndex(attributes, 'v2', current));
        triangles.push(vertexIndex(attributes, 'v3', current));
        current.triangleCount++;
      } else if (name === 'model') {
        unit = attributes['unit'] ?? 'millimeter';
      } else if (name === 'object') {
        const id = attributes['id'];
        if (!id) return stop('3mf.bad_object', 'an object has no id');
        if (objects.has(id)) stop('3mf.bad_object', `two objects have the id ${id.slice(0, 40)}`);
        current = { vertexStart: vertexLength / 3, vertexCount: 0, triangleStart: triangles.length / 3, triangleCount: 0, components: [] };
        objects.set(id, current);
      } else if (name === 'component') {
        if (current) current.components.push(placement(attributes, 'component'));
      } else if (name === 'build') {
        inBuild = true;
      } else if (name === 'item') {
        if (inBuild) items.push(placement(attributes, 'build item'));
      }
    },
    close(name) {
      if (name === 'object') current = null;
      else if (name === 'build') inBuild = false;
    },
  });
  if (!read.ok) return read;
  return { ok: true, value: { unit, vertices: vertices.subarray(0, vertexLength), triangles: triangles.trimmed(), objects, items } };
}

function parseTransform(written: string, stop: (code: string, message: string) => never): Float64Array {
  const parts = written.trim().split(/\s+/);
  const matrix = new Float64Array(12);
  if (parts.length !== 12) stop('3mf.bad_transform', `a transform has ${parts.length} numbers; it needs 12`);
  for (let i = 0; i < 12; i++) {
    const value = Number(parts[i]);
    if (!Number.isFinite(value)) stop('3mf.bad_transform', `a transform holds "${parts[i]!.slice(0, 40)}", which is not a number`);
    matrix[i] = value;
  }
  return matrix;
}
