import { bodyLimit } from 'hono/body-limit';
import { attachmentDisposition } from '../domain/index.ts';

/** The credential in "Authorization: Bearer <credential>", if the header has that form. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** Refuses a body over `maxBytes` unread: 413 with the one error shape the API uses. */
export function payloadLimit(maxBytes: number, message = 'Payload too large') {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message } }, 413) });
}

/**
 * Headers for a file someone else uploaded: always a download under its own name, never
 * sniffed into another type, and sandboxed with nothing allowed should a browser open it.
 */
export function downloadHeaders(file: { name: string; contentType: string }): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-disposition': attachmentDisposition(file.name),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
