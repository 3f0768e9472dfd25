/**
 * The content types an attachment is labelled with, by its file name. Only types a
 * browser will not run as a page are listed; HTML, SVG, XML and anything unknown are
 * plain bytes (`application/octet-stream`), so a download never becomes a document.
 */
const SAFE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  ai: 'application/postscript',
  eps: 'application/postscript',
  stl: 'model/stl',
  obj: 'model/obj',
  '3mf': 'model/3mf',
  dxf: 'image/vnd.dxf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const OPAQUE_CONTENT_TYPE = 'application/octet-stream';

export function attachmentContentType(name: string): string {
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (extension && SAFE_TYPES[extension]) || OPAQUE_CONTENT_TYPE;
}

/**
 * A `Content-Disposition: attachment` value for any file name: an ASCII fallback with
 * quotes, backslashes and control characters replaced, and the exact name as RFC 5987
 * UTF-8 for browsers that read it (all current ones).
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'attachment';
  const exact = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
