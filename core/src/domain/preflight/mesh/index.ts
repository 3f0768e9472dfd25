// Mesh preflight (STL, OBJ, 3MF): bytes in, facts out. Readers are exported for the
// benchmark and the thumbnail renderer; inspect* are what inspect-file.ts dispatches to.
export { inspect3mf, inspectObj, inspectStl } from './inspect-mesh.ts';
export { analyzeMesh } from './analyze-mesh.ts';
export { binaryStlTopology, measureBinaryStl } from './inspect-stl-binary.ts';
export { fitsBuildVolume } from './fits-build-volume.ts';
export { measureGeometry, type GeometryMeasure } from './measure-geometry.ts';
export { analyzeTopology, type Topology } from './mesh-topology.ts';
export type { MeshParse, ParsedMesh } from './mesh-types.ts';
export { parse3mf } from './parse-3mf.ts';
export { parseObj } from './parse-obj.ts';
export { parseStl } from './parse-stl.ts';
export { seedFrom, weldVertices, type Welded } from './weld-vertices.ts';
