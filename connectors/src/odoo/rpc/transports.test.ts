import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeOdoo, type FakeOdoo } from '../testing/fake-odoo.ts';
import { createOdooRpcFactory } from './create-odoo-rpc.ts';

// What Odoo answers, through each transport, comes out as the same ConnectorResult.
describe.each([
  ['XML-RPC', 17],
  ['JSON-2', 19],
] as const)('%s transport', (_name, version) => {
  let fake: FakeOdoo;
  beforeEach(async () => {
    fake = await createFakeOdoo();
    fake.listen();
  });
  afterEach(() => fake.close());
  const rpc = () => createOdooRpcFactory()(fake.connection({ version }));

  it('returns what the method returns', async () => {
    const { id, name } = fake.seedOrder({ state: 'sale', lines: [{ quantity: 2, priceUnit: 40 }] });
    expect(await rpc().call('sale.order', 'read', [[id]], { fields: ['name', 'state', 'amount_total'] })).toEqual({
      ok: true,
      value: [{ id, name, state: 'sale', amount_total: 80 }],
    });
    expect(await rpc().call('sale.order', 'search_read', [], { domain: [['state', '=', 'draft']], fields: ['name'] })).toEqual({ ok: true, value: [] });
  });

  it('maps MissingError to not_found', async () => {
    expect(await rpc().call('sale.order', 'read', [[404]], { fields: ['name'] })).toMatchObject({
      ok: false,
      reason: 'not_found',
      message: expect.stringContaining('Record does not exist or has been deleted.'),
    });
  });

  it('maps a UserError to rejected with Odoo’s message', async () => {
    const { pickingIds } = fake.seedOrder({ state: 'sale', lines: [{ quantity: 1, priceUnit: 5 }] });
    const validate = () => rpc().call('stock.picking', 'button_validate', [pickingIds], { context: { skip_backorder: true } });
    expect(await validate()).toEqual({ ok: true, value: true });
    expect(await validate()).toEqual({ ok: false, reason: 'rejected', message: expect.stringContaining('The transfer WH/OUT/00001 is already done.') });
  });

  it('maps a refused key to unauthorized', async () => {
    const refused = createOdooRpcFactory()(fake.connection({ version, apiKey: 'nope' }));
    expect(await refused.call('sale.order', 'read', [[1]], { fields: ['name'] })).toMatchObject({ ok: false, reason: 'unauthorized' });
  });

  it('maps a lost connection to unavailable and a 429 to throttled', async () => {
    fake.failNext('any', { status: 'network' });
    expect(await rpc().call('sale.order', 'search', [], { domain: [] })).toMatchObject({ ok: false, reason: 'unavailable' });
    fake.throttleNext({ retryAfterSeconds: 3 });
    expect(await rpc().call('sale.order', 'search', [], { domain: [] })).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 3000, message: expect.any(String) });
  });

  it('times out a call that never answers', async () => {
    const stalled = createOdooRpcFactory({ timeoutMs: 50, fetch: (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))) });
    expect(await stalled(fake.connection({ version })).call('sale.order', 'search', [], { domain: [] })).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
