import type { FileKind } from './facts.ts';

const EXTENSIONS: Record<string, FileKind> = {
  pdf: 'pdf', ai: 'ai', svg: 'svg', stl: 'stl', obj: 'obj', '3mf': '3mf', dxf: 'dxf',
  png: 'png', jpg: 'jpeg', jpeg: 'jpeg', tif: 'tiff', tiff: 'tiff',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function headText(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let i = 0; i < Math.min(length, bytes.length); i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/**
 * What a file is, from its bytes first (a customer's `logo.pdf` may be a PNG) and its
 * name only where the bytes cannot tell (STL, OBJ and DXF have no magic number).
 */
export function detectKind(bytes: Uint8Array, name?: string): FileKind | null {
  const extension = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byName = extension ? EXTENSIONS[extension] : undefined;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return '3mf';
  const head = headText(bytes, 1024);
  // PDF-compatible Illustrator files are PDFs; the name says which the customer meant.
  if (head.includes('%PDF-')) return byName === 'ai' ? 'ai' : 'pdf';
  if (head.startsWith('%!PS-Adobe') && byName === 'ai') return 'ai';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head) || byName === 'svg') return 'svg';
  if (byName === 'stl' || byName === 'obj' || byName === 'dxf') return byName;
  if (/^\s*0\s*\r?\n\s*SECTION/.test(head)) return 'dxf';
  if (/^solid[\s\S]*facet\s+normal/.test(head)) return 'stl';
  if (bytes.length >= 84) {
    const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
    if (84 + 50 * count === bytes.length) return 'stl';
  }
  return byName ?? null;
}
