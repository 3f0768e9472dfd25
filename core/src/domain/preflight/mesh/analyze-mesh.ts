import type { Finding, Inspection, MeshFacts, Vec3 } from '../facts.ts';
import { measureGeometry, type GeometryMeasure } from './measure-geometry.ts';
import { EXPORT_AGAIN, meshError } from './mesh-findings.ts';
import { analyzeTopology, type Topology } from './mesh-topology.ts';
import type { ParsedMesh } from './mesh-types.ts';
import { seedFrom } from './weld-vertices.ts';

/** A mesh whose geometry is measured; its topology is computed on demand (it is the costly part). */
export interface MeasuredMesh extends Omit<ParsedMesh, 'positions' | 'geometry'> {
  geometry: GeometryMeasure;
}

/** From a read triangle soup to its facts (and the findings only the inspector can make). */
export function analyzeMesh(kind: MeshFacts['kind'], mesh: ParsedMesh): Inspection {
  const measured = { ...mesh, geometry: mesh.geometry ?? measureGeometry(mesh.positions) };
  return meshInspection(kind, measured, (seed) => analyzeTopology(mesh.positions, seed));
}

/** Refuses empty and damaged meshes before the topology is computed, then states the facts. */
export function meshInspection(kind: MeshFacts['kind'], mesh: MeasuredMesh, topologyOf: (seed: number) => Topology): Inspection {
  if (mesh.triangles === 0) {
    return { ok: false, kind, finding: meshError('mesh.empty', `The ${label(kind)} file holds no triangles.`, 'Check that the right part was exported (not an empty sketch or a hidden body) and upload it again.') };
  }
  const { geometry } = mesh;
  if (geometry.nonFinite > 0) {
    return {
      ok: false,
      kind,
      finding: meshError('mesh.bad_coordinates', `${geometry.nonFinite.toLocaleString('en')} of ${mesh.triangles.toLocaleString('en')} triangles have a coordinate that is not a number (NaN or infinite): the file is damaged.`, EXPORT_AGAIN),
    };
  }
  const topology = topologyOf(seedFrom(geometry.signedVolume, geometry.area, geometry.min.x, geometry.max.y, geometry.min.z));
  const min = shortest(geometry.min);
  const max = shortest(geometry.max);
  const size = shortest({ x: max.x - min.x, y: max.y - min.y, z: max.z - min.z });
  const findings: Finding[] = [...mesh.warnings];
  // Tetra sums of a flat or open surface hover around zero; only a clear negative means inside out.
  if (geometry.signedVolume < -1e-9 * Math.max(1, size.x * size.y * size.z)) {
    findings.push({
      code: 'mesh.inside_out',
      severity: 'warning',
      message: `The surface faces inwards: its volume comes out negative (${Math.round(geometry.signedVolume).toLocaleString('en')} mm³).`,
      fix: 'Flip the normals (recalculate outside) in your modelling tool and export again; most slicers also fix this automatically.',
    });
  }
  const facts: MeshFacts = {
    kind,
    encoding: mesh.encoding,
    units: mesh.units,
    triangles: mesh.triangles,
    boundingBoxMm: { min, max, size },
    volumeMm3: Math.abs(geometry.signedVolume),
    surfaceAreaMm2: geometry.area,
    watertight: topology.watertight,
    openEdges: topology.openEdges,
    nonManifoldEdges: topology.nonManifoldEdges,
    degenerateTriangles: geometry.degenerate,
    invertedNormals: geometry.invertedNormals,
    shells: topology.shells,
    objects: mesh.objects,
  };
  return { ok: true, kind, facts, findings };
}

/**
 * Coordinates are float32: report each as the shortest decimal that is the same float32
 * (25.4, not 25.399999618530273), as the file most likely wrote it.
 */
function shortest(v: Vec3): Vec3 {
  return { x: shortestFloat32(v.x), y: shortestFloat32(v.y), z: shortestFloat32(v.z) };
}

function shortestFloat32(value: number): number {
  const target = Math.fround(value);
  for (let digits = 1; digits < 10; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return value;
}

function label(kind: MeshFacts['kind']): string {
  return kind === '3mf' ? '3MF' : kind.toUpperCase();
}
