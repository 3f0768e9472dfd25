import { describe, expect, it } from 'vitest';
import { lzwDecode } from './lzw.ts';
import { PdfLimitError } from './objects.ts';

const overflow = () => new PdfLimitError('pdf.stream_too_large', 'too large');

/** An LZW encoder as §7.4.4 describes it, to make test input. */
function lzwEncode(input: Uint8Array, earlyChange = 1): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let bitCount = 0;
  let codeLength = 9;
  const emit = (code: number) => {
    bits = (bits << codeLength) | code;
    bitCount += codeLength;
    while (bitCount >= 8) {
      out.push((bits >>> (bitCount - 8)) & 0xff);
      bitCount -= 8;
    }
    bits &= (1 << bitCount) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  const reset = () => {
    table = new Map(Array.from({ length: 256 }, (_, i) => [String.fromCharCode(i), i]));
    next = 258;
    codeLength = 9;
  };
  reset();
  emit(256);
  let current = '';
  for (const byte of input) {
    const candidate = current + String.fromCharCode(byte);
    if (table.has(candidate)) {
      current = candidate;
      continue;
    }
    emit(table.get(current)!);
    table.set(candidate, next++);
    if (next + earlyChange > 1 << codeLength) codeLength++;
    if (next >= 4095) {
      emit(256);
      reset();
    }
    current = String.fromCharCode(byte);
  }
  if (current) emit(table.get(current)!);
  emit(257);
  if (bitCount > 0) out.push((bits << (8 - bitCount)) & 0xff);
  return Uint8Array.from(out);
}

describe('lzwDecode', () => {
  it('decodes the example of the PDF specification', () => {
    // §7.4.4.2: "-----A---B" encodes as 80 0B 60 50 22 0C 0C 85 01.
    const decoded = lzwDecode(Uint8Array.of(0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01), 1000, overflow);
    expect(new TextDecoder().decode(decoded)).toBe('-----A---B');
  });

  it('round-trips a content stream long enough to fill the table and reset it', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${i % 97} ${(i * 7) % 13} m ${i} 0 l S\n`).join('');
    const input = new TextEncoder().encode(text);
    expect(new TextDecoder().decode(lzwDecode(lzwEncode(input), 10_000_000, overflow))).toBe(text);
  });

  it('stops at the cap', () => {
    const input = new Uint8Array(100_000);
    expect(() => lzwDecode(lzwEncode(input), 50_000, overflow)).toThrow(PdfLimitError);
  });
});
