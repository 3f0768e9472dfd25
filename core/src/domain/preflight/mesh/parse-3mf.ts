import type { InspectLimits } from '../facts.ts';
import { defaultInspectLimits } from '../limits.ts';
import { EXPORT_AGAIN, failure, tooManyTriangles } from './mesh-findings.ts';
import type { MeshParse, Step } from './mesh-types.ts';
import { read3mfModel, type MeshBudget, type ModelPart, type Placement } from './read-3mf-model.ts';
import { readXml } from './read-xml.ts';
import { readZipDirectory, unsafePath, ZipInflater, type ZipEntry } from './zip-reader.ts';

/** Millimetres per 3MF unit. */
const UNIT_MM: Record<string, number> = { micron: 0.001, millimeter: 1, centimeter: 10, inch: 25.4, foot: 304.8, meter: 1000 };
const MODEL_RELATIONSHIP = /\/3dmodel$/i;
const DEFAULT_MODEL = '3D/3dmodel.model';
/** What placing an object costs once its components are expanded. */
interface Expansion {
  triangles: number;
  placements: number;
}

/** Components may nest; real files go two or three deep. */
const MAX_DEPTH = 32;

const utf8 = new TextDecoder('utf-8');

/**
 * 3MF: the zip is read with caps (zip-reader.ts), the model found through `_rels/.rels`
 * (or the conventional path), its XML read without DOCTYPEs (read-xml.ts), and every
 * build item flattened through its components and transforms into one triangle soup in
 * millimetres. Triangle counts are multiplied out before anything is instanced, so a
 * small file placing an object a billion times is refused, not expanded.
 */
export function parse3mf(bytes: Uint8Array, limits: InspectLimits = defaultInspectLimits): MeshParse {
  const directory = readZipDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const entries = new Map<string, ZipEntry>(directory.value.map((entry) => [entry.name.toLowerCase(), entry]));
  const inflater = new ZipInflater(bytes, limits);
  const budget: MeshBudget = { triangles: 0, vertices: 0 };

  const modelPath = findModelPath(entries, inflater, limits);
  if (!modelPath.ok) return modelPath;
  const parts = new Map<string, ModelPart>();
  const loadPart = (path: string): Step<ModelPart> => {
    const key = path.toLowerCase();
    const loaded = parts.get(key);
    if (loaded) return { ok: true, value: loaded };
    const entry = entries.get(key);
    if (!entry) return failure('3mf.missing_part', `The 3MF file refers to "${path.slice(0, 80)}", which is not in the archive.`, EXPORT_AGAIN);
    const data = inflater.read(entry);
    if (!data.ok) return data;
    const part = read3mfModel(utf8.decode(data.value), path, limits, budget);
    if (part.ok) parts.set(key, part.value);
    return part;
  };
  const root = loadPart(modelPath.value);
  if (!root.ok) return root;
  const scale = UNIT_MM[root.value.unit];
  if (scale === undefined) {
    return failure('3mf.unknown_unit', `The 3MF model declares unit="${root.value.unit.slice(0, 40)}"; 3MF allows micron, millimeter, centimeter, inch, foot and meter.`, EXPORT_AGAIN);
  }
  if (root.value.items.length === 0) {
    return failure('mesh.empty', 'The 3MF file places nothing on the build plate (it has no build items).', 'Check that the part is on the plate when you export, and export again.');
  }

  const counted = new Map<string, Expansion>();
  const visiting = new Set<string>();
  // Triangles and placements an object expands to, components included; fails on cycles, depth, missing objects.
  const countTriangles = (placement: Placement, from: string, depth: number): Step<Expansion> => {
    const path = resolvePath(placement.path, from);
    if (path === null) return failure('zip.path_traversal', `A 3MF component points to "${(placement.path ?? '').slice(0, 80)}", outside the archive.`, 'Do not use this file. Export the model again from your design program.');
    const key = `${path.toLowerCase()}#${placement.objectId}`;
    const known = counted.get(key);
    if (known !== undefined) return { ok: true, value: known };
    if (visiting.has(key)) return failure('3mf.component_cycle', `Object ${placement.objectId.slice(0, 40)} of the 3MF model contains itself through its components.`, EXPORT_AGAIN);
    if (depth > MAX_DEPTH) return failure('3mf.too_deep', `The 3MF model nests components more than ${MAX_DEPTH} deep.`, EXPORT_AGAIN);
    const part = loadPart(path);
    if (!part.ok) return part;
    const object = part.value.objects.get(placement.objectId);
    if (!object) return failure('3mf.bad_reference', `The 3MF model places object ${placement.objectId.slice(0, 40)}, which it does not define.`, EXPORT_AGAIN);
    visiting.add(key);
    const expansion = { triangles: object.triangleCount, placements: 1 };
    for (const component of object.components) {
      const inner = countTriangles(component, path, depth + 1);
      if (!inner.ok) return inner;
      expansion.triangles += inner.value.triangles;
      expansion.placements += inner.value.placements;
    }
    visiting.delete(key);
    counted.set(key, expansion);
    return { ok: true, value: expansion };
  };

  let total = 0;
  let placements = 0;
  for (const item of root.value.items) {
    const count = countTriangles(item, modelPath.value, 0);
    if (!count.ok) return count;
    total += count.value.triangles;
    placements += count.value.placements;
  }
  if (total > limits.maxTriangles) return tooManyTriangles(total, limits.maxTriangles);
  // Empty objects add no triangles, so nesting them could still ask for billions of placements.
  if (placements > limits.maxTriangles) {
    return failure('3mf.too_many_placements', `The 3MF model places objects ${placements.toLocaleString('en')} times through its components; the most we follow is ${limits.maxTriangles.toLocaleString('en')}.`, EXPORT_AGAIN);
  }
  if (total === 0) return failure('mesh.empty', 'The 3MF file holds no triangles: its objects are empty.', 'Check that the right part was exported (not an empty sketch or a hidden body) and upload it again.');

  const positions = new Float32Array(total * 9);
  let written = 0;
  const unitScale = new Float64Array([scale, 0, 0, 0, scale, 0, 0, 0, scale, 0, 0, 0]);
  // Counting succeeded, so every path and object below exists and nothing cycles.
  const emit = (placement: Placement, from: string, parent: Float64Array): void => {
    const path = resolvePath(placement.path, from)!;
    const part = parts.get(path.toLowerCase())!;
    const object = part.objects.get(placement.objectId)!;
    const matrix = placement.transform ? compose(placement.transform, parent) : parent;
    const { vertices, triangles } = part;
    const base = object.vertexStart;
    const end = (object.triangleStart + object.triangleCount) * 3;
    for (let c = object.triangleStart * 3; c < end; c++) {
      const v = (base + triangles[c]!) * 3;
      const x = vertices[v]!, y = vertices[v + 1]!, z = vertices[v + 2]!;
      positions[written++] = x * matrix[0]! + y * matrix[3]! + z * matrix[6]! + matrix[9]!;
      positions[written++] = x * matrix[1]! + y * matrix[4]! + z * matrix[7]! + matrix[10]!;
      positions[written++] = x * matrix[2]! + y * matrix[5]! + z * matrix[8]! + matrix[11]!;
    }
    for (const component of object.components) emit(component, path, matrix);
  };
  for (const item of root.value.items) emit(item, modelPath.value, unitScale);

  return { ok: true, mesh: { encoding: '3mf', units: root.value.unit, triangles: total, positions, objects: root.value.items.length, warnings: [] } };
}

