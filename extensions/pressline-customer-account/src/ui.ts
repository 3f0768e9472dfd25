import type { UiDocument, UiElement, UiNode } from './shopify-api.ts';

type Child = UiNode | string | null | undefined | false;
type Attribute = string | number | boolean | undefined | (() => void);

/**
 * Builds a Polaris web component (`s-*`). Text always goes in as text nodes, never as
 * markup; `on<event>` attributes become listeners, the rest props (see `setProp`).
 */
export function el(doc: UiDocument, tag: string, attributes: Record<string, Attribute> = {}, ...children: Child[]): UiElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value !== undefined) setProp(element, name, typeof value === 'number' ? String(value) : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/**
 * Sets a component's prop as Preact does in Shopify's examples: as a property when the
 * element has one (the Polaris components declare theirs), else as an attribute (`true`:
 * present, `false`: removed).
 */
export function setProp(element: UiElement, name: string, value: string | boolean): void {
  if (name in element) (element as unknown as Record<string, unknown>)[name] = value;
  else if (value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

/** Replaces what `root` shows with `children` (nothing: the extension shows nothing). */
export function show(root: UiElement, ...children: UiNode[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  for (const child of children) root.appendChild(child);
}
