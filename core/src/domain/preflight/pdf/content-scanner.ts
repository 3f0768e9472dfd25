import type { PlacedImage } from '../facts.ts';
import { componentsOf, describeColorSpace } from './color-spaces.ts';
import { emptyDrawn, place, placedImage, type Drawn } from './drawn.ts';
import { readRect } from './boxes.ts';
import { appearanceMatrix, IDENTITY, multiply, readMatrix, type Matrix } from './matrix.ts';
import { decodeStream, type DecodeBudget } from './decode-stream.ts';
import { isWhite, Lexer, operatorCode } from './lexer.ts';
import { isDict, isName, isNumber, PdfLimitError, PdfStream, type PdfDict, type PdfValue } from './objects.ts';
import type { OptionalContent } from './optional-content.ts';
import { type PdfFile } from './read-file.ts';
import { isTransparentState } from './transparency.ts';
import { inlineImageEnd } from './inline-image.ts';

/** What a page's content draws with, read without rendering. */
export interface PageContent {
  images: PlacedImage[];
  colorSpaces: Set<string>;
  fonts: Set<PdfDict>;
  transparency: boolean;
  /** Part of the content used a filter this reader doesn't decode, so it went unchecked. */
  unreadable: boolean;
}

/** Operators left for the whole document: a file that loops forms into each other stops here. */
export interface WorkBudget {
  operations: number;
  /** The budget it started with, for the message. */
  limit: number;
}

/** The operators the interpreter follows, as Lexer codes. */
const OP = {
  q: operatorCode('q'),
  Q: operatorCode('Q'),
  cm: operatorCode('cm'),
  rg: operatorCode('rg'),
  RG: operatorCode('RG'),
  k: operatorCode('k'),
  K: operatorCode('K'),
  g: operatorCode('g'),
  G: operatorCode('G'),
  cs: operatorCode('cs'),
  CS: operatorCode('CS'),
  scn: operatorCode('scn'),
  SCN: operatorCode('SCN'),
  sh: operatorCode('sh'),
  gs: operatorCode('gs'),
  Tf: operatorCode('Tf'),
  Do: operatorCode('Do'),
  BI: operatorCode('BI'),
  BDC: operatorCode('BDC'),
  BMC: operatorCode('BMC'),
  EMC: operatorCode('EMC'),
};

const MAX_FORM_DEPTH = 32;
/** Annotations looked at per page; a real page has a handful. */
const MAX_ANNOTATIONS = 1_000;
const MAX_SAVED_STATES = 65_536;
const MAX_CACHED_FORM_BYTES = 64 * 1024 * 1024;

/**
 * A small content-stream interpreter that follows only what preflight needs: the CTM
 * (q/Q/cm) at each image (`Do`, inline BI…ID…EI, inside forms, tiling patterns and
 * printing annotations too), colour operators and colour spaces, `gs` for transparency,
 * `Tf` for fonts, and marked content on layers that don't print, which it skips.
 *
 * Why by hand and not pdf.js's operator lists: pdf.js loads fonts and decodes images
 * while it builds an operator list; on the 100-page benchmark file (`pnpm bench
 * preflight-pdf --pdfjs`) that took 1.2–2.4 s, over the 1 s budget on its own, where
 * this reader, which only steps over image data, needs 20–50 ms.
 */
export class ContentScanner {
  private readonly formData = new Map<PdfStream, Uint8Array | null>();
  private readonly forms = new Map<PdfStream, Map<PdfDict | undefined, Drawn>>();
  private readonly active = new Set<PdfStream>();
  private cachedBytes = 0;
  private readonly resolve: PdfFile['resolve'];

  constructor(
    private readonly file: PdfFile,
    private readonly decode: DecodeBudget,
    private readonly work: WorkBudget,
    private readonly optional: OptionalContent,
  ) {
    this.resolve = file.resolve;
  }

  scanPage(dict: PdfDict, resources: PdfDict | undefined, userUnit: number): PageContent {
    const drawn = emptyDrawn();
    const group = this.file.dict(dict.get('Group'));
    if (group?.get('S') === 'Transparency') drawn.transparency = true;
    const contents = this.resolve(dict.get('Contents'));
    const streams = (Array.isArray(contents) ? contents.map((c) => this.resolve(c)) : [contents]).filter((c): c is PdfStream => c instanceof PdfStream);
    const parts: Uint8Array[] = [];
    for (const stream of streams) {
      const data = decodeStream(stream, this.decode, this.resolve, this.file.streamData(stream));
      if (data) parts.push(data);
      else drawn.unreadable = true;
    }
    // Split content streams are one stream for parsing (§7.8.2): join them with a space.
    const data = parts.length === 1 ? parts[0]! : joinWithSpace(parts);
    this.run(data, resources, IDENTITY, drawn, 0);
    this.drawPrintedAnnotations(dict, resources, drawn);
    const images: PlacedImage[] = [];
    const seen = new Set<string>();
    for (const placement of drawn.placements.values()) {
      const image = placedImage(placement, userUnit);
      const key = image && `${image.name}|${image.widthPx}|${image.heightPx}|${image.effectivePpi}`;
      // A logo repeated on every tile is one entry, not a thousand.
      if (image && key && !seen.has(key)) {
        seen.add(key);
        images.push(image);
      }
    }
    return { images, colorSpaces: drawn.colorSpaces, fonts: drawn.fonts, transparency: drawn.transparency, unreadable: drawn.unreadable };
  }

