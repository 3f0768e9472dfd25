/** The properties preflight reads; everything else in a style is ignored. */
export const STYLE_PROPERTIES = ['stroke', 'stroke-width', 'display', 'visibility', 'vector-effect'] as const;
export type StyleProperty = (typeof STYLE_PROPERTIES)[number];
export type Declarations = Partial<Record<StyleProperty, string>>;

const WANTED = new Set<string>(STYLE_PROPERTIES);

/** `a: b; c: d` → the declarations we care about (later ones win, `!important` dropped). */
export function parseDeclarations(text: string): Declarations {
  const out: Declarations = {};
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    if (WANTED.has(name)) out[name as StyleProperty] = part.slice(colon + 1).replace(/!important/i, '').trim();
  }
  return out;
}

interface Rule {
  tag: string | null;
  id: string | null;
  classes: string[];
  specificity: number;
  order: number;
  declarations: Declarations;
}

/**
 * The subset of CSS that design programs write into `<style>` (Illustrator's `.st0{…}`):
 * simple selectors — type, #id, .class, and compounds of them — in comma lists. Rules with
 * combinators, attributes or pseudo-classes are skipped rather than guessed at.
 */
export class StyleSheet {
  /** Rules filed under one key they need (first class, else id, else tag, else '*'). */
  private readonly byKey = new Map<string, Rule[]>();
  private count = 0;
  /** Ids some rule names: only those make two elements of the same tag and class differ. */
  private readonly ids = new Set<string>();
  /** Results per (tag, id if a rule names it, class attribute): exports repeat a few combinations. */
  private readonly cache = new Map<string, Declarations>();
  /** Selector tests left: a hostile sheet times a million elements must not stall the worker. */
  private budget = 5_000_000;

  get empty(): boolean {
    return this.count === 0;
  }

  /** False once the matching budget ran out and later elements were styled without the sheet. */
  get complete(): boolean {
    return this.budget > 0;
  }

  add(css: string): void {
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const pattern = /([^{}]+)\{([^{}]*)\}/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const declarations = parseDeclarations(match[2]!);
      if (Object.keys(declarations).length === 0) continue;
      for (const selector of match[1]!.split(',')) {
        const rule = parseSelector(selector.trim());
        if (!rule) continue;
        const key = rule.classes[0] !== undefined ? `.${rule.classes[0]}` : rule.id !== null ? `#${rule.id}` : (rule.tag ?? '*');
        if (rule.id !== null) this.ids.add(rule.id);
        const list = this.byKey.get(key) ?? [];
        list.push({ ...rule, order: this.count++, declarations });
        this.byKey.set(key, list);
      }
    }
  }

  /** Declarations for an element, cascaded by specificity then order. */
  match(tag: string, id: string | undefined, classAttribute: string | undefined): Declarations {
    if (this.count === 0 || this.budget <= 0) return {};
    const cacheKey = `${tag}\u0000${id !== undefined && this.ids.has(id) ? id : ''}\u0000${classAttribute ?? ''}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const classes = new Set(classAttribute?.split(/\s+/).filter(Boolean));
    const keys = [...[...classes].map((name) => `.${name}`), ...(id ? [`#${id}`] : []), tag, '*'];
    const hits: Rule[] = [];
    for (const key of keys) {
      for (const rule of this.byKey.get(key) ?? []) {
        this.budget--;
        if ((rule.tag === null || rule.tag === tag) && (rule.id === null || rule.id === id) && rule.classes.every((name) => classes.has(name))) hits.push(rule);
      }
    }
    hits.sort((p, q) => p.specificity - q.specificity || p.order - q.order);
    const result: Declarations = {};
    for (const rule of hits) Object.assign(result, rule.declarations);
    if (this.cache.size < 10_000) this.cache.set(cacheKey, result);
    return result;
  }
}

function parseSelector(selector: string): Omit<Rule, 'order' | 'declarations'> | null {
  const match = /^(\*|[a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$/.exec(selector);
  if (!match || selector === '') return null;
  const tag = match[1] && match[1] !== '*' ? match[1] : null;
  let id: string | null = null;
  const classes: string[] = [];
  for (const part of match[2]!.match(/[.#][\w-]+/g) ?? []) {
    if (part[0] === '#') id = part.slice(1);
    else classes.push(part.slice(1));
  }
  return { tag, id, classes, specificity: (id ? 100 : 0) + classes.length * 10 + (tag ? 1 : 0) };
}
