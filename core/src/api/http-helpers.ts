import { bodyLimit } from 'hono/body-limit';

/** The credential in "Authorization: Bearer <credential>", if the header has that form. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** Refuses a body over `maxBytes` unread: 413 with the one error shape the API uses. */
export function payloadLimit(maxBytes: number, message = 'Payload too large') {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message } }, 413) });
}
