/**
 * The SVG's bytes as text: a byte-order mark or the XML declaration's encoding decides,
 * UTF-8 otherwise. Undecodable bytes become U+FFFD rather than an exception.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let label = 'utf-8';
  if (declared && !/^utf-?16/i.test(declared)) {
    try {
      new TextDecoder(declared);
      label = declared;
    } catch {
      label = 'utf-8'; // An encoding name TextDecoder does not know: read as UTF-8, the SVG default.
    }
  }
  return new TextDecoder(label).decode(bytes);
}
