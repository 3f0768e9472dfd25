import { truncated } from './header-error.ts';

/** Bounds-checked big/little-endian reads: a lying offset becomes raster.truncated, not a RangeError. */
export class ByteView {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    public littleEndian = false,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  need(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.length) throw truncated(what, offset, this.bytes.length);
  }

  u8(offset: number, what = 'a header field'): number {
    this.need(offset, 1, what);
    return this.bytes[offset]!;
  }

  u16(offset: number, what = 'a header field'): number {
    this.need(offset, 2, what);
    return this.view.getUint16(offset, this.littleEndian);
  }

  u32(offset: number, what = 'a header field'): number {
    this.need(offset, 4, what);
    return this.view.getUint32(offset, this.littleEndian);
  }

  ascii(offset: number, length: number): string {
    let text = '';
    const end = Math.min(offset + length, this.bytes.length);
    for (let i = offset; i < end; i++) text += String.fromCharCode(this.bytes[i]!);
    return text;
  }
}
