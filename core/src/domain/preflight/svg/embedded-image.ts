import type { Finding } from '../facts.ts';
import { readRasterHeader } from '../raster/index.ts';

export type EmbeddedImage =
  | { kind: 'raster'; widthPx: number; heightPx: number; colorSpace: string }
  /** An SVG inside the SVG: vector, so it has no resolution to judge. */
  | { kind: 'vector' }
  | { kind: 'external' }
  | { kind: 'unreadable'; finding: Finding };

const BASE64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
BASE64['-'.charCodeAt(0)] = 62;
BASE64['_'.charCodeAt(0)] = 63;

/**
 * What an `<image href>` holds. Only `data:` URIs are read; anything else is external and
 * never fetched (a file from the public must not make the worker reach out). The payload
 * is decoded once, bounded by the file size already capped by the caller.
 */
export function readEmbeddedImage(href: string, name: string): EmbeddedImage {
  const trimmed = href.trimStart();
  if (!/^data:/i.test(trimmed)) return { kind: 'external' };
  const comma = trimmed.indexOf(',');
  if (comma < 0) return unreadable(name, 'its data: URI has no data');
  const meta = trimmed.slice(5, comma).toLowerCase();
  if (meta.startsWith('image/svg')) return { kind: 'vector' };
  if (!meta.endsWith(';base64')) return unreadable(name, `its data: URI (${meta || 'no type'}) is not base64`);
  const bytes = decodeBase64(trimmed, comma + 1);
  if (!bytes) return unreadable(name, 'its base64 data is damaged');
  const header = readRasterHeader(bytes);
  if (!header.ok) return unreadable(name, `the embedded image cannot be read: ${header.finding.message}`);
  return { kind: 'raster', widthPx: header.facts.widthPx, heightPx: header.facts.heightPx, colorSpace: header.facts.colorMode };
}

function unreadable(name: string, detail: string): EmbeddedImage {
  return {
    kind: 'unreadable',
    finding: {
      code: 'svg.image_unreadable',
      severity: 'warning',
      message: `Embedded image ${name} was not checked: ${detail}. Only PNG, JPEG and TIFF images are checked.`,
      fix: 'Embed the image as PNG or JPEG (or convert it to vectors) and export again.',
      object: name,
    },
  };
}

/** Base64 (standard or URL alphabet, whitespace allowed); null on a bad character. */
export function decodeBase64(text: string, from: number): Uint8Array | null {
  const out = new Uint8Array(Math.floor(((text.length - from) * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break; // '=' padding ends the data.
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    const value = c < 128 ? BASE64[c]! : -1;
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, length);
}
