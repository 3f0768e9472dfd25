/**
 * Reads SVG path-data numbers as the grammar allows them: "M1.5.5-2e1" is four tokens,
 * commas and whitespace separate, arc flags may be one digit glued to the next number.
 */
export class NumberScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    this.skipSeparators();
    return this.at >= this.text.length;
  }

  /** The next character code without consuming it (after separators), or -1 at the end. */
  peek(): number {
    this.skipSeparators();
    return this.at < this.text.length ? this.text.charCodeAt(this.at) : -1;
  }

  advance(): void {
    this.at++;
  }

  /** True when the next token can start a number (so a command's arguments repeat). */
  atNumber(): boolean {
    const c = this.peek();
    return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45;
  }

  number(): number | null {
    this.skipSeparators();
    const start = this.at;
    const text = this.text;
    let c = text.charCodeAt(this.at);
    if (c === 43 || c === 45) c = text.charCodeAt(++this.at);
    let digits = 0;
    while (c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++this.at);
    }
    if (c === 46) {
      c = text.charCodeAt(++this.at);
      while (c >= 48 && c <= 57) {
        digits++;
        c = text.charCodeAt(++this.at);
      }
    }
    if (digits === 0) {
      this.at = start;
      return null;
    }
    if (c === 101 || c === 69) {
      const mark = this.at;
      c = text.charCodeAt(++this.at);
      if (c === 43 || c === 45) c = text.charCodeAt(++this.at);
      let exponent = 0;
      while (c >= 48 && c <= 57) {
        exponent++;
        c = text.charCodeAt(++this.at);
      }
      if (exponent === 0) this.at = mark;
    }
    const value = Number(text.slice(start, this.at));
    return Number.isFinite(value) ? value : null;
  }

  /** An arc flag: a single 0 or 1. */
  flag(): number | null {
    const c = this.peek();
    if (c !== 48 && c !== 49) return null;
    this.at++;
    return c - 48;
  }

  private skipSeparators(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 44) this.at++;
      else return;
    }
  }
}
