import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors.ts';
import { renderDxfThumbnail } from './render-dxf-thumbnail.ts';

type Group = [number, string | number];
const dxf = (entities: Group[], blocks: Group[] = []) =>
  new TextEncoder().encode(
    ([[0, 'SECTION'], [2, 'BLOCKS'], ...blocks, [0, 'ENDSEC'], [0, 'SECTION'], [2, 'ENTITIES'], ...entities, [0, 'ENDSEC'], [0, 'EOF']] as Group[])
      .map(([code, value]) => `${code}\n${value}`)
      .join('\n'),
  );

async function dark(png: Uint8Array, x: number, y: number, radius = 2) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const at = ((y + dy) * info.width + (x + dx)) * info.channels;
      if (data[at]! < 200) return true; // Ink, even a thin anti-aliased line split over two rows.
    }
  }
  return false;
}

describe('renderDxfThumbnail', () => {
  it('draws the outlines, y up, in a PNG of the asked size', async () => {
    // A 200 × 100 rectangle and a circle in its left half.
    const png = renderDxfThumbnail(
      dxf([
        [0, 'LWPOLYLINE'], [90, 4], [70, 1], [10, 0], [20, 0], [10, 200], [20, 0], [10, 200], [20, 100], [10, 0], [20, 100],
        [0, 'CIRCLE'], [10, 50], [20, 50], [40, 25],
      ]),
      { size: 208 },
    );
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([208, 108]);
    // 4 units of padding each side, 1 px per unit: the circle's top is at (54, 4 + 100 - 75).
    expect(await dark(png, 54, 29)).toBe(true);
    expect(await dark(png, 54, 79)).toBe(true);
    expect(await dark(png, 154, 54)).toBe(false);
  });

  it('draws block references where they are inserted, and survives a block that inserts itself', async () => {
    const blocks: Group[] = [
      [0, 'BLOCK'], [2, 'SQ'], [10, 0], [20, 0], [0, 'LINE'], [10, 0], [20, 0], [11, 10], [21, 0], [0, 'INSERT'], [2, 'SQ'], [10, 5], [20, 5], [0, 'ENDBLK'],
    ];
    const png = renderDxfThumbnail(dxf([[0, 'LINE'], [10, 0], [20, 0], [11, 0], [21, 100], [0, 'INSERT'], [2, 'SQ'], [10, 50], [20, 50], [41, 5], [42, 5]], blocks), { size: 104 });
    // The inserted line runs from (50,50) to (100,50): y = 50 is pixel row 2 + 100 - 50.
    expect(await dark(png, 75 + 2, 52)).toBe(true);
  });

  it('draws a chain of 50 000 nested blocks without running out of stack', () => {
    const blocks: Group[] = [];
    for (let i = 0; i < 50_000; i++) {
      blocks.push([0, 'BLOCK'], [2, `B${i}`], [10, 0], [20, 0], [0, 'LINE'], [10, 0], [20, 0], [11, 1], [21, 1]);
      if (i + 1 < 50_000) blocks.push([0, 'INSERT'], [2, `B${i + 1}`], [10, 1], [20, 0]);
      blocks.push([0, 'ENDBLK']);
    }
    const png = renderDxfThumbnail(dxf([[0, 'INSERT'], [2, 'B0'], [10, 0], [20, 0]], blocks), { size: 64 });
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('refuses garbage and empty drawings with a typed error', () => {
    expect(() => renderDxfThumbnail(new TextEncoder().encode('not a drawing'), { size: 64 })).toThrow(BadRequestError);
    expect(() => renderDxfThumbnail(dxf([]), { size: 64 })).toThrow(/no geometry/);
  });

  it('either renders a mutated drawing or refuses it with a typed error', () => {
    const valid = dxf(
      [[0, 'LWPOLYLINE'], [90, 3], [70, 1], [10, 0], [20, 0], [42, 0.4], [10, 50], [20, 0], [10, 50], [20, 30], [0, 'ARC'], [10, 10], [20, 10], [40, 5], [50, 0], [51, 270], [0, 'INSERT'], [2, 'B'], [10, 5], [20, 5]],
      [[0, 'BLOCK'], [2, 'B'], [10, 0], [20, 0], [0, 'ELLIPSE'], [10, 0], [20, 0], [11, 4], [21, 1], [40, 0.5], [41, 0], [42, 3], [0, 'ENDBLK']],
    );
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (cut, flips) => {
        const bytes = Uint8Array.from(valid.subarray(0, (cut % valid.length) + 1));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        try {
          expect(renderDxfThumbnail(bytes, { size: 32 }).subarray(0, 4)).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
        } catch (error) {
          expect(error).toBeInstanceOf(BadRequestError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
