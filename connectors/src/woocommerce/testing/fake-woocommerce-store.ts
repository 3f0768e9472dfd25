import { randomBytes } from 'node:crypto';
import { formatMinorUnits, toMinorUnits } from '../../money.ts';

// The fake site's state: what WooCommerce would hold, changed only the way its REST API
// (wc/v3) and the Shipment Tracking extension change it. Orders are kept in their REST
// shape, so what a test seeds is what the API serves.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// A type, not an interface, so it fits the orders' JSON index signature.
export type FakeMeta = {
  id: number;
  key: string;
  value: Json;
};

export interface FakeLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  subtotal: string;
  total: string;
  sku: string;
  meta_data: FakeMeta[];
  [field: string]: Json;
}

/** An order as GET /wc/v3/orders/<id> returns it. */
export interface FakeWooOrder {
  id: number;
  number: string;
  order_key: string;
  status: string;
  currency: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  date_paid: string | null;
  date_paid_gmt: string | null;
  date_completed: string | null;
  date_completed_gmt: string | null;
  customer_id: number;
  customer_note: string;
  total: string;
  meta_data: FakeMeta[];
  line_items: FakeLineItem[];
  [field: string]: Json;
}

export interface FakeOrderNote {
  id: number;
  orderId: number;
  author: string;
  date_created: string;
  date_created_gmt: string;
  note: string;
  customer_note: boolean;
}

export interface FakeProduct {
  id: number;
  name: string;
  /** Price excluding tax, as WooCommerce stores it ("12.00"). */
  price: string;
}

/** WooCommerce's core order statuses (without "wc-"). */
export const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft', 'trash'];

export class FakeWooStore {
  readonly orders = new Map<number, FakeWooOrder>();
  readonly notes: FakeOrderNote[] = [];
  readonly products = new Map<number, FakeProduct>();
  readonly customers = new Set<number>();
  private nextMetaId = 20_000;
  private nextItemId = 5_000;
  private nextNoteId = 900;

  constructor(
    readonly siteUrl: string,
    private readonly clock: () => number,
    /** The site's timezone as an offset from UTC, for the non-GMT date fields. */
    private readonly utcOffsetMinutes: number,
  ) {}

  now(): { local: string; gmt: string; ms: number } {
    const ms = this.clock();
    return { ms, gmt: wcDate(ms), local: wcDate(ms + this.utcOffsetMinutes * 60_000) };
  }

  /** The site's wall time for an instant, as WP_Date_Query converts zoned bounds. */
  localWallTime(ms: number): string {
    return wcDate(ms + this.utcOffsetMinutes * 60_000);
  }

  nextOrderId(): number {
    return Math.max(0, ...this.orders.keys()) + 1;
  }

  seed(order: FakeWooOrder): FakeWooOrder {
    this.orders.set(order.id, order);
    if (order.customer_id > 0) this.customers.add(order.customer_id);
    for (const meta of [...order.meta_data, ...order.line_items.flatMap((item) => item.meta_data)]) {
      this.nextMetaId = Math.max(this.nextMetaId, meta.id + 1);
    }
    for (const item of order.line_items) {
      this.nextItemId = Math.max(this.nextItemId, item.id + 1);
      // What the shop sells: the products its orders contain, at the price they were sold.
      const unit = unitPrice(item.subtotal, item.quantity, order.currency);
      if (!this.products.has(item.product_id) && item.product_id > 0) this.products.set(item.product_id, { id: item.product_id, name: item.name, price: unit });
      if (item.variation_id > 0 && !this.products.has(item.variation_id)) this.products.set(item.variation_id, { id: item.variation_id, name: item.name, price: unit });
    }
    return order;
  }

  /** A merchant edit or a status change made in wp-admin: bumps date_modified. */
  touch(order: FakeWooOrder): void {
    const { local, gmt } = this.now();
    order.date_modified = local;
    order.date_modified_gmt = gmt;
  }

  /**
   * WC_Data::update_meta_data: by id when given; else the first entry with the key takes
   * the value and its duplicates go; else a new entry.
   */
  updateMeta(meta: FakeMeta[], key: string, value: Json, id?: number | null): FakeMeta[] {
    if (id) {
      const byId = meta.find((entry) => entry.id === id);
      if (byId) {
        byId.key = key;
        byId.value = value;
        return meta;
      }
    }
    const matches = meta.filter((entry) => entry.key === key);
    const [first] = matches;
    if (!first) return [...meta, { id: this.nextMetaId++, key, value }];
    first.value = value;
    return meta.filter((entry) => entry.key !== key || entry === first);
  }

  newMeta(key: string, value: Json): FakeMeta {
    return { id: this.nextMetaId++, key, value };
  }

  newItemId(): number {
    return this.nextItemId++;
  }

  addNote(orderId: number, note: string, customerNote: boolean): FakeOrderNote {
    const { local, gmt } = this.now();
    const created: FakeOrderNote = { id: this.nextNoteId++, orderId, author: 'system', date_created: local, date_created_gmt: gmt, note, customer_note: customerNote };
    this.notes.push(created);
    return created;
  }

  notesOf(orderId: number): FakeOrderNote[] {
    return this.notes.filter((note) => note.orderId === orderId).sort((a, b) => b.id - a.id);
  }

  /** The REST view: the stored order plus the fields WooCommerce computes. */
  view(order: FakeWooOrder): FakeWooOrder {
    const view = structuredClone(order);
    view['payment_url'] = `${this.siteUrl}/checkout/order-pay/${order.id}/?pay_for_order=true&key=${order.order_key}`;
    view['needs_payment'] = ['pending', 'failed'].includes(order.status);
    view['is_editable'] = ['pending', 'on-hold', 'auto-draft'].includes(order.status);
    view['_links'] = {
      self: [{ href: `${this.siteUrl}/wp-json/wc/v3/orders/${order.id}` }],
      collection: [{ href: `${this.siteUrl}/wp-json/wc/v3/orders` }],
    };
    return view;
  }

  newOrderKey(): string {
    return `wc_order_${randomBytes(7).toString('hex').slice(0, 13)}`;
  }
}

/** WooCommerce's REST date format: no zone, whole seconds. */
export function wcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** "6.00" for 2 → "3.00"; money by minor units, never floats. */
export function unitPrice(subtotal: string, quantity: number, currency: string): string {
  const minor = toMinorUnits(subtotal, currency);
  if (!minor.ok || quantity <= 0) return subtotal;
  return formatMinorUnits(Math.round(minor.value / quantity), currency);
}

export function multiplyPrice(price: string, quantity: number, currency: string): string {
  const minor = toMinorUnits(price, currency);
  if (!minor.ok) throw new RangeError(`fake WooCommerce: price "${price}" ${minor.message}`);
  return formatMinorUnits(minor.value * quantity, currency);
}

export function sumPrices(prices: readonly string[], currency: string): string {
  let total = 0;
  for (const price of prices) {
    const minor = toMinorUnits(price, currency);
    if (!minor.ok) throw new RangeError(`fake WooCommerce: price "${price}" ${minor.message}`);
    total += minor.value;
  }
  return formatMinorUnits(total, currency);
}
