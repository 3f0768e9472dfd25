import { isNumber, type PdfDict, type PdfValue } from './objects.ts';

/** Filters whose output is bounded by their input (at most 4×, for ASCII85 `z`), so they need no decode cap. */

/** PNG predictors (10–15), used by object streams; TIFF predictor 2 is left as is. */
export function unpredict(data: Uint8Array, params: PdfDict | undefined): Uint8Array {
  const predictor = params?.get('Predictor');
  if (!isNumber(predictor) || predictor < 10) return data;
  const colors = numberOr(params?.get('Colors'), 1, 1, 32);
  const bits = numberOr(params?.get('BitsPerComponent'), 8, 1, 16);
  const columns = numberOr(params?.get('Columns'), 1, 1, 1 << 20);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

function numberOr(value: PdfValue | undefined, fallback: number, min: number, max: number): number {
  return isNumber(value) && value >= min && value <= max ? Math.floor(value) : fallback;
}

export function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length + 1) >> 1);
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

export function ascii85(data: Uint8Array): Uint8Array {
  // Each `z` stands for four zero bytes, every other five characters for four bytes.
  let zeros = 0;
  for (const c of data) if (c === 0x7a) zeros++;
  const out = new Uint8Array(Math.ceil(((data.length - zeros) * 4) / 5) + zeros * 4 + 4);
  let n = 0;
  const group: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // ~>
    if (c === 0x7a && group.length === 0) {
      out.fill(0, n, n + 4);
      n += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) {
      n = put85(out, n, group, 4);
      group.length = 0;
    }
  }
  if (group.length > 1) {
    const keep = group.length - 1;
    while (group.length < 5) group.push(84);
    n = put85(out, n, group, keep);
  }
  return out.subarray(0, n);
}

function put85(out: Uint8Array, n: number, group: number[], keep: number): number {
  let value = 0;
  for (const digit of group) value = value * 85 + digit;
  for (let k = 0; k < keep; k++) out[n++] = (value >>> (24 - 8 * k)) & 0xff;
  return n;
}
