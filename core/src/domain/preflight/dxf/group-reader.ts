import { DxfStop, dxfError } from './dxf-findings.ts';

/**
 * Reads an ASCII DXF as (group code, value) pairs, two lines each, one pair at a time:
 * nothing is split or kept, so memory stays flat on a 500 MB drawing.
 */
export class GroupReader {
  code = 0;
  value = '';
  /** 1-based line of the current group code, for messages. */
  line = 0;
  private at = 0;
  private readonly newline: string;

  constructor(private readonly text: string) {
    // Old Mac exports end lines with CR alone.
    const head = text.slice(0, 4096);
    this.newline = !head.includes('\n') && head.includes('\r') ? '\r' : '\n';
    if (text.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  /** Moves to the next pair; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    if (this.at >= text.length) return false;
    let end = text.indexOf(this.newline, this.at);
    if (end < 0) end = text.length;
    // The group code, read from char codes: this runs for every other line of the file.
    let i = this.at;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const negative = text.charCodeAt(i) === 45;
    if (negative) i++;
    let code = 0;
    let digits = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && digits < 5; c = text.charCodeAt(++i)) {
      code = code * 10 + (c - 48);
      digits++;
    }
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i++;
    const codeLine = text.slice(this.at, end);
    this.at = end + 1;
    this.line += this.line === 0 ? 1 : 2;
    if (digits === 0 || digits > 4 || i !== end) {
      // A blank last line is how most files end; anything else is not a group code.
      if (codeLine.trim() === '' && this.at >= text.length) return false;
      throw new DxfStop(dxfError('dxf.malformed', `Line ${this.line} of the DXF holds "${codeLine.trim().slice(0, 40)}" where a group code (a whole number) belongs.`));
    }
    const value = this.readLine();
    if (value === null) {
      throw new DxfStop(dxfError('dxf.truncated', `The DXF ends in the middle of group ${code} (line ${this.line}).`, 'The upload was cut off or the file is damaged. Export the drawing again and upload the new file.'));
    }
    this.code = negative ? -code : code;
    this.value = value.trim();
    return true;
  }

  /** The value as a coordinate or size; a value that is not a finite number stops the read. */
  number(): number {
    const value = Number(this.value);
    if (!Number.isFinite(value) || this.value === '') {
      throw new DxfStop(dxfError('dxf.malformed', `Line ${this.line + 1} of the DXF holds "${this.value.slice(0, 40)}" where group ${this.code} needs a number.`));
    }
    return value;
  }

  private readLine(): string | null {
    if (this.at >= this.text.length) return null;
    let end = this.text.indexOf(this.newline, this.at);
    if (end < 0) end = this.text.length;
    let line = this.text.slice(this.at, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.at = end + 1;
    return line;
  }
}