  private run(data: Uint8Array, resources: PdfDict | undefined, start: Matrix, drawn: Drawn, depth: number): void {
    const lx = new Lexer(data);
    const saved: Matrix[] = [];
    let overflow = 0;
    let ctm = start;
    // Operands since the last operator, kept without allocating: the last six numbers
    // (all `cm` needs) and the latest name (what Do, cs, gs, sh, scn and Tf refer to).
    const numbers = new Float64Array(6);
    let count = 0;
    let name: string | null = null;
    let earlierName: string | null = null;
    let nameLast = false;
    // Marked-content nesting, and the depth at which content on a layer that doesn't print began (-1: none).
    let markedDepth = 0;
    let hiddenFrom = -1;
    for (;;) {
      const kind = lx.next();
      if (kind === 'eof') return;
      if (kind === 'num') {
        numbers[count++ % 6] = lx.num;
        nameLast = false;
        continue;
      }
      if (kind === 'name') {
        earlierName = name;
        name = lx.text;
        nameLast = true;
        continue;
      }
      if (kind !== 'kw') {
        // Strings, arrays and dictionaries (TJ, BDC) only need stepping over.
        lx.skipValue(kind);
        nameLast = false;
        continue;
      }
      const op = lx.code;
      if (op === 0) {
        // Longer keywords: true, false and null are operands; anything else is garbage.
        const word = lx.text;
        if (word !== 'true' && word !== 'false' && word !== 'null') count = 0;
        nameLast = false;
        continue;
      }
      const last = nameLast ? name : null;
      if (--this.work.operations < 0) {
        throw new PdfLimitError('pdf.too_complex', `The content is too complex to check: it has more than ${this.work.limit.toLocaleString('en')} drawing operations.`);
      }
      if (op === OP.BDC || op === OP.BMC) {
        markedDepth++;
        // `/OC /name BDC`: the name is an optional content group or membership in the Properties.
        if (hiddenFrom < 0 && op === OP.BDC && earlierName === 'OC' && this.optional.isHidden(this.lookup(resources, 'Properties', last ?? undefined))) hiddenFrom = markedDepth;
      } else if (op === OP.EMC) {
        if (markedDepth === hiddenFrom) hiddenFrom = -1;
        if (markedDepth > 0) markedDepth--;
      } else if (hiddenFrom >= 0 && op !== OP.q && op !== OP.Q && op !== OP.cm) {
        // Nothing on a layer that doesn't print is judged; inline image data is still stepped over.
        if (op === OP.BI) this.inlineImage(lx, resources, ctm, drawn, false);
        count = 0;
        name = earlierName = null;
        nameLast = false;
        continue;
      }
      switch (op) {
        case OP.q:
          if (saved.length < MAX_SAVED_STATES) saved.push(ctm);
          else overflow++;
          break;
        case OP.Q:
          if (overflow > 0) overflow--;
          else if (saved.length > 0) ctm = saved.pop()!;
          break;
        case OP.cm:
          if (count >= 6) ctm = multiply([0, 1, 2, 3, 4, 5].map((i) => numbers[(count + i) % 6]!), ctm);
          break;
        case OP.rg:
        case OP.RG:
          drawn.colorSpaces.add('DeviceRGB');
          break;
        case OP.k:
        case OP.K:
          drawn.colorSpaces.add('DeviceCMYK');
          break;
        case OP.g:
        case OP.G:
          drawn.colorSpaces.add('DeviceGray');
          break;
        case OP.cs:
        case OP.CS: {
          if (last === null) break;
          const device = last === 'DeviceRGB' || last === 'DeviceCMYK' || last === 'DeviceGray' || last === 'Pattern';
          this.addColorSpace(device ? last : this.lookup(resources, 'ColorSpace', last), resources, drawn);
          break;
        }
        case OP.scn:
        case OP.SCN:
          if (last !== null) this.usePattern(last, resources, start, drawn, depth);
          break;
        case OP.sh: {
          const shading = this.file.dict(this.lookup(resources, 'Shading', last ?? undefined));
          this.addColorSpace(shading?.get('ColorSpace'), resources, drawn);
          break;
        }
        case OP.gs: {
          const state = this.file.dict(this.lookup(resources, 'ExtGState', last ?? undefined));
          if (state && isTransparentState(state, this.resolve)) drawn.transparency = true;
          break;
        }
        case OP.Tf: {
          const font = this.file.dict(this.lookup(resources, 'Font', name ?? undefined));
          if (font) drawn.fonts.add(font);
          break;
        }
        case OP.Do:
          this.doXObject(last ?? undefined, resources, ctm, drawn, depth);
          break;
        case OP.BI:
          this.inlineImage(lx, resources, ctm, drawn);
          break;
      }
      count = 0;
      name = earlierName = null;
      nameLast = false;
    }
  }

