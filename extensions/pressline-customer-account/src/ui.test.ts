import { describe, expect, it } from 'vitest';
import type { UiDocument, UiElement, UiNode } from './shopify-api.ts';
import { el, show } from './ui.ts';

/** Elements that record what was set on them; `declared` props exist as properties, like a Polaris component's. */
function recordingDocument(declared: string[]): UiDocument {
  const doc: UiDocument = {
    createTextNode: (text) => ({ text }) as UiNode,
    createElement: (tag) => {
      const children: UiNode[] = [];
      const element = {
        tag,
        attributes: {} as Record<string, string>,
        listeners: {} as Record<string, () => void>,
        children,
        ownerDocument: doc,
        get firstChild() {
          return children[0] ?? null;
        },
        appendChild: (node: UiNode) => children.push(node),
        removeChild: (node: UiNode) => children.splice(children.indexOf(node), 1),
        setAttribute(name: string, value: string) {
          this.attributes[name] = value;
        },
        removeAttribute(name: string) {
          delete this.attributes[name];
        },
        addEventListener(type: string, listener: () => void) {
          this.listeners[type] = listener;
        },
      };
      for (const name of declared) Object.assign(element, { [name]: undefined });
      return element as unknown as UiElement;
    },
  };
  return doc;
}

describe('el', () => {
  it('sets a declared prop as a property and anything else as an attribute; text stays text', () => {
    const doc = recordingDocument(['heading']);
    const clicked: string[] = [];
    const section = el(doc, 's-section', { heading: '<b>#1</b>', tone: 'critical', loading: true, hidden: false, onclick: () => clicked.push('x') }, '<i>text</i>', null) as unknown as Record<string, unknown>;
    expect(section['heading']).toBe('<b>#1</b>');
    expect(section['attributes']).toEqual({ tone: 'critical', loading: '' });
    expect(section['children']).toEqual([{ text: '<i>text</i>' }]);
    (section['listeners'] as Record<string, () => void>)['click']!();
    expect(clicked).toEqual(['x']);
  });

  it('show replaces what the root shows', () => {
    const doc = recordingDocument([]);
    const root = el(doc, 'body', {}, el(doc, 's-text', {}, 'old'));
    show(root, el(doc, 's-text', {}, 'new'));
    const children = (root as unknown as { children: { children: { text: string }[] }[] }).children;
    expect(children.map((child) => child.children[0]!.text)).toEqual(['new']);
    show(root);
    expect(children).toEqual([]);
  });
});
