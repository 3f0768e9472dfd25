import type { SimulatedOrder } from '@pressline/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, placeOrder } from '../support/orders.ts';
import { startTestApp, type GraphQLResult, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'query-works.myshopify.com';

const line = (id: string, title: string, sku: string, quantity = 1) => ({ id, title, sku, quantity });

// Sent in this order, one at a time: the API lists them newest first, so in reverse.
const ORDERS: SimulatedOrder[] = [
  { id: '6600000000000000001', name: '#5001', email: 'ada@lovelace.example', lines: [line('6610000000000000001', 'Business cards', 'BC-350')] },
  { id: '6600000000000000002', name: '#5002', email: 'grace@hopper.example', lines: [line('6610000000000000002', 'Roll labels', 'LBL-50R'), line('6610000000000000003', 'A2 poster', 'POS-A2')] },
  { id: '6600000000000000003', name: '#5003', email: 'linus@example.com', lines: [line('6610000000000000004', 'Phone stand', 'FDM-STAND')] },
  { id: '6600000000000000004', name: '#5004', email: 'ada@lovelace.example', lines: [line('6610000000000000005', 'Coasters', 'LSR-COAST', 4)] },
  { id: '6600000000000000005', name: '#5005', email: 'ken@example.com', lines: [line('6610000000000000006', 'Pendant', 'JWL-PEND')] },
  { id: '6600000000000000006', name: '#5006', email: 'barbara@example.com', lines: [line('6610000000000000007', 'Sticker sheet', 'STK-A4')] },
  { id: '6600000000000000007', name: '#5007', email: 'edsger@example.com', lines: [line('6610000000000000008', 'Flyers', 'FLY-A5', 200)] },
];
// Arrives paid but already cancelled on the storefront: stored, with no jobs.
const CANCELLED: SimulatedOrder = { id: '6600000000000000008', name: '#5008', email: 'margaret@example.com', lines: [line('6610000000000000009', 'Banner', 'BAN-3M')] };
const NEWEST_FIRST = [...ORDERS, CANCELLED].reverse().map((order) => order.name);

const ORDERS_PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      nodes { id name status customerEmail createdAt lines { sku } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const JOBS_PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $filter: JobFilter) {
    jobs(first: $first, after: $after, filter: $filter) {
      nodes { id number title dueAt stage { key } order { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type OrderNode = { id: string; name: string; status: string; customerEmail: string | null; createdAt: string; lines: { sku: string | null }[] };
type JobNode = { id: string; number: string; title: string; dueAt: string | null; stage: { key: string }; order: { name: string } | null };

describe('reading orders and jobs through GraphQL', () => {
  let app: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop(DOMAIN));
    for (const order of ORDERS) await placeOrder(app, DOMAIN, order);
    await placeOrder(app, DOMAIN, CANCELLED, { edit: (body) => body.replace('"cancelled_at":null', '"cancelled_at":"2026-01-02T10:00:00+00:00"') });
  });
  afterAll(() => app?.close());

  const orders = (variables: Record<string, unknown>) => app.graphql<{ orders: Page<OrderNode> }>(apiKey, ORDERS_PAGE, variables);
  const jobs = (variables: Record<string, unknown>) => app.graphql<{ jobs: Page<JobNode> }>(apiKey, JOBS_PAGE, variables);
  const orderNames = async (filter: Record<string, unknown>) => {
    const result = await orders({ first: 50, filter });
    expect(result.errors, JSON.stringify(filter)).toBeUndefined();
    return result.data!.orders.nodes.map((order) => order.name);
  };
  const jobNumbers = async (filter: Record<string, unknown>) => {
    const result = await jobs({ first: 50, filter });
    expect(result.errors, JSON.stringify(filter)).toBeUndefined();
    return result.data!.jobs.nodes.map((job) => job.number);
  };

  describe('orders', () => {
    it('pages through every order exactly once, newest first', async () => {
      for (const pageSize of [1, 3, 8, 50]) {
        const seen: OrderNode[] = [];
        let after: string | null = null;
        for (let pages = 1; ; pages++) {
          const result: GraphQLResult<{ orders: Page<OrderNode> }> = await orders({ first: pageSize, after });
          expect(result.errors).toBeUndefined();
          const page = result.data!.orders;
          expect(page.nodes.length).toBeLessThanOrEqual(pageSize);
          seen.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          expect(page.nodes).toHaveLength(pageSize);
          expect(page.pageInfo.endCursor).toEqual(expect.any(String));
          after = page.pageInfo.endCursor;
          expect(pages, 'pagination does not end').toBeLessThan(20);
        }
        expect(seen.map((order) => order.name), `page size ${pageSize}`).toEqual(NEWEST_FIRST);
        expect(new Set(seen.map((order) => order.id)).size).toBe(NEWEST_FIRST.length);
      }
    });

    it('says there is no next page on the last one, and an empty page past it', async () => {
      const all = await orders({ first: NEWEST_FIRST.length });
      expect(all.data!.orders.pageInfo.hasNextPage).toBe(false);
      const past = await orders({ first: 5, after: all.data!.orders.pageInfo.endCursor });
      expect(past.errors).toBeUndefined();
      expect(past.data!.orders).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('searches by order name, customer e-mail, SKU and line title, case-insensitively', async () => {
      expect(await orderNames({ search: '#5003' })).toEqual(['#5003']);
      expect(await orderNames({ search: 'ada@lovelace.example' })).toEqual(['#5004', '#5001']);
      expect(await orderNames({ search: 'GRACE@HOPPER' })).toEqual(['#5002']);
      expect(await orderNames({ search: 'POS-A2' })).toEqual(['#5002']);
      expect(await orderNames({ search: 'lsr-coast' })).toEqual(['#5004']);
      expect(await orderNames({ search: 'phone stand' })).toEqual(['#5003']);
      expect(await orderNames({ search: 'no such thing' })).toEqual([]);
      // LIKE wildcards are literal: "%" does not match everything.
      expect(await orderNames({ search: '%' })).toEqual([]);
      expect(await orderNames({ search: '_' })).toEqual([]);
    });

    it('filters by status and pages within a search', async () => {
      expect(await orderNames({ status: 'CANCELLED' })).toEqual(['#5008']);
      expect(await orderNames({ status: 'OPEN' })).toEqual(NEWEST_FIRST.filter((name) => name !== '#5008'));
      const first = await orders({ first: 1, filter: { search: 'ada@' } });
      expect(first.data!.orders.nodes.map((order) => order.name)).toEqual(['#5004']);
      expect(first.data!.orders.pageInfo.hasNextPage).toBe(true);
      const second = await orders({ first: 1, filter: { search: 'ada@' }, after: first.data!.orders.pageInfo.endCursor });
      expect(second.data!.orders.nodes.map((order) => order.name)).toEqual(['#5001']);
      expect(second.data!.orders.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('jobs', () => {
    let byNumber: Map<string, JobNode>;

    beforeAll(async () => {
      const result = await jobs({ first: 100 });
      byNumber = new Map(result.data!.jobs.nodes.map((job) => [job.number, job]));
      // Two jobs move on, and two get due dates: the filters below have something to tell apart.
      const move = (id: string, to: string) => app.graphql(apiKey, `mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }`, { id, to });
      for (const number of ['J-1002', 'J-1005']) expect((await move(byNumber.get(number)!.id, 'preflight')).errors).toBeUndefined();
      await app.owner`update jobs set due_at = '2030-01-10T12:00:00Z' where id = ${byNumber.get('J-1001')!.id}`;
      await app.owner`update jobs set due_at = '2030-02-10T12:00:00Z' where id = ${byNumber.get('J-1003')!.id}`;
    });

    it('lists every job once, in job-number order, across pages', async () => {
      const numbers: string[] = [];
      let after: string | null = null;
      do {
        const result: GraphQLResult<{ jobs: Page<JobNode> }> = await jobs({ first: 3, after });
        expect(result.errors).toBeUndefined();
        numbers.push(...result.data!.jobs.nodes.map((job) => job.number));
        after = result.data!.jobs.pageInfo.hasNextPage ? result.data!.jobs.pageInfo.endCursor : null;
      } while (after);
      // One job per line of the open orders; the cancelled one made none.
      expect(numbers).toEqual(['J-1001', 'J-1002', 'J-1003', 'J-1004', 'J-1005', 'J-1006', 'J-1007', 'J-1008']);
    });

    it('filters by stage', async () => {
      expect(await jobNumbers({ stage: 'preflight' })).toEqual(['J-1002', 'J-1005']);
      expect(await jobNumbers({ stage: 'received' })).toEqual(['J-1001', 'J-1003', 'J-1004', 'J-1006', 'J-1007', 'J-1008']);
      expect(await jobNumbers({ stage: 'shipped' })).toEqual([]);
    });

    it('finds a job by its number as operators type it, and jobs by order name or title', async () => {
      for (const typed of ['J-1002', 'j1002', '1002', '#J-1002']) expect(await jobNumbers({ search: typed }), typed).toEqual(['J-1002']);
      expect(await jobNumbers({ search: '#5002' })).toEqual(['J-1002', 'J-1003']);
      expect(await jobNumbers({ search: 'coasters' })).toEqual(['J-1005']);
      expect(await jobNumbers({ search: 'J-9999' })).toEqual([]);
    });

    it('filters by due date, leaving out jobs without one', async () => {
      expect(await jobNumbers({ dueBefore: '2030-01-15T00:00:00Z' })).toEqual(['J-1001']);
      expect(await jobNumbers({ dueBefore: '2030-03-01T00:00:00Z' })).toEqual(['J-1001', 'J-1003']);
      expect(await jobNumbers({ dueBefore: '2030-01-10T12:00:00Z' })).toEqual([]);
      expect(await jobNumbers({ dueBefore: '2030-03-01T00:00:00Z', stage: 'received' })).toEqual(['J-1001', 'J-1003']);
    });
  });

  describe('bad requests', () => {
    const bodies: string[] = [];
    const raw = async (query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResult<unknown>, 'status'>) };
    };
    const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

    it('answers an invalid cursor with BAD_REQUEST', async () => {
      const attempts: [string, string, string][] = [
        ['orders', 'garbage', 'not base64 JSON'],
        ['orders', cursor({ not: 'a list' }), 'not a list'],
        ['orders', cursor([1, 2]), 'wrong types'],
        ['orders', cursor(['yesterday', 'not-a-uuid']), 'well-formed list with values that are no timestamp or id'],
        ['jobs', 'garbage', 'not base64 JSON'],
        ['jobs', cursor(['1001']), 'a string where a number belongs'],
        ['jobs', cursor([1001.5]), 'a number that is no job number'],
      ];
      const answers: string[] = [];
      for (const [list, after, label] of attempts) {
        const result = await raw(list === 'orders' ? ORDERS_PAGE : JOBS_PAGE, { first: 2, after });
        answers.push(`${list}, ${label}: ${errorCodes(result).join(',') || 'no error'}`);
      }
      expect(answers).toEqual(attempts.map(([list, , label]) => `${list}, ${label}: BAD_REQUEST`));
    });

    it('answers first: 0 or a negative page size with BAD_REQUEST', async () => {
      for (const first of [0, -1]) {
        expect(errorCodes(await raw(ORDERS_PAGE, { first })), `orders first=${first}`).toEqual(['BAD_REQUEST']);
        expect(errorCodes(await raw(JOBS_PAGE, { first })), `jobs first=${first}`).toEqual(['BAD_REQUEST']);
      }
    });

    it('answers a malformed query with a validation error naming the problem', async () => {
      const unknownField = await raw('{ orders(first: 2) { nodes { name nope } } }');
      expect(unknownField.data).toBeUndefined();
      expect(unknownField.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "Order"/);
      const syntax = await raw('{ orders(first: 2) { nodes { name }');
      expect(syntax.errors?.[0]?.message).toMatch(/Syntax Error/);
      const badDate = await raw('{ jobs(first: 2, filter: { dueBefore: "next tuesday" }) { nodes { id } } }');
      expect(badDate.data).toBeUndefined();
      expect(badDate.errors?.[0]?.message).toMatch(/DateTime/);
    });

    it('never shows a stack trace, SQL or driver message in any of those answers', () => {
      expect(bodies.length).toBeGreaterThan(10);
      for (const body of bodies) {
        expect(body).not.toMatch(/postgres|drizzle|node_modules|\bat \S+ \(|\.ts:\d+|select |syntax for type|invalid input/i);
      }
    });
  });
});
