import { aesCbcDecrypt, rc4 } from './ciphers.ts';
import { md5 } from './md5.ts';
import { isDict, isNumber, PdfString, type PdfDict, type PdfStream, type PdfValue } from './objects.ts';

type Resolve = (value: PdfValue | undefined) => PdfValue | undefined;

/** Padding for passwords (§7.6.3.3, Algorithm 2 step a). */
const PAD = Uint8Array.of(
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
);
const SALT = Uint8Array.of(0x73, 0x41, 0x6c, 0x54); // "sAlT"

export type StreamDecryptor = (stream: PdfStream) => Uint8Array;

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function stringBytes(value: PdfValue | undefined): Uint8Array {
  return value instanceof PdfString ? value.bytes() : new Uint8Array(0);
}

/**
 * The standard security handler (§7.6.3) for files that open without a password:
 * "secured" PDFs that only restrict printing or editing, the usual case for a
 * customer's file. Revisions 2–4 (RC4 40–128 bit, AES-128) are read; a file that needs
 * a user password, or uses AES-256 (revision 5/6) or another handler, gets null and
 * is reported as encrypted and unreadable.
 */
export function emptyPasswordDecryptor(encrypt: PdfDict, trailerId: PdfValue | undefined, resolve: Resolve): StreamDecryptor | null {
  if (resolve(encrypt.get('Filter')) !== 'Standard') return null;
  const v = resolve(encrypt.get('V'));
  const r = resolve(encrypt.get('R'));
  if (!isNumber(v) || !isNumber(r) || r < 2 || r > 4) return null;
  let method: 'rc4' | 'aes' | 'identity' = 'rc4';
  let keyLength = v === 1 ? 5 : Math.floor((isNumber(resolve(encrypt.get('Length'))) ? (resolve(encrypt.get('Length')) as number) : 40) / 8);
  if (v === 4) {
    const name = resolve(encrypt.get('StmF')) ?? 'Identity';
    const filters = resolve(encrypt.get('CF'));
    const filter = isDict(filters) && typeof name === 'string' ? resolve(filters.get(name)) : undefined;
    const cfm = isDict(filter) ? resolve(filter.get('CFM')) : undefined;
    if (name === 'Identity' || cfm === 'None') method = 'identity';
    else if (cfm === 'AESV2') method = 'aes';
    else if (cfm !== 'V2') return null;
    keyLength = 16;
  } else if (v !== 1 && v !== 2) return null;
  if (keyLength < 5 || keyLength > 16) return null;

  const owner = stringBytes(resolve(encrypt.get('O'))).subarray(0, 32);
  const user = stringBytes(resolve(encrypt.get('U'))).subarray(0, 32);
  const permissions = resolve(encrypt.get('P'));
  const ids = resolve(trailerId);
  const id = Array.isArray(ids) ? stringBytes(resolve(ids[0])) : new Uint8Array(0);
  if (owner.length < 32 || user.length < 16 || !isNumber(permissions)) return null;

  // Algorithm 2: the file key from the (empty) user password.
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions | 0, true);
  const unencryptedMetadata = r >= 4 && resolve(encrypt.get('EncryptMetadata')) === false ? Uint8Array.of(0xff, 0xff, 0xff, 0xff) : new Uint8Array(0);
  let hash = md5(concatBytes(PAD, owner, p, id, unencryptedMetadata));
  if (r >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, keyLength));
  const key = hash.slice(0, keyLength);

  // Algorithms 4 and 5: the empty password is the user password when U checks out.
  let expected: Uint8Array;
  if (r === 2) expected = rc4(key, PAD);
  else {
    expected = rc4(key, md5(concatBytes(PAD, id)));
    for (let i = 1; i <= 19; i++) expected = rc4(key.map((byte) => byte ^ i), expected);
  }
  const compared = r === 2 ? 32 : 16;
  for (let i = 0; i < compared; i++) if (expected[i] !== user[i]) return null;

  return (stream) => {
    if (method === 'identity' || stream.dict.get('Type') === 'XRef') return stream.data;
    // Algorithm 1: a key per object from its number and generation.
    const objectKey = md5(
      concatBytes(key, Uint8Array.of(stream.num & 0xff, (stream.num >> 8) & 0xff, (stream.num >> 16) & 0xff, stream.gen & 0xff, (stream.gen >> 8) & 0xff), method === 'aes' ? SALT : new Uint8Array(0)),
    ).subarray(0, Math.min(keyLength + 5, 16));
    return method === 'aes' ? aesCbcDecrypt(objectKey, stream.data) : rc4(objectKey, stream.data);
  };
}
