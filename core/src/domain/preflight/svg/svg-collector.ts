import type { Finding, PlacedImage } from '../facts.ts';
import { readEmbeddedImage } from './embedded-image.ts';
import { type Closure, pathClosure, polylineClosure } from './path-closure.ts';
import { parseLength, parseViewBox, toUserUnits } from './svg-length.ts';
import { type Declarations, parseDeclarations, STYLE_PROPERTIES, type StyleSheet } from './svg-style.ts';
import type { Viewport } from './svg-viewport.ts';
import { axisScales, IDENTITY, type Linear, meanScale, multiply, parseTransform } from './transform.ts';

interface Context {
  tag: string;
  id: string | undefined;
  /** Outlines and text drawn by this element's subtree, so a `<use>` of it can count them again. */
  counts: Counts;
  matrix: Linear;
  stroke: string | undefined;
  strokeWidth: string | undefined;
  visibility: string | undefined;
  /** display:none here or above, or inside clipPath/mask: nothing below is painted. */
  unpainted: boolean;
}

interface Counts {
  open: number;
  closed: number;
  text: number;
}

/** Containers whose content is drawn only where a `<use>` places it. */
const TEMPLATES = new Set(['defs', 'symbol']);
/** Ids remembered for `<use>`; a hostile file may give a million elements an id. */
const MAX_IDS = 100_000;

/** Distinct widths kept; a hostile file with a million different widths must not grow the facts. */
const MAX_STROKE_WIDTHS = 1000;

const CLOSED_SHAPES = new Set(['rect', 'circle', 'ellipse']);

/**
 * Walks the elements in document order (fed by the SAX reader) keeping the inherited
 * stroke, visibility and transform of each ancestor, and counts what preflight needs.
 * Outlines and text are summed per subtree, so a `<use>` of a symbol or clone counts its
 * outlines once per placement (stroke widths are read where the shapes are defined).
 */
export class SvgCollector {
  activeContent = 0;
  nonScalingStrokes = 0;
  readonly images: PlacedImage[] = [];
  readonly findings: Finding[] = [];
  private readonly strokeWidths = new Set<number>();
  private readonly externalImages: string[] = [];
  private readonly stack: Context[] = [];
  private imageCount = 0;
  private readonly byId = new Map<string, Counts>();
  private totals: Counts = { open: 0, closed: 0, text: 0 };

  constructor(
    private readonly viewport: Viewport,
    private readonly sheet: StyleSheet,
  ) {}

