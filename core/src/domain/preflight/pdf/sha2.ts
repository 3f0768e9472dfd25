/**
 * SHA-256, SHA-384 and SHA-512 (FIPS 180-4), for AES-256 PDF security (revision 6,
 * Algorithm 2.B), which switches between them round by round. Written here because
 * the domain may not import node:crypto and WebCrypto is asynchronous. The round
 * constants are computed from the primes, as the standard defines them, rather than typed in.
 */

const PRIMES = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes;
})();

/** floor(x^(1/k)) for a BigInt, by Newton's method. */
function integerRoot(x: bigint, k: bigint): bigint {
  let r = BigInt(Math.floor(Number(x) ** (1 / Number(k))));
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r && r ** k <= x && (r + 1n) ** k > x) return r;
    r = next < 1n ? 1n : next;
    while (r ** k > x) r--;
    if ((r + 1n) ** k > x) return r;
  }
}

/** The first `bits` bits of the fractional part of the k-th root of p. */
const fraction = (p: number, k: bigint, bits: bigint) => integerRoot(BigInt(p) << (bits * k), k) & ((1n << bits) - 1n);

const K256 = Uint32Array.from(PRIMES.slice(0, 64), (p) => Number(fraction(p, 3n, 32n)));
const H256 = Uint32Array.from(PRIMES.slice(0, 8), (p) => Number(fraction(p, 2n, 32n)));
const split = (values: bigint[]) => Uint32Array.from(values.flatMap((v) => [Number(v >> 32n), Number(v & 0xffffffffn)]));
const K512 = split(PRIMES.map((p) => fraction(p, 3n, 64n)));
const H512 = split(PRIMES.slice(0, 8).map((p) => fraction(p, 2n, 64n)));
const H384 = split(PRIMES.slice(8, 16).map((p) => fraction(p, 2n, 64n)));

function pad(data: Uint8Array, blockSize: number): Uint8Array {
  const lengthBytes = blockSize / 8;
  const padded = new Uint8Array(Math.ceil((data.length + 1 + lengthBytes) / blockSize) * blockSize);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(data.length / 0x20000000), false);
  view.setUint32(padded.length - 4, (data.length * 8) >>> 0, false);
  return padded;
}

export function sha256(data: Uint8Array): Uint8Array {
  const padded = pad(data, 64);
  const view = new DataView(padded.buffer);
  const h = H256.slice();
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4, false);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K256[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d! + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((value, i) => (h[i] = (h[i]! + value!) >>> 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value, false));
  return out;
}

/** SHA-512 over 32-bit halves (hi, lo); SHA-384 is the same with other initial values, cut to 48 bytes. */
function sha512Family(data: Uint8Array, initial: Uint32Array, outputBytes: number): Uint8Array {
  const padded = pad(data, 128);
  const view = new DataView(padded.buffer);
  const h = initial.slice();
  const w = new Uint32Array(160);
  // 64-bit helpers on (hi, lo) pairs.
  const add = (...pairs: [number, number][]): [number, number] => {
    let lo = 0;
    let hi = 0;
    for (const [h2, l2] of pairs) {
      lo += l2 >>> 0;
      hi += h2 >>> 0;
    }
    hi += Math.floor(lo / 0x100000000);
    return [hi >>> 0, lo >>> 0];
  };
  const rotr = ([hi, lo]: [number, number], n: number): [number, number] =>
    n < 32 ? [((hi >>> n) | (lo << (32 - n))) >>> 0, ((lo >>> n) | (hi << (32 - n))) >>> 0] : [((lo >>> (n - 32)) | (hi << (64 - n))) >>> 0, ((hi >>> (n - 32)) | (lo << (64 - n))) >>> 0];
  const shr = ([hi, lo]: [number, number], n: number): [number, number] => [hi >>> n, ((lo >>> n) | (hi << (32 - n))) >>> 0];
  const xor = (...pairs: [number, number][]): [number, number] => pairs.reduce(([h1, l1], [h2, l2]) => [(h1 ^ h2) >>> 0, (l1 ^ l2) >>> 0], [0, 0] as [number, number]);
  const word = (array: Uint32Array, i: number): [number, number] => [array[2 * i]!, array[2 * i + 1]!];
  for (let offset = 0; offset < padded.length; offset += 128) {
    for (let i = 0; i < 32; i++) w[i] = view.getUint32(offset + i * 4, false);
    for (let i = 16; i < 80; i++) {
      const w15 = word(w, i - 15);
      const w2 = word(w, i - 2);
      const s0 = xor(rotr(w15, 1), rotr(w15, 8), shr(w15, 7));
      const s1 = xor(rotr(w2, 19), rotr(w2, 61), shr(w2, 6));
      [w[2 * i], w[2 * i + 1]] = add(word(w, i - 16), s0, word(w, i - 7), s1);
    }
    let v = Array.from({ length: 8 }, (_, i) => word(h, i));
    for (let i = 0; i < 80; i++) {
      const [a, b, c, d, e, f, g, hh] = v as [number, number][];
      const ch: [number, number] = [((e![0] & f![0]) ^ (~e![0] & g![0])) >>> 0, ((e![1] & f![1]) ^ (~e![1] & g![1])) >>> 0];
      const maj: [number, number] = [((a![0] & b![0]) ^ (a![0] & c![0]) ^ (b![0] & c![0])) >>> 0, ((a![1] & b![1]) ^ (a![1] & c![1]) ^ (b![1] & c![1])) >>> 0];
      const t1 = add(hh!, xor(rotr(e!, 14), rotr(e!, 18), rotr(e!, 41)), ch, word(K512, i), word(w, i));
      const t2 = add(xor(rotr(a!, 28), rotr(a!, 34), rotr(a!, 39)), maj);
      v = [add(t1, t2), a!, b!, c!, add(d!, t1), e!, f!, g!];
    }
    v.forEach((value, i) => ([h[2 * i], h[2 * i + 1]] = add(word(h, i), value)));
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value, false));
  return out.slice(0, outputBytes);
}

export const sha512 = (data: Uint8Array) => sha512Family(data, H512, 64);
export const sha384 = (data: Uint8Array) => sha512Family(data, H384, 48);
