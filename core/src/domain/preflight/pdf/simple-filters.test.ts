import { describe, expect, it } from 'vitest';
import { ascii85, asciiHex } from './simple-filters.ts';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const text = (data: Uint8Array) => String.fromCharCode(...data);

describe('ASCII filters for content streams', () => {
  it('decodes ASCII85, including z for four zero bytes and a short last group', () => {
    expect(text(ascii85(bytes('87cURD]i,"Ebo80~>')))).toBe('Hello World!');
    expect([...ascii85(bytes('zzz~>'))]).toEqual(new Array(12).fill(0));
    expect(text(ascii85(bytes('5p0ZUDKKH-F<GXH\nEb/Zr~>')))).toBe('A content stream');
  });

  it('decodes ASCIIHex, ignoring white space and padding an odd last digit', () => {
    expect(text(asciiHex(bytes('48 65 6c\n6C 6f>')))).toBe('Hello');
    expect([...asciiHex(bytes('7>'))]).toEqual([0x70]);
  });
});
