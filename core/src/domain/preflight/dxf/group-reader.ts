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
    const codeLine = this.readLine();
    if (codeLine === null) return false;
    const trimmed = codeLine.trim();
    if (trimmed === '' && this.at >= this.text.length) return false;
    this.line += this.line === 0 ? 1 : 2;
    if (!/^-?\d{1,4}$/.test(trimmed)) {
      throw new DxfStop(dxfError('dxf.malformed', `Line ${this.line} of the DXF holds "${trimmed.slice(0, 40)}" where a group code (a whole number) belongs.`));
    }
    const value = this.readLine();
    if (value === null) {
      throw new DxfStop(dxfError('dxf.truncated', `The DXF ends in the middle of group ${trimmed} (line ${this.line}).`, 'The upload was cut off or the file is damaged. Export the drawing again and upload the new file.'));
    }
    this.code = Number(trimmed);
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
