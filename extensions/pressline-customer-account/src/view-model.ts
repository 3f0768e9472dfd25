import type { Translator } from './i18n.ts';
import type { CustomerOrder } from './types.ts';

export type StepState = 'done' | 'current' | 'upcoming';

/** What the order status block shows, in the customer's words; no I/O, no DOM. */
export interface OrderStatusView {
  heading: string;
  status: { label: string; attention: boolean };
  holdReason: string | null;
  eta: string | null;
  steps: { label: string; when: string | null; state: StepState }[];
  lines: { id: string; title: string; progress: string }[];
  shipments: { id: string; carrier: string | null; links: { label: string; href: string }[]; untracked: string[]; pickup: string[] }[];
}

/** Statuses a customer should notice: something is not going to plan. */
const ATTENTION = new Set(['on_hold', 'delayed', 'cancelled']);

export interface DateOptions {
  /** The customer's time zone (IANA); the device's when absent. */
  timeZone?: string | undefined;
}

export function orderStatusView(order: CustomerOrder, words: Translator, dates: DateOptions = {}): OrderStatusView {
  const { t, word } = words;
  const day = (iso: string) => formatDate(iso, words.language, { dateStyle: 'medium', ...zone(dates) });
  const moment = (iso: string) => formatDate(iso, words.language, { dateStyle: 'medium', timeStyle: 'short', ...zone(dates) });
  return {
    heading: `${t('productionStatus')} · ${order.name}`,
    status: { label: word(order.status, order.statusLabel), attention: ATTENTION.has(order.status) },
    holdReason: order.holdReason,
    eta: order.eta ? t('eta', { date: day(order.eta) }) : null,
    steps: order.timeline.map((entry) => ({
      label: word(entry.step, entry.label),
      when: entry.at ? moment(entry.at) : null,
      state: entry.current ? 'current' : entry.reached ? 'done' : 'upcoming',
    })),
    lines: order.lines.map((line) => {
      const status = word(line.status, line.status);
      const partly = line.shipped > 0 && line.shipped < line.quantity;
      return {
        id: line.id,
        title: lineTitle(line, words),
        progress: partly ? `${status} · ${t('shippedOf', { n: line.shipped, q: line.quantity })}` : status,
      };
    }),
    shipments: order.shipments.map((shipment) => {
      const href = webUrl(shipment.trackingUrl);
      return {
        id: shipment.id,
        carrier: shipment.carrier,
        links: href ? shipment.trackingNumbers.map((number) => ({ label: t('track', { number }), href })) : [],
        untracked: href ? [] : shipment.trackingNumbers,
        pickup: shipment.pickup
          ? [t('pickup', { address: shipment.pickup.address }), ...(shipment.pickup.hours ? [t('hours', { hours: shipment.pickup.hours })] : [])]
          : [],
      };
    }),
  };
}

/** "Business cards (Matte) × 250" */
export function lineTitle(line: { title: string; variantTitle: string | null; quantity: number }, words: Translator): string {
  return words.t('lineTitle', { title: line.variantTitle ? `${line.title} (${line.variantTitle})` : line.title, quantity: line.quantity });
}

/** The numeric id inside a Shopify gid of `resource` ("gid://shopify/Order/123" → "123"), or null. */
export function legacyId(gid: string, resource: 'Order'): string | null {
  const match = /^gid:\/\/shopify\/(\w+)\/([1-9]\d*)$/.exec(gid);
  return match && match[1] === resource ? match[2]! : null;
}

/** Only absolute web links become hrefs: a "javascript:" tracking or checkout URL is dropped. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function zone(dates: DateOptions): { timeZone?: string } {
  return dates.timeZone ? { timeZone: dates.timeZone } : {};
}

function formatDate(iso: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(language, options).format(new Date(iso));
}
