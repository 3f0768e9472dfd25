/**
 * The part of Shopify's customer account UI extension API (api_version 2026-10) this
 * extension uses, typed here because @shopify/ui-extensions is not a dependency of this
 * repository. At run time Shopify provides it as the global `shopify`, and `document.body`
 * is the extension's root: elements created there are Polaris web components (`s-*`)
 * that Shopify renders in the customer account page.
 */

/** A value Shopify keeps current (`.value`) and announces changes of. */
export interface SubscribableSignalLike<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
}

/** Available at every customer-account target. */
export interface StandardApi {
  /** A fresh (or cached, unexpired) HS256 JWT signed with the app secret: dest = shop, sub = customer gid. */
  sessionToken: { get(): Promise<string> };
  localization: { language: SubscribableSignalLike<{ isoCode: string }> };
  navigation: { navigate(url: string): void };
}

/** customer-account.order-status.block.render */
export interface OrderStatusApi extends StandardApi {
  /** Undefined until the order is fully processed; `id` is a gid ("gid://shopify/Order/123"). */
  order: SubscribableSignalLike<{ id: string; name: string } | undefined>;
  localization: StandardApi['localization'] & { timezone?: SubscribableSignalLike<string> };
  /** Asks a customer who opened the page from an e-mail link (pre-authenticated) to log in. */
  requireLogin(): Promise<void>;
}

/** customer-account.order.action.menu-item.render */
export interface OrderActionApi extends StandardApi {
  /** The order's gid. */
  orderId: string;
}

/** customer-account.order.action.render: the modal the menu item opens. */
export interface OrderActionModalApi extends OrderActionApi {
  /** Closes the modal. */
  close(): void;
}

/**
 * The DOM the extension writes to: the standard calls Shopify's remote DOM supports in the
 * extension's worker (and that a test can stand in for).
 */
export interface UiNode {
  readonly parentNode?: unknown;
}

export interface UiElement extends UiNode {
  readonly ownerDocument: UiDocument;
  readonly firstChild: UiNode | null;
  appendChild(node: UiNode): unknown;
  removeChild(node: UiNode): unknown;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  addEventListener(type: string, listener: () => void): void;
}

export interface UiDocument {
  createElement(tag: string): UiElement;
  createTextNode(text: string): UiNode;
}

/** Where Pressline is, for the extension's calls to the storefront API. */
export interface ExtensionEnv {
  presslineUrl: string;
}
