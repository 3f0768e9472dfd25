import type { UiDocument, UiElement, UiNode } from './shopify-api.ts';

type Child = UiNode | string | null | undefined | false;
type Attribute = string | number | boolean | undefined | (() => void);

/**
 * Builds a Polaris web component (`s-*`). Text always goes in as text nodes, never as
 * markup; `on<event>` attributes become listeners, `true` a present boolean attribute.
 */
export function el(doc: UiDocument, tag: string, attributes: Record<string, Attribute> = {}, ...children: Child[]): UiElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/** Replaces what `root` shows with `children` (nothing: the extension shows nothing). */
export function show(root: UiElement, ...children: UiNode[]): void {
  while (root.firstChild) root.removeChild(root.firstChild);
  for (const child of children) root.appendChild(child);
}
