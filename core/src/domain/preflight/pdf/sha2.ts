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

const TWO_32 = 0x100000000;

/**
 * SHA-512 over 32-bit halves (hi, lo) with the carries done by hand; SHA-384 is the
 * same with other initial values, cut to 48 bytes. Rotations by n ≥ 32 swap the halves.
 */
function sha512Family(data: Uint8Array, initial: Uint32Array, outputBytes: number): Uint8Array {
  const padded = pad(data, 128);
  const view = new DataView(padded.buffer);
  const h = Int32Array.from(initial);
  const w = new Int32Array(160);
  const k = Int32Array.from(K512);
  for (let offset = 0; offset < padded.length; offset += 128) {
    for (let i = 0; i < 32; i++) w[i] = view.getInt32(offset + i * 4, false);
    for (let i = 16; i < 80; i++) {
      let xh = w[2 * (i - 15)]!;
      let xl = w[2 * (i - 15) + 1]!;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      xh = w[2 * (i - 2)]!;
      xl = w[2 * (i - 2) + 1]!;
      const s1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
      const s1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
      const lo = (w[2 * (i - 16) + 1]! >>> 0) + (s0l >>> 0) + (w[2 * (i - 7) + 1]! >>> 0) + (s1l >>> 0);
      w[2 * i] = w[2 * (i - 16)]! + s0h + w[2 * (i - 7)]! + s1h + Math.floor(lo / TWO_32);
      w[2 * i + 1] = lo;
    }
    let ah = h[0]!;
    let al = h[1]!;
    let bh = h[2]!;
    let bl = h[3]!;
    let ch = h[4]!;
    let cl = h[5]!;
    let dh = h[6]!;
    let dl = h[7]!;
    let eh = h[8]!;
    let el = h[9]!;
    let fh = h[10]!;
    let fl = h[11]!;
    let gh = h[12]!;
    let gl = h[13]!;
    let hh = h[14]!;
    let hl = h[15]!;
    for (let i = 0; i < 80; i++) {
      const sum1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const sum1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chooseH = (eh & fh) ^ (~eh & gh);
      const chooseL = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (sum1l >>> 0) + (chooseL >>> 0) + (k[2 * i + 1]! >>> 0) + (w[2 * i + 1]! >>> 0);
      const t1h = hh + sum1h + chooseH + k[2 * i]! + w[2 * i]! + Math.floor(t1l / TWO_32);
      const sum0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const sum0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const majorityH = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majorityL = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (sum0l >>> 0) + (majorityL >>> 0);
      const t2h = sum0h + majorityH + Math.floor(t2l / TWO_32);
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      const el2 = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(el2 / TWO_32)) | 0;
      el = el2 | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(al2 / TWO_32)) | 0;
      al = al2 | 0;
    }
    const state = [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl];
    for (let i = 0; i < 8; i++) {
      const lo = (h[2 * i + 1]! >>> 0) + (state[2 * i + 1]! >>> 0);
      h[2 * i] = h[2 * i]! + state[2 * i]! + Math.floor(lo / TWO_32);
      h[2 * i + 1] = lo;
    }
  }
  const out = new Uint8Array(64);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setInt32(i * 4, value, false));
  return out.slice(0, outputBytes);
}

export const sha512 = (data: Uint8Array) => sha512Family(data, H512, 64);
export const sha384 = (data: Uint8Array) => sha512Family(data, H384, 48);
