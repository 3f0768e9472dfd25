import { describe, expect, it } from 'vitest';
import { translator } from './i18n.ts';
import type { CustomerOrder } from './types.ts';
import { legacyId, orderStatusView, webUrl } from './view-model.ts';

const order: CustomerOrder = {
  id: 'a1b2',
  name: '#1042',
  status: 'shipped',
  statusLabel: 'Shipped',
  holdReason: null,
  eta: '2026-12-03T15:00:00.000Z',
  timeline: [
    { step: 'paid', label: 'Paid', at: '2026-11-28T09:30:00.000Z', reached: true, current: false },
    { step: 'in_production', label: 'In production', at: '2026-11-29T08:00:00.000Z', reached: true, current: false },
    { step: 'shipped', label: 'Shipped', at: '2026-11-30T17:45:00.000Z', reached: true, current: true },
    { step: 'delivered', label: 'Delivered', at: null, reached: false, current: false },
  ],
  lines: [
    { id: 'l1', title: 'Business cards', variantTitle: 'Matte', quantity: 250, status: 'shipped', shipped: 250 },
    { id: 'l2', title: 'Poster', variantTitle: null, quantity: 4, status: 'ready', shipped: 1 },
  ],
  shipments: [
    { id: 's1', kind: 'carrier', carrier: 'UPS', trackingNumbers: ['1ZA', '1ZB'], trackingUrl: 'https://track.example/ups?n=1ZA', status: 'shipped', pickup: null },
    { id: 's2', kind: 'carrier', carrier: 'Local courier', trackingNumbers: ['C-7'], trackingUrl: 'javascript:alert(1)', status: 'shipped', pickup: null },
    { id: 's3', kind: 'pickup', carrier: null, trackingNumbers: [], trackingUrl: null, status: 'shipped', pickup: { address: 'Hauptstr. 1, Köln', hours: 'Mo–Fr 9–18' } },
  ],
};

describe('orderStatusView', () => {
  it('gives the customer the status, ETA, timeline with the current step, line progress and tracking in English', () => {
    const view = orderStatusView(order, translator('en-US'), { timeZone: 'UTC' });
    expect(view.heading).toBe('Production status · #1042');
    expect(view.status).toEqual({ label: 'Shipped', attention: false });
    expect(view.eta).toBe('Expected Dec 3, 2026');
    expect(view.steps).toEqual([
      { label: 'Paid', when: 'Nov 28, 2026, 9:30 AM', state: 'done' },
      { label: 'In production', when: 'Nov 29, 2026, 8:00 AM', state: 'done' },
      { label: 'Shipped', when: 'Nov 30, 2026, 5:45 PM', state: 'current' },
      { label: 'Delivered', when: null, state: 'upcoming' },
    ]);
    expect(view.lines).toEqual([
      { id: 'l1', title: 'Business cards (Matte) × 250', progress: 'Shipped' },
      { id: 'l2', title: 'Poster × 4', progress: 'Ready · 1 of 4 shipped' },
    ]);
    expect(view.shipments[0]).toEqual({
      id: 's1',
      carrier: 'UPS',
      links: [
        { label: 'Track 1ZA', href: 'https://track.example/ups?n=1ZA' },
        { label: 'Track 1ZB', href: 'https://track.example/ups?n=1ZA' },
      ],
      untracked: [],
      pickup: [],
    });
  });

  it('never turns a non-web tracking URL into a link: the number stays plain text', () => {
    const view = orderStatusView(order, translator('en'), { timeZone: 'UTC' });
    expect(view.shipments[1]).toMatchObject({ links: [], untracked: ['C-7'] });
    expect(view.shipments[2]!.pickup).toEqual(['Pick up at Hauptstr. 1, Köln', 'Opening hours: Mo–Fr 9–18']);
  });

  it('speaks German to a German customer, dates included', () => {
    const view = orderStatusView(order, translator('de-AT'), { timeZone: 'Europe/Berlin' });
    expect(view.heading).toBe('Produktionsstatus · #1042');
    expect(view.status.label).toBe('Versendet');
    expect(view.eta).toBe('Voraussichtlich 03.12.2026');
    expect(view.steps[0]).toEqual({ label: 'Bezahlt', when: '28.11.2026, 10:30', state: 'done' });
    expect(view.lines[1]!.progress).toBe('Bereit · 1 von 4 versendet');
    expect(view.shipments[0]!.links[0]!.label).toBe('Sendung 1ZA verfolgen');
    expect(view.shipments[2]!.pickup).toEqual(['Abholung bei Hauptstr. 1, Köln', 'Öffnungszeiten: Mo–Fr 9–18']);
  });

  it('flags a held order with its reason, and falls back to the API’s label for a status it does not know', () => {
    const held = orderStatusView({ ...order, status: 'on_hold', statusLabel: 'On hold', holdReason: 'Your file needs bleed', eta: null }, translator('en'));
    expect(held).toMatchObject({ status: { label: 'On hold', attention: true }, holdReason: 'Your file needs bleed', eta: null });
    const unknown = orderStatusView({ ...order, status: 'reprinting', statusLabel: 'Reprinting' }, translator('de'));
    expect(unknown.status.label).toBe('Reprinting');
  });
});

describe('ids and links', () => {
  it('reads the numeric id of an order gid only', () => {
    expect(legacyId('gid://shopify/Order/820982911946154508', 'Order')).toBe('820982911946154508');
    expect(legacyId('gid://shopify/Customer/820982911946154508', 'Order')).toBeNull();
    expect(legacyId('820982911946154508', 'Order')).toBeNull();
  });

  it('keeps only absolute http(s) URLs', () => {
    expect(webUrl('https://shop.example/checkouts/abc')).toBe('https://shop.example/checkouts/abc');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('/relative')).toBeNull();
    expect(webUrl(null)).toBeNull();
  });
});