  /**
   * Annotations that print (a stamp, a signature image, a filled-in form field) are part
   * of the printed page: their normal appearance is drawn into the annotation's
   * rectangle (§12.5.5) and judged like the page's own content.
   */
  private drawPrintedAnnotations(page: PdfDict, resources: PdfDict | undefined, drawn: Drawn): void {
    const annotations = this.resolve(page.get('Annots'));
    if (!Array.isArray(annotations)) return;
    for (const item of annotations.slice(0, MAX_ANNOTATIONS)) {
      const annotation = this.file.dict(item);
      const flags = this.resolve(annotation?.get('F'));
      // Bit 3 (Print) set, bit 2 (Hidden) clear; without the Print flag an annotation never prints.
      if (!annotation || !isNumber(flags) || (flags & 4) === 0 || (flags & 2) !== 0) continue;
      if (this.optional.isHidden(annotation.get('OC'))) continue;
      let appearance = this.resolve(this.file.dict(annotation.get('AP'))?.get('N'));
      // Several appearances (a check box's on and off): the one named by the annotation's state.
      const state = this.resolve(annotation.get('AS'));
      if (isDict(appearance)) appearance = typeof state === 'string' ? this.resolve(appearance.get(state)) : undefined;
      const rect = readRect(annotation.get('Rect'), this.resolve);
      if (!(appearance instanceof PdfStream) || !rect) continue;
      const box = readRect(appearance.dict.get('BBox'), this.resolve);
      if (!box) continue;
      const fit = appearanceMatrix(box, readMatrix(appearance.dict.get('Matrix'), this.resolve) ?? IDENTITY, rect);
      if (!fit) continue;
      const subtype = this.resolve(annotation.get('Subtype'));
      this.drawForm(appearance, fit, resources, `${typeof subtype === 'string' ? subtype : 'annotation'} annotation/`, drawn, 0);
    }
  }

  private lookup(resources: PdfDict | undefined, category: string, name: PdfValue | undefined): PdfValue | undefined {
    if (!resources || !isName(name)) return undefined;
    return this.file.dict(resources.get(category))?.get(name);
  }

  private addColorSpace(value: PdfValue | undefined, resources: PdfDict | undefined, drawn: Drawn): string | undefined {
    const described = describeColorSpace(this.resolveSpace(value, resources), this.resolve);
    if (!described || described === 'Pattern') return undefined;
    drawn.colorSpaces.add(described);
    return described;
  }

  /** A name other than a device space refers to the resources' ColorSpace (images, shadings). */
  private resolveSpace(value: PdfValue | undefined, resources: PdfDict | undefined): PdfValue | undefined {
    const space = this.resolve(value);
    if (isName(space) && !/^(Device|Cal|Lab|Pattern|G$|RGB$|CMYK$|I$)/.test(space)) return this.resolve(this.lookup(resources, 'ColorSpace', space));
    return space;
  }

  private usePattern(name: string, resources: PdfDict | undefined, base: Matrix, drawn: Drawn, depth: number): void {
    const pattern = this.resolve(this.lookup(resources, 'Pattern', name));
    if (pattern instanceof PdfStream) {
      // A tiling pattern's cell is drawn in pattern space: its Matrix on the parent stream's base space.
      const matrix = readMatrix(pattern.dict.get('Matrix'), this.resolve) ?? IDENTITY;
      this.drawForm(pattern, multiply(matrix, base), resources, `${name}/`, drawn, depth);
    } else if (isDict(pattern)) {
      const shading = this.file.dict(pattern.get('Shading'));
      this.addColorSpace(shading?.get('ColorSpace'), resources, drawn);
      const state = this.file.dict(pattern.get('ExtGState'));
      if (state && isTransparentState(state, this.resolve)) drawn.transparency = true;
    }
  }

  private doXObject(name: PdfValue | undefined, resources: PdfDict | undefined, ctm: Matrix, drawn: Drawn, depth: number): void {
    const xobject = this.resolve(this.lookup(resources, 'XObject', name));
    if (!(xobject instanceof PdfStream) || !isName(name)) return;
    if (this.optional.isHidden(xobject.dict.get('OC'))) return;
    const subtype = xobject.dict.get('Subtype');
    if (subtype === 'Image') this.placeImage(xobject.dict, ctm, name, resources, drawn);
    else if (subtype === 'Form') this.drawForm(xobject, ctm, resources, `${name}/`, drawn, depth);
  }

