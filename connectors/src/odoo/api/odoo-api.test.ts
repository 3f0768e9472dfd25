import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformApi } from '../../contract.ts';
import type { OdooConnection } from '../odoo-connection.ts';
import { createFakeOdoo, type FakeOdoo, type FakeOdooOrderSeed } from '../testing/fake-odoo.ts';
import { createOdooApi } from './odoo-api.ts';

const START = Date.parse('2026-03-02T09:00:00Z');

const mugOrder: FakeOdooOrderSeed = {
  state: 'sale',
  partner: { name: 'Jane Doe', email: 'jane@example.com' },
  lines: [
    { product: 'Custom Mug', defaultCode: 'MUG-01', description: '[MUG-01] Custom Mug\nEngraving: Hello', quantity: 2, priceUnit: 40 },
    { product: 'Poster A2', defaultCode: 'POS-A2', quantity: 3, priceUnit: 12.5 },
    { product: 'Design service', productType: 'service', quantity: 1, priceUnit: 20 },
  ],
};

const fulfillment = (orderId: number, lines: { lineExternalId: string; quantity: number }[], idempotencyKey: string) => ({
  orderExternalId: String(orderId),
  lines,
  carrier: 'UPS',
  trackingNumbers: ['1Z999AA10123456784'],
  trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
  notifyCustomer: false,
  idempotencyKey,
});

