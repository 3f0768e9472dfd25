import { isRegular, isWhite } from './lexer.ts';
import { indexOfSeq } from './read-file.ts';

const EI = Uint8Array.of(0x45, 0x49);

/**
 * Where an inline image's data (after `ID`) ends, just past its `EI`: by its length
 * when that is known and an `EI` stands there, else at the first free-standing `EI`
 * (white space before, a delimiter or white space after), else at the end of the stream.
 */
export function inlineImageEnd(bytes: Uint8Array, dataStart: number, length: number | null): number {
  if (length !== null && length >= 0 && dataStart + length <= bytes.length) {
    let p = dataStart + length;
    while (p < bytes.length && isWhite(bytes[p])) p++;
    if (bytes[p] === 0x45 && bytes[p + 1] === 0x49 && !isRegular(bytes[p + 2])) return p + 2;
  }
  for (let i = indexOfSeq(bytes, EI, dataStart); i >= 0; i = indexOfSeq(bytes, EI, i + 2)) {
    if (isWhite(bytes[i - 1]) && !isRegular(bytes[i + 2])) return i + 2;
  }
  return bytes.length;
}
