import { isDict, isNumber, PdfLimitError, PdfStream, type PdfDict, type PdfValue } from './objects.ts';
import type { PdfFile } from './read-file.ts';

export interface PageInfo {
  dict: PdfDict;
  /** Attributes a page inherits from its ancestors (PDF 32000-1 §7.7.3.4). */
  mediaBox: PdfValue | undefined;
  resources: PdfDict | undefined;
  rotate: number;
}

interface Inherited {
  mediaBox: PdfValue | undefined;
  resources: PdfDict | undefined;
  rotate: PdfValue | undefined;
}

/** A real page tree is a handful of levels deep; Acrobat splits at 8–32 kids per node. */
const MAX_DEPTH = 64;

/**
 * The pages in order, walking Kids rather than trusting /Count (which may lie). A node
 * seen twice (a cycle, or a page listed twice) is visited once; more pages than the
 * limit stop the walk. When the tree yields nothing, every /Type /Page object is taken
 * in object-number order, as viewers do to open a broken file.
 */
export function collectPages(file: PdfFile, maxPages: number): { pages: PageInfo[]; repaired: boolean } {
  const root = catalogOf(file);
  const pages: PageInfo[] = [];
  const visited = new Set<PdfDict>();
  let repaired = false;
  // Page tree nodes are dictionaries; a stream (an object stream's, say) is not a page.
  const asNode = (value: PdfValue | undefined) => {
    const resolved = file.resolve(value);
    return isDict(resolved) ? resolved : undefined;
  };
  const top = asNode(root?.get('Pages'));
  const stack: { node: PdfDict; inherited: Inherited; depth: number }[] = [];
  if (top) stack.push({ node: top, inherited: { mediaBox: undefined, resources: undefined, rotate: undefined }, depth: 0 });
  while (stack.length > 0) {
    const { node, inherited: parent, depth } = stack.pop()!;
    if (visited.has(node)) {
      repaired = true;
      continue;
    }
    visited.add(node);
    const inherited: Inherited = {
      mediaBox: node.get('MediaBox') ?? parent.mediaBox,
      resources: file.dict(node.get('Resources')) ?? parent.resources,
      rotate: node.get('Rotate') ?? parent.rotate,
    };
    const kids = file.resolve(node.get('Kids'));
    if (node.get('Type') === 'Pages' || (node.get('Type') !== 'Page' && Array.isArray(kids))) {
      if (depth >= MAX_DEPTH) throw new PdfLimitError('pdf.too_complex', `The page tree is nested more than ${MAX_DEPTH} levels deep.`);
      if (!Array.isArray(kids)) continue;
      for (let i = kids.length - 1; i >= 0; i--) {
        const kid = asNode(kids[i]);
        if (kid) stack.push({ node: kid, inherited, depth: depth + 1 });
      }
      continue;
    }
    pushPage(pages, node, inherited, file, maxPages);
  }
  if (pages.length === 0) {
    const numbers = [...file.objects.keys()].sort((a, b) => a - b);
    for (const num of numbers) {
      const value = file.objects.get(num)!.value;
      const dict = value instanceof PdfStream ? undefined : value;
      if (isDict(dict) && dict.get('Type') === 'Page') {
        repaired = true;
        pushPage(pages, dict, { mediaBox: undefined, resources: undefined, rotate: undefined }, file, maxPages);
      }
    }
  }
  return { pages, repaired };
}

function pushPage(pages: PageInfo[], dict: PdfDict, inherited: Inherited, file: PdfFile, maxPages: number): void {
  if (pages.length >= maxPages) {
    throw new PdfLimitError('pdf.too_many_pages', `The PDF has more than ${maxPages} pages; the limit is ${maxPages}.`);
  }
  const rotate = file.resolve(inherited.rotate);
  pages.push({
    dict,
    mediaBox: file.resolve(inherited.mediaBox),
    resources: inherited.resources,
    rotate: isNumber(rotate) ? (((Math.round(rotate / 90) * 90) % 360) + 360) % 360 : 0,
  });
}

/** The document catalog: from the last trailer that names one, else the last /Type /Catalog object. */
export function catalogOf(file: PdfFile): PdfDict | undefined {
  for (let i = file.trailers.length - 1; i >= 0; i--) {
    const root = file.dict(file.trailers[i]!.get('Root'));
    if (root) return root;
  }
  let found: PdfDict | undefined;
  let foundAt = -1;
  for (const { value, at } of file.objects.values()) {
    if (isDict(value) && value.get('Type') === 'Catalog' && at > foundAt) {
      found = value;
      foundAt = at;
    }
  }
  return found;
}