/** The model part named by `_rels/.rels`, else the path every 3MF producer uses. */
function findModelPath(entries: Map<string, ZipEntry>, inflater: ZipInflater, limits: InspectLimits): Step<string> {
  const rels = entries.get('_rels/.rels');
  let target: string | null = null;
  if (rels) {
    const data = inflater.read(rels);
    if (!data.ok) return data;
    const read = readXml(utf8.decode(data.value), '3MF relationships file', limits, {
      open(name, attributes) {
        if (target === null && name === 'Relationship' && MODEL_RELATIONSHIP.test(attributes['Type'] ?? '')) target = attributes['Target'] ?? null;
      },
    });
    if (!read.ok) return read;
  }
  const path = resolvePath(target ?? `/${DEFAULT_MODEL}`, '');
  if (path === null) return failure('zip.path_traversal', `The 3MF relationships point the model to "${String(target).slice(0, 80)}", outside the archive.`, 'Do not use this file. Export the model again from your design program.');
  if (!entries.has(path.toLowerCase())) {
    return failure('3mf.no_model', `The 3MF archive has no 3D model part (${path.slice(0, 80)} is missing).`, 'Export the model again as 3MF from your slicer or CAD program.');
  }
  return { ok: true, value: path };
}

/** Archive path of a part reference (`/3D/x.model` or relative to `from`); null when it would leave the archive. */
function resolvePath(reference: string | null, from: string): string | null {
  if (reference === null) return from;
  const absolute = reference.startsWith('/');
  const base = absolute ? '' : from.slice(0, from.lastIndexOf('/') + 1);
  const path = base + (absolute ? reference.slice(1) : reference);
  return unsafePath(path) ? null : path;
}

/** `child` then `parent`, both row-major 4×3 affine matrices (points are row vectors). */
function compose(child: Float64Array, parent: Float64Array): Float64Array {
  const out = new Float64Array(12);
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 3; col++) {
      let sum = row === 3 ? parent[9 + col]! : 0;
      for (let k = 0; k < 3; k++) sum += child[row * 3 + k]! * parent[k * 3 + col]!;
      out[row * 3 + col] = sum;
    }
  }
  return out;
}