// Both transports run the same cases against the same fake database: 17 speaks XML-RPC,
// 19 JSON-2.
describe.each([17, 19] as const)('Odoo %i PlatformApi', (version) => {
  let now: number;
  let fake: FakeOdoo;
  let api: PlatformApi;
  let connection: OdooConnection;
  const tick = (seconds = 1) => {
    now += seconds * 1000;
  };

  beforeEach(async () => {
    now = START;
    fake = await createFakeOdoo({ now: () => now });
    fake.listen();
    api = createOdooApi({ now: () => now });
    connection = fake.connection({ version });
  });
  afterEach(() => fake.close());

  describe('fetchOrder', () => {
    it('reads the order, its lines, customer and products', async () => {
      const seeded = fake.seedOrder(mugOrder);
      const [mug, poster, design] = seeded.lineIds;
      const result = await api.fetchOrder(connection, String(seeded.id));
      expect(result).toEqual({
        ok: true,
        value: {
          platform: 'odoo',
          externalId: String(seeded.id),
          name: 'S00001',
          currency: 'USD',
          totalMinor: 13750,
          financialStatus: 'paid',
          cancelledAt: null,
          placedAt: '2026-03-02T09:00:00.000Z',
          updatedAt: '2026-03-02T09:00:00.000Z',
          customer: { externalId: expect.any(String), email: 'jane@example.com', firstName: 'Jane Doe', lastName: null },
          // The customer is the delivery contact, and has no address.
          shippingAddress: { name: 'Jane Doe', company: null, address1: null, address2: null, city: null, province: null, postalCode: null, countryCode: null, phone: null },
          shippingMethod: null,
          note: null,
          tags: [],
          lines: [
            {
              externalId: String(mug),
              productExternalId: expect.any(String),
              variantExternalId: expect.any(String),
              sku: 'MUG-01',
              title: '[MUG-01] Custom Mug',
              variantTitle: null,
              quantity: 2,
              unitPriceMinor: 4000,
              properties: [{ name: 'Engraving', value: 'Hello' }],
              requiresShipping: true,
            },
            expect.objectContaining({ externalId: String(poster), sku: 'POS-A2', title: '[POS-A2] Poster A2', quantity: 3, unitPriceMinor: 1250 }),
            expect.objectContaining({ externalId: String(design), sku: null, requiresShipping: false }),
          ],
        },
      });
    });

    it('reads the delivery contact’s address and the delivery method', async () => {
      const seeded = fake.seedOrder({
        ...mugOrder,
        shipping: {
          name: 'Jane Doe',
          company: 'Deco Addict',
          street: '77 Santa Barbara Rd',
          street2: 'Suite 4',
          city: 'Pleasant Hill',
          state: { name: 'California', code: 'CA' },
          zip: '94523',
          country: { code: 'US', name: 'United States' },
          phone: '(603)-996-3829',
        },
        carrier: 'Standard delivery',
      });
      const result = await api.fetchOrder(connection, String(seeded.id));
      expect(result).toMatchObject({
        ok: true,
        value: {
          customer: { email: 'jane@example.com', firstName: 'Jane Doe' },
          shippingAddress: {
            name: 'Jane Doe',
            company: 'Deco Addict',
            address1: '77 Santa Barbara Rd',
            address2: 'Suite 4',
            city: 'Pleasant Hill',
            province: 'California',
            postalCode: '94523',
            countryCode: 'US',
            phone: '(603)-996-3829',
          },
          shippingMethod: 'Standard delivery',
        },
      });
      const listed = await api.listChangedOrders(connection, { updatedSince: '2026-03-02T09:00:00Z', cursor: null, limit: 10 });
      expect(listed.ok && listed.value.orders[0]).toMatchObject({ shippingAddress: { city: 'Pleasant Hill', countryCode: 'US' }, shippingMethod: 'Standard delivery' });
    });

    it('reads no delivery method where the delivery module is not installed', async () => {
      fake.close();
      fake = await createFakeOdoo({ now: () => now, stockDelivery: false, delivery: false });
      fake.listen();
      connection = fake.connection({ version });
      const seeded = fake.seedOrder({ ...mugOrder, partner: { name: 'Jane Doe', email: 'jane@example.com', city: 'Lyon', country: { code: 'FR', name: 'France' } } });
      const result = await api.fetchOrder(connection, String(seeded.id));
      expect(result).toMatchObject({ ok: true, value: { shippingAddress: { name: 'Jane Doe', city: 'Lyon', countryCode: 'FR' }, shippingMethod: null } });
      expect(fake.requests.map((request) => request.call)).toContain('sale.order.fields_get');
    });

    it('answers not_found for an order Odoo does not have', async () => {
      expect(await api.fetchOrder(connection, '999')).toMatchObject({ ok: false, reason: 'not_found' });
      expect(await api.fetchOrder(connection, 'S00042')).toMatchObject({ ok: false, reason: 'not_found' });
    });

    it('rejects an order with a fractional quantity, saying why', async () => {
      const seeded = fake.seedOrder({ state: 'sale', lines: [{ product: 'Vinyl roll', quantity: 2.5, priceUnit: 8 }] });
      const result = await api.fetchOrder(connection, String(seeded.id));
      expect(result).toMatchObject({ ok: false, reason: 'rejected', message: expect.stringContaining('product_uom_qty 2.5 is not a whole number') });
    });

    it('refuses a wrong API key as unauthorized', async () => {
      const seeded = fake.seedOrder(mugOrder);
      const result = await api.fetchOrder(fake.connection({ version, apiKey: 'revoked-key' }), String(seeded.id));
      expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    });

    it('reports a throttled call with Odoo’s Retry-After', async () => {
      const seeded = fake.seedOrder(mugOrder);
      fake.throttleNext({ retryAfterSeconds: 7 });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 7000 });
      fake.throttleNext({ status: 503, retryAfterSeconds: 30 });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: false, reason: 'throttled', retryAfterMs: 30_000 });
      fake.throttleNext({ status: 503, retryAfterSeconds: null });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: true });
    });

    it('reports a dropped connection or a server error as unavailable', async () => {
      const seeded = fake.seedOrder(mugOrder);
      fake.failNext('sale.order.line.read', { status: 'network' });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: false, reason: 'unavailable', message: 'sale.order.line.read: Odoo could not be reached' });
      fake.failNext('read', { status: 502 });
      expect(await api.fetchOrder(connection, String(seeded.id))).toMatchObject({ ok: false, reason: 'unavailable' });
    });
  });

  describe('listChangedOrders', () => {
    const readAll = async (limit: number, between?: (page: number) => void) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const result = await api.listChangedOrders(connection, { updatedSince: '2026-03-02T09:00:00Z', cursor, limit });
        if (!result.ok) throw new Error(result.message);
        seen.push(...result.value.orders.map((order) => order.externalId));
        cursor = result.value.nextCursor;
        if (cursor === null) return seen;
        between?.(page);
      }
      throw new Error('the pages never ended');
    };

    it('returns each changed order once, oldest change first, across pages', async () => {
      fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] }); // written before the window
      tick(60);
      const inWindow = [] as number[];
      for (let i = 0; i < 5; i += 1) {
        inWindow.push(fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] }).id);
        if (i % 2 === 1) tick(); // some share a second, so id breaks the tie
      }
      fake.seedOrder({ state: 'draft', lines: [{ quantity: 1, priceUnit: 5 }] }); // a quotation
      fake.seedOrder({ state: 'cancel', lines: [{ quantity: 1, priceUnit: 5 }] }); // a cancelled quotation
      const confirmedThenCancelled = fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] }).id;
      tick();
      fake.cancelOrder(confirmedThenCancelled);

      const first = await api.listChangedOrders(connection, { updatedSince: '2026-03-02T09:01:00Z', cursor: null, limit: 2 });
      expect(first).toMatchObject({ ok: true, value: { nextCursor: expect.any(String) } });
      const seen = await (async () => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const result = await api.listChangedOrders(connection, { updatedSince: '2026-03-02T09:01:00Z', cursor, limit: 2 });
          if (!result.ok) throw new Error(result.message);
          ids.push(...result.value.orders.map((order) => order.externalId));
          cursor = result.value.nextCursor;
        } while (cursor !== null);
        return ids;
      })();
      expect(seen).toEqual([...inWindow, confirmedThenCancelled].map(String));
    });

    it('skips no order that changes while the pages are read', async () => {
      const ids = Array.from({ length: 6 }, () => fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] }).id);
      const seen = await readAll(2, (page) => {
        tick();
        // An order already listed and one not yet listed are both edited mid-way.
        if (page === 0) {
          fake.touchOrder(ids[0]!);
          fake.touchOrder(ids[3]!);
        }
      });
      for (const id of ids) expect(seen).toContain(String(id));
      expect(seen.filter((id) => id === String(ids[3]))).toHaveLength(1);
      expect(seen.filter((id) => id === String(ids[0]))).toHaveLength(2); // listed again: it changed again
    });

    it('leaves out an order it cannot normalise rather than stalling on it', async () => {
      const good = fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] }).id;
      fake.seedOrder({ state: 'sale', lines: [{ product: 'Vinyl roll', quantity: 1.5, priceUnit: 5 }] });
      const later = fake.seedOrder({ state: 'sale', lines: [{ quantity: 3, priceUnit: 5 }] }).id;
      expect(await readAll(10)).toEqual([String(good), String(later)]);
    });

    it('refuses a cursor it did not issue', async () => {
      expect(await api.listChangedOrders(connection, { updatedSince: '2026-03-02T09:00:00Z', cursor: '20', limit: 2 })).toMatchObject({ ok: false, reason: 'rejected' });
    });
  });

  describe('pushStatus and addOrderNote', () => {
    it('posts a status once, however often it is pushed', async () => {
      const { id } = fake.seedOrder(mugOrder);
      const push = (status: string, label: string, key: string) => api.pushStatus(connection, { orderExternalId: String(id), status, label, idempotencyKey: key });
      expect(await push('in_production', 'In production', 'k1')).toEqual({ ok: true, value: undefined });
      expect(await push('in_production', 'In production', 'k1')).toEqual({ ok: true, value: undefined });
      expect(await push('shipped', 'Shipped', 'k2')).toEqual({ ok: true, value: undefined });
      expect(await push('in_production', 'In production', 'k3')).toEqual({ ok: true, value: undefined });
      expect(fake.messages('sale.order', id)).toEqual([
        expect.objectContaining({ body: 'Pressline: In production [pressline:status:in-production]', subtype: 'mail.mt_note' }),
        expect.objectContaining({ body: 'Pressline: Shipped [pressline:status:shipped]' }),
        expect.objectContaining({ body: 'Pressline: In production [pressline:status:in-production]' }),
      ]);
    });

    it('posts a status once when the first answer was lost', async () => {
      const { id } = fake.seedOrder(mugOrder);
      fake.failNext('message_post', { status: 'network', afterApplying: true });
      const push = { orderExternalId: String(id), status: 'in_production', label: 'In production', idempotencyKey: 'k1' };
      expect(await api.pushStatus(connection, push)).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(await api.pushStatus(connection, push)).toEqual({ ok: true, value: undefined });
      expect(fake.messages('sale.order', id)).toHaveLength(1);
    });

    it('posts notes to the followers only when they are customer-visible', async () => {
      const { id } = fake.seedOrder(mugOrder);
      await api.addOrderNote(connection, { orderExternalId: String(id), note: 'Proof approved <3 & thanks', customerVisible: true });
      await api.addOrderNote(connection, { orderExternalId: String(id), note: 'Reprint: smudge', customerVisible: false });
      expect(fake.messages('sale.order', id)).toEqual([
        expect.objectContaining({ body: 'Proof approved &lt;3 &amp; thanks', subtype: 'mail.mt_comment' }),
        expect.objectContaining({ body: 'Reprint: smudge', subtype: 'mail.mt_note' }),
      ]);
      expect(await api.addOrderNote(connection, { orderExternalId: '999', note: 'x', customerVisible: false })).toMatchObject({ ok: false, reason: 'not_found' });
    });
  });

  describe('createFulfillment', () => {
    it('ships part of an order and leaves the rest in a backorder', async () => {
      const order = fake.seedOrder(mugOrder);
      const [mug, poster] = order.lineIds;
      const result = await api.createFulfillment(connection, fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 1 }], 'ship-1'));
      const [delivery, backorder] = fake.pickings(order.id);
      expect(result).toEqual({ ok: true, value: { fulfillmentExternalId: String(delivery!.id), created: true } });
      expect(delivery).toMatchObject({ state: 'done', trackingRef: '1Z999AA10123456784', moves: [{ lineId: mug, quantity: 1, state: 'done' }] });
      expect(backorder!.moves).toHaveLength(2);
      expect(backorder).toMatchObject({
        state: 'assigned',
        backorderOf: delivery!.id,
        moves: expect.arrayContaining([
          expect.objectContaining({ lineId: mug, demand: 1, state: 'assigned' }),
          expect.objectContaining({ lineId: poster, demand: 3, state: 'assigned' }),
        ]),
      });
      expect(fake.messages('stock.picking', delivery!.id)).toEqual([
        expect.objectContaining({ body: expect.stringMatching(/^Pressline is shipping 1 × line \d+ \(carrier UPS; tracking 1Z999AA10123456784; https:\/\/www\.ups\.com\/track\?tracknum=1Z999AA10123456784\) \[pressline:fulfillment:ship-1\]$/) }),
      ]);

      const rest = await api.createFulfillment(connection, { ...fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 1 }, { lineExternalId: String(poster), quantity: 3 }], 'ship-2'), notifyCustomer: true });
      expect(rest).toEqual({ ok: true, value: { fulfillmentExternalId: String(backorder!.id), created: true } });
      expect(fake.pickings(order.id).map((picking) => picking.state)).toEqual(['done', 'done']);
      expect(fake.messages('sale.order', order.id)).toEqual([
        expect.objectContaining({ body: 'Your order S00001 has shipped (carrier UPS; tracking 1Z999AA10123456784; https://www.ups.com/track?tracknum=1Z999AA10123456784).', subtype: 'mail.mt_comment' }),
      ]);
    });

    it('validates once when the answer to the validation was lost', async () => {
      const order = fake.seedOrder(mugOrder);
      const [mug] = order.lineIds;
      const request = fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 2 }], 'ship-once');
      fake.failNext('button_validate', { status: 'network', afterApplying: true });
      expect(await api.createFulfillment(connection, request)).toMatchObject({ ok: false, reason: 'unavailable' });
      const [delivery, backorder] = fake.pickings(order.id);
      expect(delivery!.state).toBe('done'); // Odoo did validate it

      expect(await api.createFulfillment(connection, request)).toEqual({ ok: true, value: { fulfillmentExternalId: String(delivery!.id), created: false } });
      expect(await api.createFulfillment(connection, request)).toEqual({ ok: true, value: { fulfillmentExternalId: String(delivery!.id), created: false } });
      expect(fake.pickings(order.id)).toEqual([expect.objectContaining({ state: 'done' }), expect.objectContaining({ id: backorder!.id, state: 'assigned' })]);
      const validations = fake.requests.filter((request) => request.call === 'stock.picking.button_validate');
      expect(validations).toHaveLength(1);
    });

    it('never mistakes another fulfillment key for this one', async () => {
      const order = fake.seedOrder(mugOrder);
      const [mug, poster] = order.lineIds;
      const first = fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 2 }], 'order_1');
      fake.failNext('button_validate', { status: 'network', afterApplying: true });
      expect(await api.createFulfillment(connection, first)).toMatchObject({ ok: false, reason: 'unavailable' });
      // A newer marker whose key "order_1" matches as an ilike pattern ("_" is a wildcard).
      expect(await api.createFulfillment(connection, fulfillment(order.id, [{ lineExternalId: String(poster), quantity: 3 }], 'orderX1'))).toMatchObject({ ok: true, value: { created: true } });
      expect(await api.createFulfillment(connection, first)).toMatchObject({ ok: true, value: { created: false } });
      expect(fake.requests.filter((request) => request.call === 'stock.picking.button_validate')).toHaveLength(2);
    });

    it('carries on with the marked delivery when the run stopped before validating', async () => {
      const order = fake.seedOrder(mugOrder);
      const [mug] = order.lineIds;
      const request = fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 2 }], 'ship-resume');
      fake.failNext('button_validate', { status: 503 });
      expect(await api.createFulfillment(connection, request)).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(fake.pickings(order.id)).toEqual([expect.objectContaining({ state: 'assigned' })]);
      const retried = await api.createFulfillment(connection, request);
      expect(retried).toEqual({ ok: true, value: { fulfillmentExternalId: String(order.pickingIds[0]), created: true } });
      expect(fake.messages('stock.picking', order.pickingIds[0]!)).toHaveLength(1);
    });

    it('marks a delivery once when the answer to the marker was lost', async () => {
      const order = fake.seedOrder(mugOrder);
      const request = fulfillment(order.id, [{ lineExternalId: String(order.lineIds[0]), quantity: 2 }], 'ship-marker');
      fake.failNext('stock.picking.message_post', { status: 502, afterApplying: true });
      expect(await api.createFulfillment(connection, request)).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(await api.createFulfillment(connection, request)).toMatchObject({ ok: true, value: { created: true } });
      expect(fake.messages('stock.picking', order.pickingIds[0]!)).toHaveLength(1);
      expect(fake.pickings(order.id)[0]).toMatchObject({ state: 'done' });
    });

    it('refuses more than the delivery holds, or a line it does not hold', async () => {
      const order = fake.seedOrder(mugOrder);
      const [mug, , design] = order.lineIds;
      expect(await api.createFulfillment(connection, fulfillment(order.id, [{ lineExternalId: String(mug), quantity: 5 }], 'too-many'))).toMatchObject({
        ok: false,
        reason: 'rejected',
        message: expect.stringContaining('5 to ship, but WH/OUT/00001 holds only 2'),
      });
      expect(await api.createFulfillment(connection, fulfillment(order.id, [{ lineExternalId: String(design), quantity: 1 }], 'service'))).toMatchObject({
        ok: false,
        reason: 'rejected',
        message: expect.stringContaining('has no open delivery holding all of lines'),
      });
      const quotation = fake.seedOrder({ ...mugOrder, state: 'draft' });
      expect(await api.createFulfillment(connection, fulfillment(quotation.id, [{ lineExternalId: String(quotation.lineIds[0]), quantity: 1 }], 'q'))).toMatchObject({
        ok: false,
        reason: 'rejected',
        message: expect.stringContaining('has no delivery'),
      });
    });

    it('ships without a tracking field when stock_delivery is not installed', async () => {
      fake.close();
      fake = await createFakeOdoo({ now: () => now, stockDelivery: false });
      fake.listen();
      connection = fake.connection({ version });
      const order = fake.seedOrder(mugOrder);
      const result = await api.createFulfillment(connection, fulfillment(order.id, [{ lineExternalId: String(order.lineIds[0]), quantity: 2 }], 'no-carrier'));
      expect(result).toMatchObject({ ok: true, value: { created: true } });
      expect(fake.pickings(order.id)[0]).toMatchObject({ state: 'done', trackingRef: null });
    });
  });

  describe('buildReorder', () => {
    it('copies the order into a quotation and keeps only the chosen lines', async () => {
      const order = fake.seedOrder(mugOrder);
      const fetched = await api.fetchOrder(connection, String(order.id));
      if (!fetched.ok) throw new Error(fetched.message);
      const poster = fetched.value.lines[1]!.externalId;
      const reorder = await api.buildReorder(connection, { order: fetched.value, lineExternalIds: [poster] });
      expect(reorder).toMatchObject({ ok: true, value: { kind: 'quotation', externalId: expect.any(String) } });
      if (!reorder.ok) return;
      const quotationId = Number(reorder.value.externalId);
      expect(reorder.value.url).toBe(
        version >= 18 ? `${fake.url}/odoo/action-sale.action_quotations/${quotationId}` : `${fake.url}/web#id=${quotationId}&model=sale.order&view_type=form`,
      );
      const copied = await api.fetchOrder(connection, String(quotationId));
      expect(copied).toMatchObject({ ok: true, value: { name: 'S00002', financialStatus: 'pending', totalMinor: 3750, lines: [{ title: '[POS-A2] Poster A2', quantity: 3 }] } });
      expect(fake.order(order.id)).toMatchObject({ state: 'sale' });
    });

    it('copies every line when none are chosen', async () => {
      const order = fake.seedOrder(mugOrder);
      const fetched = await api.fetchOrder(connection, String(order.id));
      if (!fetched.ok) throw new Error(fetched.message);
      const reorder = await api.buildReorder(connection, { order: fetched.value });
      if (!reorder.ok) throw new Error(reorder.message);
      expect(fake.order(Number(reorder.value.externalId))).toMatchObject({ state: 'draft', lineIds: expect.arrayContaining([expect.any(Number)]) });
      expect(fake.order(Number(reorder.value.externalId))!.lineIds).toHaveLength(3);
    });
  });
});

