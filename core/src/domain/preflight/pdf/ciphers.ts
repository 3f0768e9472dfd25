/**
 * RC4 and AES-CBC decryption for the PDF standard security handler. Written here
 * because the domain may not import node:crypto and WebCrypto is asynchronous (and
 * has no RC4); the amounts decrypted (content streams, object streams) are small.
 */

export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const SBOX = new Uint8Array(256);
const INVERSE_SBOX = new Uint8Array(256);
{
  // The S-box from the multiplicative inverse in GF(2^8) and the affine map (FIPS 197 §5.1.1).
  const rotl = (x: number, shift: number) => ((x << shift) | (x >> (8 - shift))) & 0xff;
  let p = 1;
  let q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    SBOX[p] = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4) ^ 0x63;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let i = 0; i < 256; i++) INVERSE_SBOX[SBOX[i]!] = i;
}

function gfMultiply(a: number, b: number): number {
  let result = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) result ^= a;
    a = ((a << 1) ^ (a & 0x80 ? 0x1b : 0)) & 0xff;
  }
  return result;
}
const [MUL2, MUL3] = [2, 3].map((factor) => Uint8Array.from({ length: 256 }, (_, i) => gfMultiply(i, factor))) as [Uint8Array, Uint8Array];
const [MUL9, MUL11, MUL13, MUL14] = [9, 11, 13, 14].map((factor) => Uint8Array.from({ length: 256 }, (_, i) => gfMultiply(i, factor))) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];

/** Round keys for AES-128 or AES-256 (FIPS 197 §5.2), as 16-byte blocks. */
function expandKey(key: Uint8Array): Uint8Array[] {
  const nk = key.length / 4;
  const rounds = nk + 6;
  const words: number[][] = [];
  for (let i = 0; i < nk; i++) words.push([key[4 * i]!, key[4 * i + 1]!, key[4 * i + 2]!, key[4 * i + 3]!]);
  let rcon = 1;
  for (let i = nk; i < 4 * (rounds + 1); i++) {
    let temp = [...words[i - 1]!];
    if (i % nk === 0) {
      temp = [SBOX[temp[1]!]! ^ rcon, SBOX[temp[2]!]!, SBOX[temp[3]!]!, SBOX[temp[0]!]!];
      rcon = gfMultiply(rcon, 2);
    } else if (nk > 6 && i % nk === 4) temp = temp.map((b) => SBOX[b]!);
    words.push(words[i - nk]!.map((b, k) => b ^ temp[k]!));
  }
  return Array.from({ length: rounds + 1 }, (_, r) => Uint8Array.from(words.slice(4 * r, 4 * r + 4).flat()));
}

/** Decrypts one block into `state`, using `temp` as scratch (both 16 bytes, reused by the caller). */
function decryptBlock(input: Uint8Array, keys: Uint8Array[], state: Uint8Array, temp: Uint8Array): void {
  const rounds = keys.length - 1;
  for (let i = 0; i < 16; i++) state[i] = input[i]! ^ keys[rounds]![i]!;
  for (let round = rounds - 1; round >= 0; round--) {
    // Inverse ShiftRows and SubBytes; state is column-major (byte r + 4c).
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) temp[r + 4 * c] = INVERSE_SBOX[state[r + 4 * ((c - r + 4) % 4)]!]!;
    const key = keys[round]!;
    for (let i = 0; i < 16; i++) state[i] = temp[i]! ^ key[i]!;
    if (round === 0) break;
    for (let c = 0; c < 4; c++) {
      const a0 = state[4 * c]!;
      const a1 = state[4 * c + 1]!;
      const a2 = state[4 * c + 2]!;
      const a3 = state[4 * c + 3]!;
      state[4 * c] = MUL14[a0]! ^ MUL11[a1]! ^ MUL13[a2]! ^ MUL9[a3]!;
      state[4 * c + 1] = MUL9[a0]! ^ MUL14[a1]! ^ MUL11[a2]! ^ MUL13[a3]!;
      state[4 * c + 2] = MUL13[a0]! ^ MUL9[a1]! ^ MUL14[a2]! ^ MUL11[a3]!;
      state[4 * c + 3] = MUL11[a0]! ^ MUL13[a1]! ^ MUL9[a2]! ^ MUL14[a3]!;
    }
  }
}

function encryptBlock(input: Uint8Array, keys: Uint8Array[], state: Uint8Array, temp: Uint8Array): void {
  const rounds = keys.length - 1;
  for (let i = 0; i < 16; i++) state[i] = input[i]! ^ keys[0]![i]!;
  for (let round = 1; round <= rounds; round++) {
    // SubBytes and ShiftRows, then MixColumns (not in the last round), then the round key.
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) temp[r + 4 * c] = SBOX[state[r + 4 * ((c + r) % 4)]!]!;
    if (round < rounds) {
      for (let c = 0; c < 4; c++) {
        const a0 = temp[4 * c]!;
        const a1 = temp[4 * c + 1]!;
        const a2 = temp[4 * c + 2]!;
        const a3 = temp[4 * c + 3]!;
        temp[4 * c] = MUL2[a0]! ^ MUL3[a1]! ^ a2 ^ a3;
        temp[4 * c + 1] = a0 ^ MUL2[a1]! ^ MUL3[a2]! ^ a3;
        temp[4 * c + 2] = a0 ^ a1 ^ MUL2[a2]! ^ MUL3[a3]!;
        temp[4 * c + 3] = MUL3[a0]! ^ a1 ^ a2 ^ MUL2[a3]!;
      }
    }
    const key = keys[round]!;
    for (let i = 0; i < 16; i++) state[i] = temp[i]! ^ key[i]!;
  }
}

/** AES-CBC encryption of whole blocks, no padding: what revision 6's key derivation (Algorithm 2.B) needs. */
export function aesCbcEncryptBlocks(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const keys = expandKey(key);
  const out = new Uint8Array(Math.floor(data.length / 16) * 16);
  const block = new Uint8Array(16);
  const state = new Uint8Array(16);
  const temp = new Uint8Array(16);
  let previous = iv;
  for (let at = 0; at < out.length; at += 16) {
    for (let i = 0; i < 16; i++) block[i] = data[at + i]! ^ previous[i]!;
    encryptBlock(block, keys, state, temp);
    out.set(state, at);
    previous = out.subarray(at, at + 16);
  }
  return out;
}

/**
 * AES-CBC as PDF writes it (§7.6.3): a 16-byte IV, then the blocks, then PKCS#5
 * padding, which is removed when it is well formed (unless `padded` is false). A
 * trailing partial block is dropped.
 */
export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, padded = true): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  if (key.length !== 16 && key.length !== 32) return new Uint8Array(0);
  const keys = expandKey(key);
  const blocks = Math.floor(data.length / 16) - 1;
  const out = new Uint8Array(blocks * 16);
  const block = new Uint8Array(16);
  const temp = new Uint8Array(16);
  for (let b = 0; b < blocks; b++) {
    decryptBlock(data.subarray(16 + b * 16, 32 + b * 16), keys, block, temp);
    for (let i = 0; i < 16; i++) out[b * 16 + i] = block[i]! ^ data[b * 16 + i]!;
  }
  if (!padded) return out;
  const pad = out[out.length - 1]!;
  const wellFormed = pad >= 1 && pad <= 16 && out.subarray(out.length - pad).every((byte) => byte === pad);
  return wellFormed ? out.subarray(0, out.length - pad) : out;
}
