import type { PdfFontFacts } from '../facts.ts';
import { PdfStream, type PdfDict } from './objects.ts';
import type { PdfFile } from './read-file.ts';

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'];

/**
 * A font's name, type and whether its glyphs travel with the file: a FontFile,
 * FontFile2 or FontFile3 stream in its descriptor (for Type0, its descendant's);
 * Type3 fonts are drawn by the file itself, so they count as embedded.
 */
export function describeFont(font: PdfDict, file: PdfFile): { name: string; type: string; embedded: boolean } {
  const type = typeof file.resolve(font.get('Subtype')) === 'string' ? (file.resolve(font.get('Subtype')) as string) : 'unknown';
  const baseFont = file.resolve(font.get('BaseFont')) ?? file.resolve(font.get('Name'));
  const name = typeof baseFont === 'string' ? baseFont : 'unnamed font';
  if (type === 'Type3') return { name, type, embedded: true };
  let descriptorOwner: PdfDict | undefined = font;
  if (type === 'Type0') {
    const descendants = file.resolve(font.get('DescendantFonts'));
    descriptorOwner = Array.isArray(descendants) ? file.dict(descendants[0]) : undefined;
  }
  const descriptor = file.dict(descriptorOwner?.get('FontDescriptor'));
  const embedded = FONT_FILES.some((key) => file.resolve(descriptor?.get(key)) instanceof PdfStream);
  return { name, type, embedded };
}

/** One entry per distinct font (name, type, embedded), with the pages it is used on. */
export function fontFacts(usage: Map<PdfDict, Set<number>>, file: PdfFile): PdfFontFacts[] {
  const byKey = new Map<string, PdfFontFacts>();
  for (const [font, pages] of usage) {
    const { name, type, embedded } = describeFont(font, file);
    const key = `${name}\u0000${type}\u0000${embedded}`;
    const entry = byKey.get(key) ?? { name, type, embedded, pages: [] };
    entry.pages.push(...pages);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((entry) => ({ ...entry, pages: [...new Set(entry.pages)].sort((a, b) => a - b) }));
}
