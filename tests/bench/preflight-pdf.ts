/**
 * `pnpm bench preflight-pdf [--pages N] [--runs N] [--pdfjs]`: every PDF check on a
 * 100-page print file (embedded font, text, a photo and a logo on every page), in
 * process and through the worker runner (a new thread, then a warm one), against the
 * 1 s target and the machine's memcpy rate for the same bytes. `--pdfjs` adds pdf.js
 * operator lists over every page, the path the reader was chosen against. Fails only
 * on a wrong answer (page count, fonts embedded, image ppi, bleed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { cmyk, PDFDocument, PDFName, rgb } from 'pdf-lib';
import type { Inspection, PdfFacts } from '../../core/src/domain/preflight/facts.ts';
import { defaultInspectLimits } from '../../core/src/domain/preflight/limits.ts';
import { inspectPdf } from '../../core/src/domain/preflight/pdf/index.ts';
import { closeInspectWorkers, inspectInWorker } from '../../core/src/preflight/inspect-in-worker.ts';


const TARGET_MS = 1000;
const MM = 72 / 25.4;

interface BuiltPdf {
  bytes: Uint8Array;
  pages: number;
  /** The ppi every page's photo and logo are placed at, by construction. */
  photoPpi: number;
  logoPpi: number;
}

/**
 * Deterministic CMYK "photo": smooth ramps with a row of noise every 16, so it compresses
 * about 7:1 like a real photo does, not to nothing.
 */
function photoPixels(width: number, height: number, seed: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  let state = (seed * 2654435761) >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (state * 1664525 + 1013904223) >>> 0;
      const noise = y % 16 === 0 ? state >>> 24 : 0;
      const at = (y * width + x) * 4;
      pixels[at] = ((x >> 2) + noise + seed) & 0xff;
      pixels[at + 1] = y >> 2;
      pixels[at + 2] = (x + y) >> 3;
      pixels[at + 3] = 40;
    }
  }
  return pixels;
}

/** pdf-lib and fontkit are ours; the font file and pdf.js come from core's dependencies. */
const coreRequire = createRequire(new URL('../../core/package.json', import.meta.url));

async function buildPrintPdf(pages: number): Promise<BuiltPdf> {
  const fontPath = coreRequire.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(fontPath), { subset: true });
  const photo = { width: 900, height: 600, placedWidthPt: 3 * 72, placedHeightPt: 2 * 72 }; // 300 ppi
  const logo = { width: 150, height: 150, placedPt: 72 }; // 150 ppi
  const image = (size: { width: number; height: number }) => ({ Type: 'XObject', Subtype: 'Image', Width: size.width, Height: size.height, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8, Filter: 'FlateDecode' });
  const logoRef = doc.context.register(doc.context.flateStream(photoPixels(logo.width, logo.height, 1), image(logo)));
  // Compressing is the slow part of building: four photos, each written as 25 distinct image objects.
  const photos = [0, 1, 2, 3].map((seed) => doc.context.flateStream(photoPixels(photo.width, photo.height, seed)).contents);
  const bleed = 3 * MM;
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([210 * MM + 2 * bleed, 297 * MM + 2 * bleed]);
    page.setTrimBox(bleed, bleed, 210 * MM, 297 * MM);
    page.setBleedBox(0, 0, 210 * MM + 2 * bleed, 297 * MM + 2 * bleed);
    page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: 120, color: cmyk(0.1, 0.8, 0, 0) });
    for (let line = 0; line < 40; line++) {
      page.drawText(`Page ${n}, line ${line + 1}: the quick brown fox jumps over the lazy dog, 0123456789.`, { x: 40, y: 760 - line * 14, size: 10, font, color: cmyk(0, 0, 0, 1) });
    }
    const photoRef = doc.context.register(doc.context.stream(photos[n % photos.length]!, image(photo)));
    page.node.setXObject(PDFName.of('Photo'), photoRef);
    page.node.setXObject(PDFName.of('Logo'), logoRef);
    const content = `q ${photo.placedWidthPt} 0 0 ${photo.placedHeightPt} 60 150 cm /Photo Do Q q ${logo.placedPt} 0 0 ${logo.placedPt} 450 40 cm /Logo Do Q`;
    page.node.addContentStream(doc.context.register(doc.context.flateStream(content)));
    page.drawRectangle({ x: 40, y: 130, width: 20, height: 10, color: rgb(0, 0.5, 0) });
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, pages, photoPpi: 300, logoPpi: 150 };
}

interface Timing {
  ms: number;
  median: number;
  /** CPU time of the whole process (every thread, so the worker's too) in the fastest run: steadier than wall time on a shared machine. */
  cpuMs: number;
}

