import type { SimulatedOrder } from '@pressline/connectors';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, jobsOf, placeOrder, type JobRow } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

interface Shop {
  shopId: string;
  apiKey: string;
  domain: string;
}

const A_DOMAIN = 'alpha-prints.myshopify.com';
const B_DOMAIN = 'bravo-signs.myshopify.com';

// B's first order has the same platform id as A's first: ids are unique per shop only.
const A_ORDERS: SimulatedOrder[] = [
  { id: '7000000000000000001', name: '#1001', email: 'ann@alpha.example', lines: [{ id: '7100000000000000001', title: 'Flyers A5', quantity: 100, sku: 'ALPHA-FLY' }, { id: '7100000000000000002', title: 'Poster', quantity: 2, sku: 'ALPHA-POS' }] },
  { id: '7000000000000000002', name: '#1002', email: 'al@alpha.example', lines: [{ id: '7100000000000000003', title: 'Stickers', quantity: 50, sku: 'ALPHA-STK' }] },
];
const B_ORDERS: SimulatedOrder[] = [
  { id: '7000000000000000001', name: '#2001', email: 'bea@bravo.example', lines: [{ id: '7200000000000000001', title: 'Banner 3m', quantity: 1, sku: 'BRAVO-BAN' }] },
  { id: '7000000000000000003', name: '#2002', email: 'bo@bravo.example', lines: [{ id: '7200000000000000002', title: 'Yard sign', quantity: 4, sku: 'BRAVO-YRD' }] },
];

const LIST_QUERY = /* GraphQL */ `
  query ($orderFilter: OrderFilter, $jobFilter: JobFilter) {
    orders(first: 100, filter: $orderFilter) { nodes { id name externalId customerEmail jobs { id } } }
    jobs(first: 100, filter: $jobFilter) { nodes { id number order { name } } }
  }
`;

interface ListData {
  orders: { nodes: { id: string; name: string; externalId: string; customerEmail: string | null; jobs: { id: string }[] }[] };
  jobs: { nodes: { id: string; number: string; order: { name: string } | null }[] };
}

