/**
 * The PDF object model this reader builds: names are JS strings, strings are bytes
 * (we never need their text), dictionaries are Maps, streams point into the file's
 * bytes without copying them.
 */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export type PdfDict = Map<string, PdfValue>;

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded data, a view into the file (or into a decoded object stream). */
    readonly data: Uint8Array,
  ) {}
}

export type PdfValue = null | boolean | number | string | PdfString | PdfRef | PdfDict | PdfValue[] | PdfStream;

export const isDict = (value: PdfValue | undefined): value is PdfDict => value instanceof Map;
export const isName = (value: PdfValue | undefined): value is string => typeof value === 'string';
export const isNumber = (value: PdfValue | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Thrown inside the reader when a cap is reached; inspectPdf turns it into a finding. */
export class PdfLimitError extends Error {
  constructor(
    readonly code: 'pdf.too_complex' | 'pdf.stream_too_large' | 'pdf.too_many_pages',
    message: string,
  ) {
    super(message);
  }
}