  /** Draws a form (or tiling pattern) at `ctm`: its content read once, then placed. */
  private drawForm(form: PdfStream, ctm: Matrix, parentResources: PdfDict | undefined, prefix: string, drawn: Drawn, depth: number): void {
    // A form that draws itself, directly or through others, is drawn once: viewers refuse the loop.
    if (this.active.has(form)) return;
    if (depth >= MAX_FORM_DEPTH) throw new PdfLimitError('pdf.too_complex', `Form XObjects are nested more than ${MAX_FORM_DEPTH} deep.`);
    const resources = this.file.dict(form.dict.get('Resources')) ?? parentResources;
    let byResources = this.forms.get(form);
    let inner = byResources?.get(resources);
    if (!inner) {
      inner = emptyDrawn();
      const data = this.formContent(form);
      if (data) {
        const matrix = readMatrix(form.dict.get('Matrix'), this.resolve) ?? IDENTITY;
        this.active.add(form);
        try {
          this.run(data, resources, matrix, inner, depth + 1);
        } finally {
          this.active.delete(form);
        }
      } else inner.unreadable = true;
      if (!byResources) this.forms.set(form, (byResources = new Map()));
      byResources.set(resources, inner);
    }
    for (const placement of inner.placements.values()) place(drawn, { ...placement, name: prefix + placement.name, matrix: multiply(placement.matrix, ctm) });
    for (const space of inner.colorSpaces) drawn.colorSpaces.add(space);
    for (const font of inner.fonts) drawn.fonts.add(font);
    drawn.transparency ||= inner.transparency;
    drawn.unreadable ||= inner.unreadable;
  }

  private formContent(form: PdfStream): Uint8Array | null {
    const cached = this.formData.get(form);
    if (cached !== undefined) return cached;
    const data = decodeStream(form, this.decode, this.resolve, this.file.streamData(form));
    if (this.cachedBytes + (data?.length ?? 0) <= MAX_CACHED_FORM_BYTES) {
      this.formData.set(form, data);
      this.cachedBytes += data?.length ?? 0;
    }
    return data;
  }

  private placeImage(dict: PdfDict, ctm: Matrix, name: string, resources: PdfDict | undefined, drawn: Drawn): void {
    const get = (long: string, short: string) => this.resolve(dict.get(long) ?? dict.get(short));
    const width = get('Width', 'W');
    const height = get('Height', 'H');
    const mask = get('ImageMask', 'IM') === true;
    const colorSpace = mask ? undefined : this.addColorSpace(get('ColorSpace', 'CS'), resources, drawn);
    const smask = this.resolve(dict.get('SMask'));
    const smaskInData = this.resolve(dict.get('SMaskInData'));
    if ((smask !== undefined && smask !== null) || (isNumber(smaskInData) && smaskInData > 0)) drawn.transparency = true;
    if (!isNumber(width) || !isNumber(height) || width <= 0 || height <= 0) return;
    place(drawn, { name, widthPx: width, heightPx: height, matrix: ctm, colorSpace });
  }

  /** BI <dict> ID <data> EI: the data is skipped by its computed length, else by finding a free-standing EI. */
  private inlineImage(lx: Lexer, resources: PdfDict | undefined, ctm: Matrix, drawn: Drawn, printed = true): void {
    const dict = lx.readDict(1);
    lx.next();
    if (!lx.isKeyword('ID')) return;
    const bytes = lx.bytes;
    const dataStart = isWhite(bytes[lx.pos]) ? lx.pos + 1 : lx.pos;
    const get = (long: string, short: string) => this.resolve(dict.get(long) ?? dict.get(short));
    let length = get('Length', 'L');
    if (!isNumber(length) && get('Filter', 'F') === undefined) {
      const mask = get('ImageMask', 'IM') === true;
      const components = mask ? 1 : componentsOf(this.resolveSpace(get('ColorSpace', 'CS'), resources), this.resolve);
      const bits = mask ? 1 : get('BitsPerComponent', 'BPC');
      const width = get('Width', 'W');
      const height = get('Height', 'H');
      if (components && isNumber(bits) && isNumber(width) && isNumber(height)) length = Math.ceil((width * components * bits) / 8) * height;
    }
    const end = inlineImageEnd(bytes, dataStart, isNumber(length) ? length : null);
    lx.pos = end;
    if (printed) this.placeImage(dict, ctm, 'inline image', resources, drawn);
  }
}

function joinWithSpace(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    out[at + part.length] = 0x20;
    at += part.length + 1;
  }
  return out;
}