  open(tag: string, attributes: Record<string, string>): void {
    this.countActiveContent(tag, attributes);
    const parent = this.stack.at(-1) ?? { matrix: IDENTITY, stroke: undefined, strokeWidth: undefined, visibility: undefined, unpainted: false };
    const style = this.cascade(tag, attributes);
    const nested = this.stack.length > 0 && tag === 'svg' ? nestedViewportScale(attributes) : IDENTITY;
    const context: Context = {
      tag,
      id: attributes.id,
      counts: { open: 0, closed: 0, text: 0 },
      matrix: multiply(multiply(parent.matrix, parseTransform(attributes.transform)), nested),
      stroke: style.stroke ?? parent.stroke,
      strokeWidth: style['stroke-width'] ?? parent.strokeWidth,
      visibility: style.visibility ?? parent.visibility,
      unpainted: parent.unpainted || style.display?.trim() === 'none' || tag === 'clipPath' || tag === 'mask',
    };
    this.stack.push(context);
    if (context.unpainted || context.visibility === 'hidden' || context.visibility === 'collapse') return;

    if (tag === 'text' || tag === 'flowRoot') context.counts.text++;
    else if (tag === 'image') this.placeImage(attributes, context);
    else if (tag === 'use') {
      // Counted again where it is placed; a reference to an element not yet closed (itself,
      // an ancestor, or one further down the file) counts nothing, so cycles cannot multiply.
      const target = this.byId.get(hrefOf(attributes)?.trim().replace(/^#/, '') ?? '');
      if (target) add(context.counts, target);
    } else {
      const closure = shapeClosure(tag, attributes);
      if (closure) {
        context.counts.open += closure.open;
        context.counts.closed += closure.closed;
        if (closure.open + closure.closed > 0) this.noteStroke(context, style);
      }
    }
  }

  close(): void {
    const context = this.stack.pop();
    if (!context) return;
    if (context.id !== undefined && this.byId.size < MAX_IDS) this.byId.set(context.id, context.counts);
    const parent = this.stack.at(-1);
    if (!parent) this.totals = context.counts;
    else if (!TEMPLATES.has(context.tag)) add(parent.counts, context.counts);
  }

  get textElements(): number {
    return this.totals.text;
  }

  get openPaths(): number {
    return this.totals.open;
  }

  get closedPaths(): number {
    return this.totals.closed;
  }

  get strokeWidthsMm(): number[] {
    return [...this.strokeWidths].sort((a, b) => a - b);
  }

  /** Findings about things the facts cannot hold: images not checked, strokes in screen units. */
  notes(): Finding[] {
    const notes = [...this.findings];
    if (this.externalImages.length > 0) {
      const names = this.externalImages.slice(0, 3).join(', ') + (this.externalImages.length > 3 ? ', …' : '');
      notes.push({
        code: 'svg.external_image',
        severity: 'warning',
        message: `${this.externalImages.length} image${this.externalImages.length === 1 ? ' is' : 's are'} linked, not embedded (${names}); linked files are not part of the upload and were not checked.`,
        fix: 'Embed the images in the SVG (Inkscape: Extensions → Images → Embed; Illustrator: Embed) and export again.',
      });
    }
    if (this.nonScalingStrokes > 0) {
      notes.push({
        code: 'svg.non_scaling_stroke',
        severity: 'info',
        message: `${this.nonScalingStrokes} outline${this.nonScalingStrokes === 1 ? ' uses' : 's use'} vector-effect: non-scaling-stroke; ${this.nonScalingStrokes === 1 ? 'its' : 'their'} width was read as CSS pixels (0.2646 mm each).`,
      });
    }
    if (!this.sheet.complete) {
      notes.push({
        code: 'svg.styles_skipped',
        severity: 'warning',
        message: 'The SVG\'s style sheet is too large to apply to every element; some stroke widths may be missing from the check.',
        fix: 'Export with presentation attributes or inline styles instead of a style sheet.',
      });
    }
    return notes;
  }

  /** Presentation attributes, then the style sheet, then the inline style (CSS cascade order). */
  private cascade(tag: string, attributes: Record<string, string>): Declarations {
    const own: Declarations = {};
    for (const name of STYLE_PROPERTIES) if (attributes[name] !== undefined) own[name] = attributes[name];
    Object.assign(own, this.sheet.match(tag, attributes.id, attributes.class));
    if (attributes.style) Object.assign(own, parseDeclarations(attributes.style));
    for (const name of STYLE_PROPERTIES) if (own[name]?.trim() === 'inherit') delete own[name];
    return own;
  }

  private noteStroke(context: Context, style: Declarations): void {
    const stroke = context.stroke?.trim().toLowerCase();
    if (!stroke || stroke === 'none' || stroke === 'transparent') return;
    const width = toUserUnits(context.strokeWidth ?? '1', this.viewport.percentBase);
    if (width === null || width < 0) return;
    const { x, y } = this.viewport.mmPerUnit;
    let mm: number;
    if (style['vector-effect']?.trim() === 'non-scaling-stroke') {
      // Non-scaling strokes are sized in the viewport's CSS pixels, not the user space.
      this.nonScalingStrokes++;
      mm = width * (25.4 / 96);
    } else {
      mm = width * meanScale(context.matrix) * Math.sqrt(x * y);
    }
    if (this.strokeWidths.size < MAX_STROKE_WIDTHS) this.strokeWidths.add(Math.round(mm * 1e5) / 1e5);
  }

  private placeImage(attributes: Record<string, string>, context: Context): void {
    this.imageCount++;
    const name = attributes.id ? `#${attributes.id}` : `<image> ${this.imageCount}`;
    const href = hrefOf(attributes);
    if (!href) return;
    const image = readEmbeddedImage(href, name);
    if (image.kind === 'external') {
      this.externalImages.push(href.length > 60 ? `${href.slice(0, 57)}…` : href);
      return;
    }
    if (image.kind === 'unreadable') {
      this.findings.push(image.finding);
      return;
    }
    if (image.kind === 'vector') return;
    const base = this.viewport.percentBase;
    // SVG 2: a missing width/height is the image's own size, one pixel per user unit.
    const boxWidth = toUserUnits(attributes.width, base) ?? image.widthPx;
    const boxHeight = toUserUnits(attributes.height, base) ?? image.heightPx;
    if (boxWidth <= 0 || boxHeight <= 0) return;
    const scales = axisScales(context.matrix);
    const mmX = scales.x * this.viewport.mmPerUnit.x;
    const mmY = scales.y * this.viewport.mmPerUnit.y;
    const aspect = attributes.preserveAspectRatio ?? '';
    let unitsPerPxX = boxWidth / image.widthPx;
    let unitsPerPxY = boxHeight / image.heightPx;
    if (!/^\s*none/.test(aspect)) {
      const uniform = /slice/.test(aspect) ? Math.max(unitsPerPxX, unitsPerPxY) : Math.min(unitsPerPxX, unitsPerPxY);
      unitsPerPxX = uniform;
      unitsPerPxY = uniform;
    }
    const ppiX = 25.4 / (unitsPerPxX * mmX);
    const ppiY = 25.4 / (unitsPerPxY * mmY);
    const effectivePpi = Math.min(ppiX, ppiY);
    if (!Number.isFinite(effectivePpi)) return;
    this.images.push({ name, widthPx: image.widthPx, heightPx: image.heightPx, effectivePpi: Math.round(effectivePpi * 10) / 10, colorSpace: image.colorSpace });
  }

  private countActiveContent(tag: string, attributes: Record<string, string>): void {
    if (tag === 'script' || tag === 'foreignObject') this.activeContent++;
    for (const name in attributes) {
      if ((name.charCodeAt(0) | 0x20) === 0x6f && (name.charCodeAt(1) | 0x20) === 0x6e && name.length > 2) this.activeContent++;
      else if (/^javascript:/i.test(schemeOf(attributes[name]!))) this.activeContent++;
    }
  }
}

/**
 * The start of a URL the way browsers read its scheme: whitespace and control characters
 * dropped. Empty unless it can start "javascript:", so ordinary values cost one comparison.
 */
function schemeOf(value: string): string {
  let out = '';
  for (let i = 0; i < value.length && out.length < 11; i++) {
    if (value.charCodeAt(i) <= 0x20) continue;
    if (out === '' && (value.charCodeAt(i) | 0x20) !== 0x6a) return '';
    out += value[i];
  }
  return out;
}

/** Nested `<use>`s multiply counts (a "use bomb" would reach Infinity, which JSON cannot hold). */
function add(into: Counts, counts: Counts): void {
  into.open = Math.min(into.open + counts.open, Number.MAX_SAFE_INTEGER);
  into.closed = Math.min(into.closed + counts.closed, Number.MAX_SAFE_INTEGER);
  into.text = Math.min(into.text + counts.text, Number.MAX_SAFE_INTEGER);
}

function hrefOf(attributes: Record<string, string>): string | undefined {
  if (attributes.href !== undefined) return attributes.href;
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(':href')) return value;
  return undefined;
}

/** A nested `<svg>` with a viewBox and a size scales its content like a transform. */
function nestedViewportScale(attributes: Record<string, string>): Linear {
  const viewBox = parseViewBox(attributes.viewBox);
  const width = parseLength(attributes.width);
  const height = parseLength(attributes.height);
  if (!viewBox || !width || !height || width.unit === '%' || height.unit === '%') return IDENTITY;
  const w = toUserUnits(attributes.width, 0) ?? 0;
  const h = toUserUnits(attributes.height, 0) ?? 0;
  if (w <= 0 || h <= 0) return IDENTITY;
  const scale = Math.min(w / viewBox.width, h / viewBox.height);
  return { a: scale, b: 0, c: 0, d: scale };
}

function shapeClosure(tag: string, attributes: Record<string, string>): Closure | null {
  if (tag === 'path') return pathClosure(attributes.d ?? '');
  if (tag === 'polygon' || tag === 'polyline') return polylineClosure(attributes.points ?? '', tag === 'polygon');
  if (tag === 'line') return { open: 1, closed: 0 };
  if (CLOSED_SHAPES.has(tag)) {
    // A rect or ellipse without a size draws nothing (it is still common in exports).
    const size = tag === 'circle' ? [attributes.r] : tag === 'rect' ? [attributes.width, attributes.height] : [attributes.rx ?? attributes.ry, attributes.ry ?? attributes.rx];
    const drawn = size.every((value) => (parseLength(value)?.value ?? 0) > 0);
    return drawn ? { open: 0, closed: 1 } : { open: 0, closed: 0 };
  }
  return null;
}
