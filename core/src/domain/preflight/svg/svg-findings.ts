import type { Finding } from '../facts.ts';

export const EXPORT_AGAIN = 'Export the SVG again from your design program (Inkscape: "Plain SVG"; Illustrator: File → Export → SVG) and upload the new file.';

export function svgError(code: string, message: string, fix: string = EXPORT_AGAIN): Finding {
  return { code, severity: 'error', message, fix };
}

/** Thrown from a saxes handler to stop the parse at once; caught in readSvgXml only. */
export class StopSvg extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}