describe('one shop never sees or touches another shop’s data', () => {
  let app: TestApp;
  let a: Shop;
  let b: Shop;
  let bJobs: JobRow[];
  let bOrderIds: string[];

  beforeAll(async () => {
    app = await startTestApp();
    a = { ...(await app.addShop(A_DOMAIN)), domain: A_DOMAIN };
    b = { ...(await app.addShop(B_DOMAIN)), domain: B_DOMAIN };
    for (const order of A_ORDERS) await placeOrder(app, A_DOMAIN, order);
    for (const order of B_ORDERS) await placeOrder(app, B_DOMAIN, order);
    bJobs = await jobsOf(app, b.shopId);
    bOrderIds = (await app.owner<{ id: string }[]>`select id from orders where shop_id = ${b.shopId}`).map((row) => row.id);
    expect(bJobs).toHaveLength(2);
    expect(bOrderIds).toHaveLength(2);
  });
  afterAll(() => app?.close());

  describe('through the GraphQL API', () => {
    it('lists only the caller’s own orders and jobs', async () => {
      const asA = await app.graphql<ListData>(a.apiKey, LIST_QUERY);
      expect(asA.errors).toBeUndefined();
      expect(asA.data?.orders.nodes.map((order) => order.name).sort()).toEqual(['#1001', '#1002']);
      expect(asA.data?.jobs.nodes.map((job) => job.order?.name).sort()).toEqual(['#1001', '#1001', '#1002']);
      const aJobIds = new Set((await jobsOf(app, a.shopId)).map((job) => job.id));
      expect(new Set(asA.data?.jobs.nodes.map((job) => job.id))).toEqual(aJobIds);

      const asB = await app.graphql<ListData>(b.apiKey, LIST_QUERY);
      expect(asB.data?.orders.nodes.map((order) => order.name).sort()).toEqual(['#2001', '#2002']);
      expect(new Set(asB.data?.jobs.nodes.map((job) => job.id))).toEqual(new Set(bJobs.map((job) => job.id)));
      // Both shops number their jobs from the same start: numbers are per shop.
      expect(asB.data?.jobs.nodes.map((job) => job.number)).toEqual(['J-1001', 'J-1002']);
    });

    it('returns null for another shop’s job or order fetched by id', async () => {
      const query = /* GraphQL */ `query ($job: ID!, $order: ID!) { job(id: $job) { id } order(id: $order) { id } }`;
      for (const [job, orderId] of [[bJobs[0]!.id, bOrderIds[0]!], [bJobs[1]!.id, bOrderIds[1]!]] as const) {
        const asA = await app.graphql<{ job: unknown; order: unknown }>(a.apiKey, query, { job, order: orderId });
        expect(asA.errors).toBeUndefined();
        expect(asA.data).toEqual({ job: null, order: null });
        // The same ids do resolve for their owner, so the nulls above are isolation, not bad ids.
        const asB = await app.graphql<{ job: { id: string }; order: { id: string } }>(b.apiKey, query, { job, order: orderId });
        expect(asB.data).toEqual({ job: { id: job }, order: { id: orderId } });
      }
    });

    it('cannot move another shop’s job: NOT_FOUND, and the job and its trail stay as they were', async () => {
      const target = bJobs[0]!;
      const eventsBefore = await app.owner`select * from job_events where job_id = ${target.id} order by id`;
      const result = await app.graphql(a.apiKey, /* GraphQL */ `mutation ($id: ID!) { transitionJob(id: $id, to: "preflight", note: "not yours") { id } }`, { id: target.id });
      expect(errorCodes(result)).toEqual(['NOT_FOUND']);
      expect(result.data ?? null).toBeNull();
      const [job] = await app.owner`select stage_key, updated_at from jobs where id = ${target.id}`;
      expect(job?.['stage_key']).toBe('received');
      expect(await app.owner`select * from job_events where job_id = ${target.id} order by id`).toEqual(eventsBefore);
    });

    it('finds nothing of another shop by search, platform id or SKU', async () => {
      for (const orderFilter of [{ search: '#2001' }, { search: 'bravo' }, { search: 'BRAVO-BAN' }, { search: 'bea@bravo.example' }, { externalId: '7000000000000000003' }]) {
        const result = await app.graphql<ListData>(a.apiKey, LIST_QUERY, { orderFilter });
        expect(result.errors, JSON.stringify(orderFilter)).toBeUndefined();
        expect(result.data?.orders.nodes, JSON.stringify(orderFilter)).toEqual([]);
      }
      for (const jobFilter of [{ search: '#2001' }, { search: 'Banner' }, { search: '7000000000000000003' }]) {
        const result = await app.graphql<ListData>(a.apiKey, LIST_QUERY, { jobFilter });
        expect(result.data?.jobs.nodes, JSON.stringify(jobFilter)).toEqual([]);
      }
      // The platform id both shops share finds only the caller's own order.
      const shared = await app.graphql<ListData>(a.apiKey, LIST_QUERY, { orderFilter: { externalId: '7000000000000000001' } });
      expect(shared.data?.orders.nodes.map((order) => order.name)).toEqual(['#1001']);
      // The same searches do find B's data for B.
      const asB = await app.graphql<ListData>(b.apiKey, LIST_QUERY, { orderFilter: { search: 'BRAVO-BAN' }, jobFilter: { search: '#2001' } });
      expect(asB.data?.orders.nodes.map((order) => order.name)).toEqual(['#2001']);
      expect(asB.data?.jobs.nodes.map((job) => job.order?.name)).toEqual(['#2001']);
    });

    it('answers 401 for a missing, malformed, forged or cross-shop key', async () => {
      const secretOf = (key: string) => key.split('_').slice(2).join('_');
      const hexOf = (shopId: string) => shopId.replaceAll('-', '');
      const forgedSecret = 'A'.repeat(43);
      const attempts: [string, Record<string, string>][] = [
        ['no key', {}],
        ['empty bearer', { authorization: 'Bearer ' }],
        ['malformed key', { authorization: 'Bearer not-a-pressline-key' }],
        ['truncated key', { authorization: `Bearer ${a.apiKey.slice(0, -1)}` }],
        ['well-formed key with a wrong secret', { authorization: `Bearer plk_${hexOf(a.shopId)}_${forgedSecret}` }],
        ['B’s shop id with A’s secret', { authorization: `Bearer plk_${hexOf(b.shopId)}_${secretOf(a.apiKey)}` }],
        ['A’s key sent as x-api-key with B’s shop id', { 'x-api-key': `plk_${hexOf(b.shopId)}_${secretOf(a.apiKey)}` }],
      ];
      expect(`plk_${hexOf(a.shopId)}_${secretOf(a.apiKey)}`).toBe(a.apiKey);
      for (const [label, headers] of attempts) {
        const response = await fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ orders(first: 5) { nodes { name } } }' }),
        });
        const body = (await response.json()) as { data?: unknown; error?: { code: string } };
        expect(response.status, label).toBe(401);
        expect(body.data, label).toBeUndefined();
        expect(body.error?.code, label).toBe('UNAUTHENTICATED');
      }
      // The genuine key, through either header, works.
      for (const headers of [{ authorization: `Bearer ${a.apiKey}` }, { 'x-api-key': a.apiKey }] as Record<string, string>[]) {
        const response = await fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ orders(first: 5) { nodes { name } } }' }),
        });
        expect(response.status).toBe(200);
      }
    });

    it('keeps tenants apart under concurrent load on a small pool', async () => {
      const query = /* GraphQL */ `{ orders(first: 50) { nodes { name lines { sku } jobs { order { name } } } } jobs(first: 50) { nodes { order { name } } } }`;
      type Data = { orders: { nodes: { name: string; lines: { sku: string | null }[]; jobs: { order: { name: string } | null }[] }[] }; jobs: { nodes: { order: { name: string } | null }[] } };
      const results = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const shop = i % 2 === 0 ? a : b;
          return { shop, result: await app.graphql<Data>(shop.apiKey, query) };
        }),
      );
      for (const { shop, result } of results) {
        const own = shop === a ? { names: ['#1001', '#1002'], prefix: 'ALPHA-' } : { names: ['#2001', '#2002'], prefix: 'BRAVO-' };
        expect(result.errors).toBeUndefined();
        const orders = result.data!.orders.nodes;
        expect(orders.map((order) => order.name).sort()).toEqual(own.names);
        for (const order of orders) {
          for (const line of order.lines) expect(line.sku?.startsWith(own.prefix)).toBe(true);
          for (const job of order.jobs) expect(job.order?.name).toBe(order.name);
        }
        for (const job of result.data!.jobs.nodes) expect(own.names).toContain(job.order?.name);
      }
    });
  });

  describe('directly as the application role', () => {
    let appSql: postgres.Sql;
    let tenantTables: string[];

    beforeAll(async () => {
      appSql = postgres(app.database.appUrl, { max: 1, onnotice: () => {} });
      tenantTables = (
        await app.owner<{ table: string }[]>`
          select table_name as table from information_schema.columns
          where table_schema = 'public' and column_name = 'shop_id'
          union select 'shops' order by 1`
      ).map((row) => row.table);
      expect(tenantTables).toEqual(expect.arrayContaining(['shops', 'api_keys', 'orders', 'order_lines', 'jobs', 'job_items', 'job_events', 'order_events', 'webhook_deliveries', 'outbox']));
      // Nothing writes the outbox yet, and these Shopify shops have no stored connection;
      // give each shop a row in both so those tables have something to hide too.
      for (const shop of [a, b]) {
        await app.owner`insert into outbox (shop_id, kind, idempotency_key, payload) values (${shop.shopId}, 'test', ${`seed-${shop.shopId}`}, '{}'::jsonb)`;
        await app.owner`insert into shop_credentials (shop_id, platform, settings, sealed_secrets) values (${shop.shopId}, 'shopify', '{}'::jsonb, 'v1.sealed')`;
        // Back-propagation's tables: a shipment of one line, notification settings, a webhook subscription.
        const [line] = await app.owner<{ id: string; order_id: string }[]>`select id, order_id from order_lines where shop_id = ${shop.shopId} limit 1`;
        const [shipment] = await app.owner<{ id: string }[]>`
          insert into shipments (shop_id, order_id, kind, status_at) values (${shop.shopId}, ${line!.order_id}, 'carrier', now()) returning id`;
        await app.owner`insert into shipment_lines (shop_id, shipment_id, order_line_id, quantity) values (${shop.shopId}, ${shipment!.id}, ${line!.id}, 1)`;
        await app.owner`insert into notification_templates (shop_id, customer_status, subject, body) values (${shop.shopId}, 'shipped', 's', 'b')`;
        await app.owner`insert into notification_opt_outs (shop_id, email) values (${shop.shopId}, 'someone@example.com')`;
        await app.owner`insert into notification_settings (shop_id) values (${shop.shopId})`;
        await app.owner`insert into webhook_subscriptions (shop_id, url, secret_sealed, topics) values (${shop.shopId}, 'https://example.com/h', 'v1.sealed', '{shipment.created}')`;
        await seedPreflightRows(shop.shopId);
        await app.owner`insert into machines (shop_id, name, processes) values (${shop.shopId}, 'Seed press', '{digital_press}')`;
        await app.owner`insert into shop_schedules (shop_id) values (${shop.shopId}) on conflict do nothing`;
        await seedGangRows(shop.shopId);
        await seedMessageRows(shop.shopId);
      }
    });
    afterAll(() => appSql?.end());

    /** A profile, a file on one of the shop's jobs, its report and an accepted warning. */
    async function seedPreflightRows(shopId: string) {
      const [job] = await jobsOf(app, shopId);
      const [profile] = await app.owner<{ id: string }[]>`
        insert into production_profiles (shop_id, name, process) values (${shopId}, 'Seed profile', 'digital_press') returning id`;
      const [file] = await app.owner<{ id: string }[]>`
        insert into files (shop_id, name, source, status, sha256) values (${shopId}, 'seed.pdf', 'operator', 'stored', ${'0'.repeat(64)}) returning id`;
      await app.owner`insert into job_files (shop_id, job_id, file_id) values (${shopId}, ${job!.id}, ${file!.id})`;
      await app.owner`
        insert into preflight_reports (shop_id, job_id, file_id, sha256, rules_fingerprint, profile_id, status, findings, checked_at)
        values (${shopId}, ${job!.id}, ${file!.id}, ${'0'.repeat(64)}, 'seed', ${profile!.id}, 'warnings', '[]'::jsonb, now())`;
      await app.owner`
        insert into preflight_acceptances (shop_id, job_id, file_id, code, actor, at) values (${shopId}, ${job!.id}, ${file!.id}, 'color.rgb', 'seed', now())`;
    }

    /** A customer message on one of the shop's orders, with an attachment. */
    async function seedMessageRows(shopId: string) {
      const [order] = await app.owner<{ id: string }[]>`select id from orders where shop_id = ${shopId} limit 1`;
      const [message] = await app.owner<{ id: string }[]>`
        insert into order_messages (shop_id, order_id, author, actor, body, at) values (${shopId}, ${order!.id}, 'customer', 'customer:1', 'Seed', now()) returning id`;
      const [file] = await app.owner<{ id: string }[]>`
        insert into files (shop_id, name, source, status, sha256) values (${shopId}, 'note.png', 'customer', 'stored', ${'1'.repeat(64)}) returning id`;
      await app.owner`insert into order_message_files (shop_id, message_id, file_id) values (${shopId}, ${message!.id}, ${file!.id})`;
    }

    /** A planned gang run of one of the shop's job items, with a placement, an output and spoilage. */
    async function seedGangRows(shopId: string) {
      const [item] = await app.owner<{ id: string; jobId: string; orderLineId: string }[]>`
        select i.id, i.job_id as "jobId", i.order_line_id as "orderLineId" from job_items i where i.shop_id = ${shopId} limit 1`;
      await app.owner`insert into gang_rules (shop_id) values (${shopId}) on conflict do nothing`;
      const [run] = await app.owner<{ id: string }[]>`
        insert into gang_runs (shop_id, group_key, target, gutter_mm, bleed_mm, sheets, utilization, created_by)
        values (${shopId}, 'seed', '{"kind":"sheet","width":320,"height":450}'::jsonb, 2, 3, 1, 0.5, 'seed') returning id`;
      await app.owner`insert into gang_run_jobs (shop_id, run_id, job_id) values (${shopId}, ${run!.id}, ${item!.jobId})`;
      const [runItem] = await app.owner<{ id: string }[]>`
        insert into gang_run_items (shop_id, run_id, job_id, job_item_id, order_line_id, width_mm, height_mm, copies)
        values (${shopId}, ${run!.id}, ${item!.jobId}, ${item!.id}, ${item!.orderLineId}, 85, 55, 1) returning id`;
      await app.owner`
        insert into gang_run_placements (shop_id, run_id, run_item_id, job_id, order_line_id, copy, sheet, x, y, width, height, rotated)
        values (${shopId}, ${run!.id}, ${runItem!.id}, ${item!.jobId}, ${item!.orderLineId}, 0, 0, 3, 3, 85, 55, false)`;
      await app.owner`
        insert into gang_run_outputs (shop_id, run_id, kind, layout_version, sha256, size_bytes, pages)
        values (${shopId}, ${run!.id}, 'pdf', 1, ${'0'.repeat(64)}, 1, 1)`;
      await app.owner`
        insert into gang_run_spoilage (shop_id, run_id, run_item_id, order_line_id, copies, actor, at)
        values (${shopId}, ${run!.id}, ${runItem!.id}, ${item!.orderLineId}, 1, 'seed', now())`;
    }

    const keyOf = (table: string) => (table === 'shops' ? 'id' : 'shop_id');
    const countAs = (sql: postgres.Sql | postgres.TransactionSql, table: string) =>
      sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`).then((rows) => rows[0]!.n);
    const orderRow = (shopId: string, externalId: string) => ({
      shop_id: shopId,
      external_id: externalId,
      name: '#forged',
      financial_status: 'paid',
      currency: 'USD',
      total_minor: 100,
      placed_at: new Date(),
      platform_updated_at: new Date(),
    });

    it('sees no row of any tenant table while no tenant is set', async () => {
      for (const table of tenantTables) {
        const owned = await app.owner.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
        expect(owned[0]!.n, `${table} has rows to hide`).toBeGreaterThan(0);
        expect(await countAs(appSql, table), table).toBe(0);
      }
    });

    it('refuses an insert while no tenant is set', async () => {
      await expect(appSql`insert into orders ${appSql(orderRow(a.shopId, '999'))}`).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
      await expect(appSql`insert into shops (id, platform, domain, name) values (gen_random_uuid(), 'shopify', 'sneaky.myshopify.com', 'x')`).rejects.toMatchObject({ code: '42501' });
      const [row] = await app.owner`select count(*)::int as n from orders where external_id = '999'`;
      expect(row?.['n']).toBe(0);
    });

    it('sees exactly the tenant’s rows once the tenant is set, and only for that transaction', async () => {
      await appSql.begin(async (tx) => {
        await tx`select set_config('pressline.shop_id', ${a.shopId}, true)`;
        for (const table of tenantTables) {
          const key = keyOf(table);
          const [own] = await app.owner.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table} where ${key} = $1`, [a.shopId]);
          expect(own!.n, `${table} has rows of A`).toBeGreaterThan(0);
          expect(await countAs(tx, table), table).toBe(own!.n);
          const [foreign] = await tx.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table} where ${key} <> $1`, [a.shopId]);
          expect(foreign!.n, `${table} leaks another tenant`).toBe(0);
        }
        // Rows of B are not even reachable by an UPDATE.
        const updated = await tx`update jobs set title = 'hijacked' where shop_id = ${b.shopId}`;
        expect(updated.count).toBe(0);
      });
      // set_config(..., true) ends with the transaction: the same connection sees nothing again.
      expect(await countAs(appSql, 'orders')).toBe(0);
      const [hijacked] = await app.owner`select count(*)::int as n from jobs where title = 'hijacked'`;
      expect(hijacked?.['n']).toBe(0);
    });

    it('refuses to write a row for another tenant (WITH CHECK)', async () => {
      const asA = <T>(fn: (tx: postgres.TransactionSql) => Promise<T>) =>
        appSql.begin(async (tx) => {
          await tx`select set_config('pressline.shop_id', ${a.shopId}, true)`;
          return fn(tx);
        });
      await expect(asA((tx) => tx`insert into orders ${tx(orderRow(b.shopId, '998'))}`)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
      // Moving one of A's own rows over to B is refused as well.
      await expect(asA((tx) => tx`update orders set shop_id = ${b.shopId} where shop_id = ${a.shopId} and name = '#1002'`)).rejects.toMatchObject({ code: '42501' });
      // The same insert for A itself goes through, so the refusal above is the tenant check.
      await asA((tx) => tx`insert into orders ${tx(orderRow(a.shopId, '997'))}`);
      const rows = await app.owner`select shop_id, external_id from orders where external_id in ('997', '998') order by external_id`;
      expect(rows.map((row) => [row['shop_id'], row['external_id']])).toEqual([[a.shopId, '997']]);
      const [moved] = await app.owner`select shop_id from orders where name = '#1002'`;
      expect(moved?.['shop_id']).toBe(a.shopId);
    });
  });
});
