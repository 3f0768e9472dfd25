import type { FileFacts } from '../preflight/index.ts';

export interface Footprint {
  width: number;
  height: number;
}

/**
 * What one copy covers on the sheet, bed or plate, in mm: the profile's trim size when it
 * has one (print), else what preflight measured of the file: a part's base on the build
 * plate (mesh x × y) or a cut file's drawing extent (DXF). Null when neither is known.
 */
export function footprintOf(trimMm: Footprint | null, facts: FileFacts | null | undefined): Footprint | null {
  if (trimMm) return trimMm;
  if (!facts) return null;
  if (facts.kind === 'stl' || facts.kind === 'obj' || facts.kind === '3mf') return positive(facts.boundingBoxMm.size.x, facts.boundingBoxMm.size.y);
  if (facts.kind === 'dxf' && facts.boundingBoxMm) return positive(facts.boundingBoxMm.width, facts.boundingBoxMm.height);
  return null;
}

function positive(width: number, height: number): Footprint | null {
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 ? { width, height } : null;
}
