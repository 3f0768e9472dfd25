import type { FileKind, Finding, Inspection } from '../facts.ts';

/** Why a PDF could not be read, with what the customer can do about it. Codes are stable. */
const FIXES: Record<string, string> = {
  'pdf.unreadable': 'Export the PDF again from the design program (File › Export › PDF) and upload the new file.',
  'pdf.encrypted': 'Save the PDF again without a password or security settings (in Acrobat: File › Properties › Security › No Security).',
  'file.truncated': 'The upload was probably cut off: upload the file again, or export it again if that does not help.',
  'pdf.too_many_pages': 'Split the document into smaller files, or upload only the pages to be printed.',
  'pdf.too_complex': 'Flatten or simplify the artwork (or export as PDF/X-4) and upload it again.',
  'pdf.stream_too_large': 'Export the PDF again from the design program; a normal export does not contain data this large.',
  'ai.not_pdf_compatible': "Save with 'Create PDF Compatible File' on, or export PDF.",
};

export function pdfError(kind: FileKind, code: string, message: string): Inspection {
  return { ok: false, kind, finding: { code, severity: 'error', message, fix: FIXES[code] ?? FIXES['pdf.unreadable']! } };
}

export function encryptedFinding(): Finding {
  return {
    code: 'pdf.encrypted',
    severity: 'error',
    message: 'The PDF is encrypted so that it needs a password to open (or with a security handler this check does not read), so its content — images, colours and fonts in use — could not be checked.',
    fix: FIXES['pdf.encrypted']!,
  };
}

export function contentUnreadableFinding(pages: number[]): Finding {
  return {
    code: 'pdf.content_unreadable',
    severity: 'warning',
    message: `Part of the content on page ${pages.join(', ')} uses a compression this check cannot read, so images and colours there were not checked.`,
    fix: 'Export the PDF again (PDF/X-4 or "High Quality Print") so the whole file can be checked.',
    page: pages[0]!,
  };
}

/**
 * A page tree that had to be repaired may have lost or reordered pages: a warning. Stray
 * bytes between intact objects (common from careless tools) change nothing that prints: info.
 */
export function damagedFinding(detail: string, pagesRepaired: boolean): Finding {
  return {
    code: 'pdf.damaged',
    severity: pagesRepaired ? 'warning' : 'info',
    message: `The PDF's structure is damaged (${detail}); it was read the way PDF viewers repair it, so check the proof carefully.`,
    fix: FIXES['pdf.unreadable']!,
  };
}

export function mediaBoxMissingFinding(pages: number[]): Finding {
  return {
    code: 'pdf.media_box_missing',
    severity: 'warning',
    message: `Page ${pages.join(', ')} has no valid page size (MediaBox); US Letter (215.9 × 279.4 mm) was assumed.`,
    fix: FIXES['pdf.unreadable']!,
    page: pages[0]!,
  };
}
