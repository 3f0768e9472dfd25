import { Resvg } from '@resvg/resvg-js';
import { defaultInspectLimits } from '../../domain/preflight/limits.ts';
import { decodeSvgText, doctypeFinding, hasDoctype, readSvgXml } from '../../domain/preflight/svg/index.ts';
import { BadRequestError } from '../../errors.ts';

export interface ThumbnailOptions {
  /** The longer side of the thumbnail in pixels. */
  size: number;
}

/** Raster images resvg may decode from a data: URI; anything else (a nested SVG, a path, a URL) is dropped. */
const SAFE_IMAGE = /^\s*data:image\/(png|jpe?g|gif|webp)[;,]/i;

/**
 * A PNG of the SVG, its longer side `size` pixels, on white. resvg runs no script, but it
 * does read local files named by an `<image href="/…">` — so the SVG is first rewritten
 * through the same capped, DOCTYPE-refusing reader as preflight, keeping only `#fragment`
 * and raster `data:` references and dropping scripts, foreignObject and on* handlers.
 *
 * Filter effects are dropped too: they are where resvg's work is unbounded (measured:
 * feTurbulence numOctaves=1000 10 s, feConvolveMatrix order=200 18 s, 2 000 blurred
 * rects over 20 s at 256 px), and a preflight thumbnail does not need a drop shadow.
 */
export function renderSvgThumbnail(bytes: Uint8Array, options: ThumbnailOptions): Uint8Array {
  const text = decodeSvgText(bytes);
  if (hasDoctype(text)) throw new BadRequestError(doctypeFinding.message, { code: doctypeFinding.code });
  const clean = sanitizeSvg(text);
  return renderSvgText(clean, options);
}

/** Renders SVG text we wrote or sanitized ourselves (the DXF thumbnail uses it too). */
export function renderSvgText(svg: string, options: ThumbnailOptions, background = 'white'): Uint8Array {
  try {
    const probe = new Resvg(svg, { font: { loadSystemFonts: false } });
    const landscape = probe.width >= probe.height;
    const resvg = new Resvg(svg, {
      fitTo: landscape ? { mode: 'width', value: options.size } : { mode: 'height', value: options.size },
      background,
      logLevel: 'off',
    });
    return new Uint8Array(resvg.render().asPng());
  } catch (error) {
    // resvg throws plain errors (a zero-sized or unparsable SVG); the file, not the server, is at fault.
    throw new BadRequestError(`The SVG could not be rendered: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`, { code: 'svg.unrenderable' });
  }
}

function sanitizeSvg(text: string): string {
  let out = '';
  let skipping = 0;
  let inStyle = false;
  const stopped = readSvgXml(text, defaultInspectLimits, {
    open(name, attributes, qualifiedName) {
      if (skipping > 0 || name === 'script' || name === 'foreignObject' || name === 'filter') {
        skipping++;
        return;
      }
      out += `<${qualifiedName}`;
      inStyle = name === 'style';
      for (const [attribute, rawValue] of Object.entries(attributes)) {
        if (/^on/i.test(attribute) || attribute === 'filter') continue;
        const value = attribute === 'style' ? withoutFilters(rawValue) : rawValue;
        if ((attribute === 'href' || attribute.endsWith(':href')) && !value.trimStart().startsWith('#') && !SAFE_IMAGE.test(value)) continue;
        out += ` ${attribute}="${escapeXml(value).replace(/"/g, '&quot;')}"`;
      }
      out += '>';
    },
    close(_name, qualifiedName) {
      if (skipping > 0) {
        skipping--;
        return;
      }
      inStyle = false;
      out += `</${qualifiedName}>`;
    },
    text(chunk) {
      if (skipping === 0) out += escapeXml(inStyle ? withoutFilters(chunk) : chunk);
    },
  });
  if (stopped) throw new BadRequestError(stopped.message, { code: stopped.code });
  return out;
}

/** CSS without `filter:` declarations (inline styles and style sheets alike). */
function withoutFilters(css: string): string {
  return css.replace(/(^|[;{\s])filter\s*:[^;}]*;?/gi, '$1');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
