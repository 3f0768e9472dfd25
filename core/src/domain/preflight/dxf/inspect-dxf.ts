import type { DxfFacts, Finding, InspectLimits, Inspection } from '../facts.ts';
import { DxfFactsSink } from './dxf-facts-sink.ts';
import { DxfStop, dxfError } from './dxf-findings.ts';
import { dxfUnits } from './dxf-units.ts';
import { walkDxf } from './walk-dxf.ts';

/** Units, entity counts, extent in mm, polylines and layers of an ASCII DXF. */
export function inspectDxf(bytes: Uint8Array, _limits: InspectLimits): Inspection {
  const sink = new DxfFactsSink();
  try {
    walkDxf(decodeDxf(bytes), sink);
  } catch (error) {
    if (error instanceof DxfStop) return { ok: false, kind: 'dxf', finding: error.finding };
    // A reader bug must not take the worker down with the customer's file; the message says what broke.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'dxf', finding: dxfError('dxf.unreadable', `The DXF could not be read (${detail.slice(0, 200)}).`) };
  }
  const units = dxfUnits(sink.insunits);
  const extent = sink.extent();
  const mm = (value: number) => Math.round(value * units.mm * 1000) / 1000;
  const boundingBoxMm: DxfFacts['boundingBoxMm'] = extent.empty
    ? null
    : { minX: mm(extent.minX), minY: mm(extent.minY), maxX: mm(extent.maxX), maxY: mm(extent.maxY), width: mm(extent.maxX - extent.minX), height: mm(extent.maxY - extent.minY) };
  const facts: DxfFacts = {
    kind: 'dxf',
    units: units.name,
    entities: sink.entities,
    boundingBoxMm,
    closedPolylines: sink.closedPolylines,
    openPolylines: sink.openPolylines,
    layers: [...sink.layers],
  };
  const findings: Finding[] = [];
  const missing = sink.missingBlocks();
  if (missing.length > 0) {
    findings.push({
      code: 'dxf.missing_block',
      severity: 'warning',
      message: `The drawing places ${missing.length === 1 ? 'a block' : `${missing.length} blocks`} it does not contain (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); that geometry is missing from the file and from the size.`,
      fix: 'Bind or explode external references (XREF → Bind, or EXPLODE) before exporting the DXF.',
    });
  }
  return { ok: true, kind: 'dxf', facts, findings };
}

/** DXF 2007+ is UTF-8; older files are in a code page, whose odd bytes only touch names. */
export function decodeDxf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
