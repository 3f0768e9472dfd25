import type { Finding } from '../facts.ts';

export const EXPORT_AGAIN = 'Export the drawing again as ASCII DXF (R12 or 2000 and later) from your CAD program and upload the new file.';

/** Thrown inside the reader only, to stop at the first unreadable group; caught in inspectDxf. */
export class DxfStop extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

export function dxfError(code: string, message: string, fix: string = EXPORT_AGAIN): Finding {
  return { code, severity: 'error', message, fix };
}
