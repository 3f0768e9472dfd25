import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessCardPdf } from '../support/card-pdf.ts';
import { startFileServer } from '../support/file-server.ts';
import { placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const SHOP = 'again-prints.myshopify.com';

describe('a reorder’s unchanged files', () => {
  let app: TestApp;
  let files: Awaited<ReturnType<typeof startFileServer>>;

  beforeAll(async () => {
    files = await startFileServer({ '/cards.pdf': await businessCardPdf(0.4) });
    app = await startTestApp();
    await app.addShop(SHOP);
  });
  afterAll(async () => {
    await app?.close();
    await files?.close();
  });

  async function reportsOf(orderName: string) {
    return app.owner<{ status: string; job_id: string }[]>`
      select r.status, r.job_id from preflight_reports r join jobs j on j.shop_id = r.shop_id and j.id = r.job_id join orders o on o.shop_id = j.shop_id and o.id = j.order_id
      where o.name = ${orderName}`;
  }

  it('are neither fetched nor checked again: the new job gets the original check, audited as such', async () => {
    const line = (id: string) => ({ id, title: 'Business cards', quantity: 100, properties: [{ name: 'Design file', value: files.url('/cards.pdf') }] });
    await placeOrder(app, SHOP, { id: '95001', name: '#5001', email: 'ada@example.com', lines: [line('950011')] });
    const [original] = await eventually(async () => ((await reportsOf('#5001')).length === 1 ? reportsOf('#5001') : undefined), 30_000);

    // The reorder the platform made carries the same line properties (buildReorder copies them).
    await placeOrder(app, SHOP, { id: '95002', name: '#5002', email: 'ada@example.com', lines: [line('950021')] });
    const [again] = await eventually(async () => ((await reportsOf('#5002')).length === 1 ? reportsOf('#5002') : undefined), 30_000);

    expect(again!.status).toBe(original!.status);
    expect(files.requests.get('/cards.pdf')).toBe(1);
    const events = await app.owner<{ note: string }[]>`select note from job_events where job_id = ${again!.job_id} and kind = 'preflight_checked'`;
    expect(events.map((event) => event.note)).toEqual([expect.stringContaining('not checked again')]);
    expect(await app.owner`select 1 from files where shop_id = (select id from shops where domain = ${SHOP})`).toHaveLength(1);
  });
});
