import type { Finding } from '../facts.ts';
import type { GeometryMeasure } from './measure-geometry.ts';

/**
 * A mesh as the readers hand it to the analysis: a triangle soup in millimetres, nine
 * floats per triangle (three corners), so every format meets one code path.
 */
export interface ParsedMesh {
  /** stl-binary, stl-ascii, obj, 3mf */
  encoding: string;
  /** The unit the file declares, or the one assumed (mm). */
  units: string;
  triangles: number;
  positions: Float32Array;
  /** Measured while reading, when the reader can do it in the same pass (STL, whose stored normals only matter there). */
  geometry?: GeometryMeasure;
  /** 3MF build items / OBJ objects; 1 for STL. */
  objects: number;
  /** Things worth saying about a file that could still be read (e.g. no `endsolid`). */
  warnings: Finding[];
}

/** A reader's answer: the mesh, or the one error finding that says why it cannot be read. */
export type MeshParse = { ok: true; mesh: ParsedMesh } | { ok: false; finding: Finding };

/** Internal result of a reading step that can fail with a finding. */
export type Step<T> = { ok: true; value: T } | { ok: false; finding: Finding };
