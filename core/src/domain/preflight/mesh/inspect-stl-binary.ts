import type { InspectLimits, Inspection } from '../facts.ts';
import { meshInspection } from './analyze-mesh.ts';
import { accumulateGeometry, geometryAccumulator, geometryResult, type GeometryMeasure } from './measure-geometry.ts';
import { topologyOf, type Topology } from './mesh-topology.ts';
import type { Step } from './mesh-types.ts';
import { withMeshScratch } from './scratch-pool.ts';
import { binaryStlCount, forEachBinaryStlRun } from './stl-binary-records.ts';
import { Welder } from './weld-vertices.ts';

/**
 * A binary STL is checked straight from its bytes, in two streaming passes (measure,
 * then weld), never becoming a triangle soup: that saves allocating and page-faulting
 * 36 bytes per triangle, which costs more than the measuring itself.
 */
export function inspectBinaryStl(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): Inspection {
  const measured = measureBinaryStl(bytes, limits);
  if (!measured.ok) return { ok: false, kind: 'stl', finding: measured.finding };
  const { triangles, geometry } = measured.value;
  return meshInspection('stl', { encoding: 'stl-binary', units: 'mm', triangles, geometry, objects: 1, warnings: [] }, (seed) => binaryStlTopology(bytes, triangles, seed));
}

/** Bounding box, volume, area, degenerate triangles and stored normals against winding, in one pass over the bytes. */
export function measureBinaryStl(bytes: Uint8Array, limits: Pick<InspectLimits, 'maxTriangles'>): Step<{ triangles: number; geometry: GeometryMeasure }> {
  const count = binaryStlCount(bytes, limits);
  if (!count.ok) return count;
  const acc = geometryAccumulator();
  forEachBinaryStlRun(bytes, count.value, (records) => accumulateGeometry(acc, records));
  return { ok: true, value: { triangles: count.value, geometry: geometryResult(acc) } };
}

/**
 * Welds the corners as they stream from the bytes, then counts edges and shells, in the
 * thread's kept scratch arrays (see scratch-pool.ts). `triangles` is the validated count.
 */
export function binaryStlTopology(bytes: Uint8Array, triangles: number, seed: number): Topology {
  return withMeshScratch((scratch) => {
    const welder = new Welder(scratch.words('corners', triangles * 3), seed, scratch);
    forEachBinaryStlRun(bytes, triangles, (records) => welder.weld(records));
    return topologyOf(welder.corners, welder.vertexCount, welder.spent());
  });
}
