import type { InspectLimits, Inspection } from '../facts.ts';
import { EXPORT_AGAIN } from './header-error.ts';
import { rasterKind, readRasterHeader } from './read-raster-header.ts';

/** PNG, JPEG and TIFF: the header's facts; judging them against the order is the rules' job. */
export function inspectRaster(bytes: Uint8Array, _limits: InspectLimits): Inspection {
  const kind = rasterKind(bytes);
  try {
    const result = readRasterHeader(bytes);
    if (!result.ok) return { ok: false, kind, finding: result.finding };
    return { ok: true, kind: result.facts.kind, facts: result.facts, findings: [] };
  } catch (error) {
    // A reader bug must not take the worker down with the customer's file; the message says what broke.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, kind, finding: { code: 'raster.unreadable', severity: 'error', message: `The image could not be read (${detail.slice(0, 200)}).`, fix: EXPORT_AGAIN } };
  }
}
