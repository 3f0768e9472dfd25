import { aesCbcDecrypt, aesCbcEncryptBlocks, rc4 } from './ciphers.ts';
import { md5 } from './md5.ts';
import { sha256, sha384, sha512 } from './sha2.ts';
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
 * customer's file. Revisions 2–4 (RC4 40–128 bit, AES-128) and 5–6 (AES-256) are
 * read; a file that needs a user password, or uses another handler, gets null and is
 * reported as encrypted and unreadable.
 */
export function emptyPasswordDecryptor(encrypt: PdfDict, trailerId: PdfValue | undefined, resolve: Resolve): StreamDecryptor | null {
  if (resolve(encrypt.get('Filter')) !== 'Standard') return null;
  const v = resolve(encrypt.get('V'));
  const r = resolve(encrypt.get('R'));
  if (!isNumber(v) || !isNumber(r) || r < 2 || r > 6) return null;
  if (r >= 5) return aes256Decryptor(encrypt, r, resolve);
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

/**
 * Revision 6's hash (Algorithm 2.B, ISO 32000-2 §7.6.4.3.4): SHA-256, then at least 64
 * rounds of AES-128 over 64 copies of the input, each round's hash picked by the
 * AES output. Revision 5 (Acrobat 9's, deprecated) is plain SHA-256.
 */
function hash2B(password: Uint8Array, salt: Uint8Array, userKey: Uint8Array, revision: number): Uint8Array {
  let k = sha256(concatBytes(password, salt, userKey));
  if (revision === 5) return k;
  for (let round = 0; ; round++) {
    const unit = concatBytes(password, k, userKey);
    const k1 = new Uint8Array(unit.length * 64);
    for (let i = 0; i < 64; i++) k1.set(unit, i * unit.length);
    const e = aesCbcEncryptBlocks(k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = sum % 3 === 0 ? sha256(e) : sum % 3 === 1 ? sha384(e) : sha512(e);
    // Ends a few rounds past 64 as a rule, and by round 286 at the latest (a byte is at most 255).
    if (round >= 63 && e[e.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}

function aes256Decryptor(encrypt: PdfDict, revision: number, resolve: Resolve): StreamDecryptor | null {
  const filters = resolve(encrypt.get('CF'));
  const name = resolve(encrypt.get('StmF')) ?? 'Identity';
  const filter = isDict(filters) && typeof name === 'string' ? resolve(filters.get(name)) : undefined;
  const cfm = isDict(filter) ? resolve(filter.get('CFM')) : undefined;
  const user = stringBytes(resolve(encrypt.get('U')));
  const userEncryptedKey = stringBytes(resolve(encrypt.get('UE')));
  if (user.length < 48 || userEncryptedKey.length < 32) return null;
  const empty = new Uint8Array(0);
  // The empty password is the user password when its hash with U's validation salt is U's first 32 bytes.
  const check = hash2B(empty, user.subarray(32, 40), empty, revision);
  for (let i = 0; i < 32; i++) if (check[i] !== user[i]) return null;
  const intermediate = hash2B(empty, user.subarray(40, 48), empty, revision);
  const fileKey = aesCbcDecrypt(intermediate, concatBytes(new Uint8Array(16), userEncryptedKey.subarray(0, 32)), false);
  if (fileKey.length !== 32) return null;
  if (name === 'Identity' || cfm === 'None') return (stream) => stream.data;
  if (cfm !== 'AESV3') return null;
  return (stream) => (stream.dict.get('Type') === 'XRef' ? stream.data : aesCbcDecrypt(fileKey, stream.data));
}
