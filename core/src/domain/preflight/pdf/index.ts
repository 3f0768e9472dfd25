import type { InspectLimits, Inspection } from '../facts.ts';
import { pdfError } from './findings.ts';
import { inspectPdf as inspect } from './inspect-pdf.ts';

/** A PDF file's facts; see inspect-pdf.ts. */
export function inspectPdf(bytes: Uint8Array, limits: InspectLimits): Inspection {
  return inspect(bytes, limits, 'pdf');
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_HEADER.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF_HEADER.every((byte, k) => bytes[i + k] === byte)) return true;
  return false;
}

/**
 * An Illustrator file: saved "PDF compatible" (the default) it is a PDF with private
 * data beside the pages and is inspected as one; a PostScript-only .ai has no pages
 * we can read.
 */
export function inspectAi(bytes: Uint8Array, limits: InspectLimits): Inspection {
  if (!hasPdfHeader(bytes)) {
    return pdfError('ai', 'ai.not_pdf_compatible', 'This Illustrator file was saved without PDF compatibility (PostScript only), so its pages cannot be checked.');
  }
  return inspect(bytes, limits, 'ai');
}
