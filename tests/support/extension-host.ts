/**
 * A stand-in for what Shopify gives a customer account UI extension in its worker: the
 * root element (`document.body` of the remote DOM, with the few node calls extensions
 * make) and queries over the rendered Polaris components by role and accessible name,
 * as a customer's screen reader would meet them.
 */
export class FakeText {
  parentNode: FakeElement | null = null;
  constructor(readonly data: string) {}
}

export class FakeDocument {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag, this);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(text);
  }
}

type FakeNode = FakeElement | FakeText;

export class FakeElement {
  parentNode: FakeElement | null = null;
  readonly childNodes: FakeNode[] = [];
  private readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {}

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  appendChild(node: FakeNode): FakeNode {
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    this.childNodes.push(node);
    return node;
  }
  removeChild(node: FakeNode): FakeNode {
    const index = this.childNodes.indexOf(node);
    if (index < 0) throw new Error('not a child');
    this.childNodes.splice(index, 1);
    node.parentNode = null;
    return node;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  /** A customer's click: a disabled or loading button does nothing. */
  click(): void {
    if (this.hasAttribute('disabled') || this.hasAttribute('loading')) return;
    for (const listener of this.listeners.get('click') ?? []) listener();
  }
  /** The text a reader hears: components are separate words, whitespace collapsed. */
  get text(): string {
    const parts: string[] = [];
    const walk = (node: FakeNode) => (node instanceof FakeText ? parts.push(node.data) : (parts.push(' '), node.childNodes.forEach(walk), parts.push(' ')));
    walk(this);
    return parts.join('').replace(/\s+/g, ' ').trim();
  }
  /** Every element below this one, in document order. */
  descendants(): FakeElement[] {
    return this.childNodes.flatMap((node) => (node instanceof FakeElement ? [node, ...node.descendants()] : []));
  }
}

/** The ARIA role each Polaris web component renders as. */
const ROLES: Record<string, string> = {
  's-button': 'button',
  's-link': 'link',
  's-section': 'region',
  's-customer-account-action': 'dialog',
  's-heading': 'heading',
  's-banner': 'status',
  's-ordered-list': 'list',
  's-unordered-list': 'list',
  's-list-item': 'listitem',
};

function nameOf(element: FakeElement): string {
  return element.getAttribute('heading') ?? element.text;
}

function matches(element: FakeElement, role: string, name?: string | RegExp): boolean {
  if (ROLES[element.tagName] !== role) return false;
  if (name === undefined) return true;
  return typeof name === 'string' ? nameOf(element) === name : name.test(nameOf(element));
}

export function queryAllByRole(root: FakeElement, role: string, name?: string | RegExp): FakeElement[] {
  return root.descendants().filter((element) => matches(element, role, name));
}

export function getByRole(root: FakeElement, role: string, name?: string | RegExp): FakeElement {
  const found = queryAllByRole(root, role, name);
  if (found.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${found.length} in: ${root.text}`);
  return found[0]!;
}

export function extensionRoot(): FakeElement {
  return new FakeDocument().createElement('body');
}

/** A signal whose value Shopify already has. */
export function signal<T>(value: T) {
  return { value, subscribe: () => () => {} };
}
