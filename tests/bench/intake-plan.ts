import { buildShopifyOrderPayload, signShopifyWebhook, type SimulatedOrder } from '@pressline/connectors';

export interface PlannedDelivery {
  webhookId: string;
  headers: Record<string, string>;
  body: string;
  /** A re-send of a delivery planned earlier, with the same webhook id and bytes. */
  duplicate: boolean;
}

export interface DeliveryPlan {
  deliveries: PlannedDelivery[];
  uniqueKeys: string[];
  /** Order lines across the unique deliveries: each should become exactly one job. */
  lines: number;
}

export interface PlanOptions {
  unique: number;
  duplicateRatio: number;
  secret: string;
  shopDomain: string;
  seed: number;
  /** Half of the re-sends land within this many positions of their original, so both are in flight together. */
  nearWindow: number;
}

// Shopify ids are int64 and already far past 2^53; these keep every id past it.
const ORDER_ID_BASE = 820_982_911_946_154_508n;
const LINE_ID_BASE = 866_550_311_766_439_020n;
const PRODUCTS = [
  { title: 'Business cards', sku: 'BC-350', price: '0.12' },
  { title: 'Poster A2', sku: 'POS-A2', price: '14.50' },
  { title: 'Sticker sheet', sku: undefined, price: '3.90' },
  { title: 'Roll-up banner', sku: 'RUB-85', price: '79.00' },
  { title: 'Flyer A5', sku: 'FLY-A5', price: '0.09' },
] as const;

/**
 * Signed `orders/paid` deliveries, built before the clock starts: `unique` orders of
 * 1–3 lines each, plus re-sends of earlier deliveries, in a seeded shuffled order.
 */
export function planDeliveries(options: PlanOptions): DeliveryPlan {
  const random = seededRandom(options.seed);
  const originals: PlannedDelivery[] = [];
  let lines = 0;
  for (let i = 0; i < options.unique; i++) {
    const order = benchOrder(i, 1 + Math.floor(random() * 3), random);
    lines += order.lines.length;
    originals.push(signedDelivery(order, `bench-${options.seed}-${i}`, options));
  }
  shuffle(originals, random);

  // Sort keys: original at position p gets p; a re-send of it gets a key after p.
  const keyed = originals.map((delivery, position) => ({ key: position, delivery }));
  const resends = Math.round(options.unique * options.duplicateRatio);
  for (let i = 0; i < resends; i++) {
    const position = Math.floor(random() * originals.length);
    const spread = random() < 0.5 ? options.nearWindow : originals.length - position;
    keyed.push({ key: position + 0.5 + random() * spread, delivery: { ...originals[position]!, duplicate: true } });
  }
  keyed.sort((a, b) => a.key - b.key);
  return { deliveries: keyed.map(({ delivery }) => delivery), uniqueKeys: originals.map((delivery) => delivery.webhookId), lines };
}

/** Bytes of a typical two-line delivery body, so the baseline writes rows of the same size. */
export function typicalBodyBytes(): number {
  return Buffer.byteLength(buildShopifyOrderPayload(benchOrder(0, 2, seededRandom(1))));
}

function benchOrder(index: number, lineCount: number, random: () => number): SimulatedOrder {
  return {
    id: (ORDER_ID_BASE + BigInt(index) * 7n).toString(),
    name: `#${100_000 + index}`,
    email: `buyer${index}@example.com`,
    lines: Array.from({ length: lineCount }, (_, k) => {
      const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
      return {
        id: (LINE_ID_BASE + BigInt(index) * 3n + BigInt(k)).toString(),
        title: product.title,
        quantity: 1 + Math.floor(random() * 500),
        price: product.price,
        ...(product.sku ? { sku: product.sku } : {}),
      };
    }),
  };
}

function signedDelivery(order: SimulatedOrder, webhookId: string, options: PlanOptions): PlannedDelivery {
  const body = buildShopifyOrderPayload(order);
  const headers = signShopifyWebhook({
    rawBody: body,
    secret: options.secret,
    topic: 'orders/paid',
    shopDomain: options.shopDomain,
    webhookId,
    eventId: `event-${webhookId}`,
  });
  return { webhookId, headers, body, duplicate: false };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** mulberry32: small, fast and good enough to make a run repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
