import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError } from '../../errors.ts';
import { renderSvgThumbnail } from './render-svg-thumbnail.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const encode = (text: string) => new TextEncoder().encode(text);

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const drawing = (extra = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="50mm" viewBox="0 0 200 100">
  ${extra}<rect id="box" x="10" y="10" width="180" height="80" fill="#0000ff"/></svg>`;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'svg-thumbnail-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('renderSvgThumbnail', () => {
  it('renders a PNG whose longer side is the asked size', async () => {
    const png = renderSvgThumbnail(encode(drawing()), { size: 256 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const { width, height, data } = await pixels(png);
    expect([width, height]).toEqual([256, 128]);
    const centre = (64 * width + 128) * 4;
    expect([...data.subarray(centre, centre + 3)]).toEqual([0, 0, 255]);
  });

  it('renders a scripted SVG exactly as the same SVG without its script', async () => {
    const script = `<script>document.getElementById('box').setAttribute('fill', 'red')</script>`;
    const scripted = renderSvgThumbnail(encode(drawing(script).replace('<rect', '<rect onload="this.setAttribute(\'fill\',\'red\')"')), { size: 200 });
    const plain = renderSvgThumbnail(encode(drawing()), { size: 200 });
    expect(Buffer.from((await pixels(scripted)).data).equals(Buffer.from((await pixels(plain)).data))).toBe(true);
  });

  it('leaves out filter effects, whose cost a hostile file can make unbounded', async () => {
    const turbulence = `<filter id="noise"><feTurbulence baseFrequency="0.05" numOctaves="100000"/></filter><style>.n{filter:url(#noise)}</style>`;
    const filtered = drawing(turbulence).replace('<rect', '<rect filter="url(#noise)" class="n" style="filter:url(#noise)"');
    const plain = renderSvgThumbnail(encode(drawing()), { size: 128 });
    expect(Buffer.from((await pixels(renderSvgThumbnail(encode(filtered), { size: 128 }))).data).equals(Buffer.from((await pixels(plain)).data))).toBe(true);
  });

  it('does not read a file from the server that the SVG points at', async () => {
    const secret = join(folder, 'secret.png');
    writeFileSync(secret, await sharp({ create: { width: 10, height: 10, channels: 3, background: '#ff0000' } }).png().toBuffer());
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
      <image width="10" height="10" href="${secret}"/><image width="10" height="10" xlink:href="file://${secret}"/></svg>`;
    const { data } = await pixels(renderSvgThumbnail(encode(svg), { size: 10 }));
    expect([...data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('still draws embedded raster images', async () => {
    const red = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="10" height="10" href="data:image/png;base64,${red.toString('base64')}"/></svg>`;
    const { data } = await pixels(renderSvgThumbnail(encode(svg), { size: 10 }));
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it('refuses a DOCTYPE before any parser sees it', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>';
    expect(() => renderSvgThumbnail(encode(xxe), { size: 64 })).toThrow(BadRequestError);
    expect(() => renderSvgThumbnail(encode(xxe), { size: 64 })).toThrow(/DOCTYPE/);
  });

  it('refuses deep nesting and broken XML with a typed error', () => {
    expect(() => renderSvgThumbnail(encode(drawing('<g>'.repeat(100_000) + '</g>'.repeat(100_000))), { size: 64 })).toThrow(BadRequestError);
    expect(() => renderSvgThumbnail(encode('<svg xmlns="http://www.w3.org/2000/svg"><g>'), { size: 64 })).toThrow(BadRequestError);
  });

  it('either renders a mutated SVG or refuses it with a typed error', () => {
    const valid = encode(drawing('<g stroke="#000" transform="rotate(10)"><path d="M0 0c10 20 30 40 50 60z"/><text x="5" y="5">Hi</text></g>'));
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (cut, flips) => {
        const bytes = Uint8Array.from(valid.subarray(0, (cut % valid.length) + 1));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        try {
          expect([...renderSvgThumbnail(bytes, { size: 32 }).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
        } catch (error) {
          expect(error).toBeInstanceOf(BadRequestError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
