import type { PdfLimitError } from './objects.ts';

/**
 * LZWDecode (§7.4.4), as old Acrobat versions wrote content streams: 9–12 bit codes,
 * most significant bit first, with EarlyChange. Output is capped like every decoder;
 * an LZW code can stand for up to 4,096 bytes, so the cap is checked per code.
 */
export function lzwDecode(data: Uint8Array, cap: number, overflow: () => PdfLimitError, earlyChange = 1): Uint8Array {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const lengths = new Int32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    lengths[i] = 1;
  }
  let out = new Uint8Array(Math.min(cap, Math.max(1024, data.length * 4)));
  let size = 0;
  let codeLength = 9;
  let next = 258;
  let previous = -1;
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  const write = (code: number) => {
    const length = lengths[code]!;
    if (size + length > cap) throw overflow();
    if (size + length > out.length) {
      const grown = new Uint8Array(Math.min(cap, Math.max(out.length * 2, size + length)));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    for (let i = size + length - 1, c = code; i >= size; i--, c = prefix[c]!) out[i] = suffix[c]!;
    size += length;
  };
  for (;;) {
    while (bitCount < codeLength && at < data.length) {
      bits = ((bits << 8) | data[at++]!) & 0xffffff;
      bitCount += 8;
    }
    if (bitCount < codeLength) break;
    const code = (bits >>> (bitCount - codeLength)) & ((1 << codeLength) - 1);
    bitCount -= codeLength;
    if (code === 256) {
      codeLength = 9;
      next = 258;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (previous === -1) {
      if (code > 255) break;
      write(code);
      previous = code;
      continue;
    }
    if (code > next) break; // not a code this stream could have made: corrupt
    if (next < 4096) {
      // The new entry is the previous string plus the first byte of this one (or of itself, for code === next).
      let first = code === next ? previous : code;
      while (prefix[first]! >= 0) first = prefix[first]!;
      prefix[next] = previous;
      suffix[next] = suffix[first]!;
      lengths[next] = lengths[previous]! + 1;
      next++;
    }
    write(code);
    if (next + earlyChange >= 1 << codeLength && codeLength < 12) codeLength++;
    previous = code;
  }
  return out.subarray(0, size);
}