async function bestOf(runs: number, fn: () => unknown, warmUps = 2): Promise<Timing> {
  const times: number[] = [];
  let cpuMs = Infinity;
  for (let i = 0; i < runs + warmUps; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (i < warmUps) continue;
    times.push(elapsed);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  times.sort((x, y) => x - y);
  return { ms: times[0]!, median: times[Math.floor(times.length / 2)]!, cpuMs };
}

/** What the built file must read as; every line is a failed correctness check. */
function failuresOf(result: Inspection, built: BuiltPdf, where: string): string[] {
  if (!result.ok) return [`${where}: not read: ${result.finding.code} ${result.finding.message}`];
  const facts = result.facts as PdfFacts;
  const failures: string[] = [];
  if (facts.pages !== built.pages) failures.push(`${where}: ${facts.pages} pages, expected ${built.pages}`);
  if (facts.fonts.length === 0 || facts.fonts.some((f) => !f.embedded)) failures.push(`${where}: fonts ${JSON.stringify(facts.fonts.map((f) => [f.name, f.embedded]))}, expected all embedded`);
  if (facts.fonts.some((f) => f.pages.length !== built.pages)) failures.push(`${where}: the font is not found on every page`);
  for (const page of facts.pageSizes) {
    const ppi = page.images.map((i) => i.effectivePpi).sort((a, b) => a - b);
    if (ppi.join() !== [built.logoPpi, built.photoPpi].join()) failures.push(`${where}: page ${page.number} images at ${ppi.join(', ')} ppi, expected ${built.logoPpi}, ${built.photoPpi}`);
    const bleed = page.bleedMm;
    if (!bleed || [bleed.top, bleed.right, bleed.bottom, bleed.left].some((b) => Math.abs(b - 3) > 0.01)) failures.push(`${where}: page ${page.number} bleed ${JSON.stringify(bleed)}, expected 3 mm`);
    if (failures.length > 5) break;
  }
  return failures;
}

/** pdf.js operator lists for every page: what preflight would cost through pdf.js (it loads fonts and decodes images). */
async function pdfjsOperatorLists(bytes: Uint8Array): Promise<number> {
  // Only core depends on pdf.js: load it from there, typed by the little used here.
  const pdfjs = (await import(pathToFileURL(coreRequire.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href)) as {
    getDocument(source: object): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getOperatorList(): Promise<unknown> }> }>; destroy(): Promise<void> };
  };
  const fonts = `${dirname(coreRequire.resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
  const start = performance.now();
  const loading = pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0, standardFontDataUrl: fonts });
  const document = await loading.promise;
  for (let n = 1; n <= document.numPages; n++) await (await document.getPage(n)).getOperatorList();
  await loading.destroy();
  return performance.now() - start;
}

export async function run(args: string[]): Promise<number> {
  // Not strict: `pnpm bench preflight` passes the same arguments to the mesh half too.
  const { values } = parseArgs({ args, strict: false, options: { pages: { type: 'string', default: '100' }, runs: { type: 'string', default: '7' }, pdfjs: { type: 'boolean', default: false } } });
  const pages = Number(values['pages']);
  const runs = Number(values['runs']);
  if (!Number.isInteger(pages) || pages < 1 || pages > 5000) throw new RangeError('--pages must be an integer from 1 to 5000');
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('--runs must be a positive integer');

  const buildStart = performance.now();
  const built = await buildPrintPdf(pages);
  const { bytes } = built;
  const mb = bytes.length / 1e6;
  process.stderr.write(`bench preflight-pdf: built ${pages} pages, ${mb.toFixed(1)} MB in ${((performance.now() - buildStart) / 1000).toFixed(1)} s; ${runs} runs after 2 warm-ups\n`);

  try {
    const failures = failuresOf(inspectPdf(bytes, defaultInspectLimits), built, 'in process');
    const copy = new Uint8Array(bytes.length);
    const memcpy = await bestOf(runs, () => copy.set(bytes));
    const inProcess = await bestOf(runs, () => inspectPdf(bytes, defaultInspectLimits));

    // The worker takes its bytes by transfer, so each call gets its own copy, made before the clock starts.
    await closeInspectWorkers();
    const coldCopy = bytes.slice();
    let coldResult: Inspection | null = null;
    const cold = await bestOf(1, async () => (coldResult = await inspectInWorker(coldCopy, { name: 'bench.pdf' })), 0);
    failures.push(...failuresOf(coldResult!, built, 'worker'));
    const copies = Array.from({ length: runs + 2 }, () => bytes.slice());
    const warm = await bestOf(runs, () => inspectInWorker(copies.pop()!, { name: 'bench.pdf' }));
    const pdfjsMs = values['pdfjs'] ? await pdfjsOperatorLists(bytes) : null;

    const row = (name: string, t: Pick<Timing, 'ms'> & Partial<Timing>, note = '') =>
      `  ${name.padEnd(44)} ${t.ms.toFixed(1).padStart(8)} ms ${(mb / (t.ms / 1000)).toFixed(0).padStart(7)} MB/s ${t.cpuMs === undefined ? '' : `${t.cpuMs.toFixed(1).padStart(7)} ms cpu`}${note}`;
    const verdict = (t: Pick<Timing, 'ms'> & Partial<Timing>) =>
      `  ${t.ms <= TARGET_MS ? 'within' : 'OVER'} the 1 s target, ${(t.ms / memcpy.ms).toFixed(0)}× memcpy${t.median === undefined ? '' : ` (median ${t.median.toFixed(1)} ms)`}`;
    const lines = [
      `preflight-pdf: ${pages}-page print PDF (embedded font, text, photo + logo per page), ${mb.toFixed(1)} MB, best of ${runs} (wall time, throughput, CPU time)`,
      row('memcpy (Uint8Array.set)', memcpy),
      row('all PDF checks, in process', inProcess, verdict(inProcess)),
      row('all PDF checks, worker (new thread, cold)', { ms: cold.ms, cpuMs: cold.cpuMs }, verdict({ ms: cold.ms })),
      row('all PDF checks, worker (warm thread)', warm, verdict(warm)),
      ...(pdfjsMs === null ? [] : [row('pdf.js operator lists, every page (once)', { ms: pdfjsMs }, verdict({ ms: pdfjsMs }))]),
      failures.length === 0 ? '  correctness: pages, embedded fonts on every page, image ppi and bleed as built' : `  CORRECTNESS FAILED:\n${failures.map((f) => `    ${f}`).join('\n')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await closeInspectWorkers();
  }
}
