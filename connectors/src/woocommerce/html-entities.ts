// WordPress stores product and item names texturised ("Ship Your Idea &ndash; Color: Black"),
// and the REST API returns them that way. Pressline shows them as text, so the entities
// WordPress produces are decoded once here.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  times: '\u00d7',
  prime: '\u2032',
  Prime: '\u2033',
  trade: '\u2122',
  reg: '\u00ae',
  copy: '\u00a9',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g;

export function decodeHtmlEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? entity;
    const codePoint = Number.parseInt(decimal ?? hex ?? '', decimal !== undefined ? 10 : 16);
    return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff)
      ? String.fromCodePoint(codePoint)
      : entity;
  });
}