describe('Odoo XML-RPC logins', () => {
  let fake: FakeOdoo;
  beforeEach(async () => {
    fake = await createFakeOdoo();
    fake.listen();
  });
  afterEach(() => fake.close());

  it('authenticates once per database and key, and again after the key changes', async () => {
    const api = createOdooApi();
    const { id } = fake.seedOrder(mugOrder);
    await api.fetchOrder(fake.connection({ version: 17 }), String(id));
    await api.fetchOrder(fake.connection({ version: 18 }), String(id));
    expect(fake.requests.filter((request) => request.call === 'common.authenticate')).toHaveLength(1);
    expect(await api.fetchOrder(fake.connection({ version: 17, apiKey: 'rotated' }), String(id))).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(fake.requests.filter((request) => request.call === 'common.authenticate')).toHaveLength(2);
  });

  it('logs in afresh when Odoo stops accepting the remembered session', async () => {
    const api = createOdooApi();
    const { id } = fake.seedOrder(mugOrder);
    const connection = fake.connection({ version: 17 });
    await api.fetchOrder(connection, String(id));
    fake.failNext('sale.order.read', { status: 401 });
    expect(await api.fetchOrder(connection, String(id))).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(await api.fetchOrder(connection, String(id))).toMatchObject({ ok: true });
    expect(fake.requests.filter((request) => request.call === 'common.authenticate')).toHaveLength(2);
  });
});
