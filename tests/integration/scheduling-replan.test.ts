import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replanAllHandler } from '../../workers/src/handlers/plan-shop.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const HOUR = 3_600_000;
const JOB = 'query ($id: ID!) { job(id: $id) { plannedStart plannedEnd order { eta events { kind } } } }';

describe('the re-plan tick', () => {
  let app: TestApp;
  let apiKey: string;
  let idleShopId: string;
  let jobId: string;
  const gql = async <T>(query: string, variables?: Record<string, unknown>) => {
    const result = await app.graphql<T>(apiKey, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const job = () => gql<{ job: { plannedStart: string | null; plannedEnd: string | null; order: { eta: string | null; events: { kind: string }[] } } }>(JOB, { id: jobId }).then((data) => data.job);
  const waitingPlans = async (shopId?: string) => {
    const rows = shopId
      ? await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'plan-shop' and singleton_key = ${shopId}`
      : await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'plan-shop' and state in ('created', 'retry', 'active')`;
    return rows[0]!.n;
  };

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop('always-on.myshopify.com'));
    ({ shopId: idleShopId } = await app.addShop('no-machines.myshopify.com'));
    const profile = await gql<{ saveProductionProfile: { id: string } }>('mutation { saveProductionProfile(input: { name: "Posters", process: "digital_press", matches: [{ sku: "POSTER" }] }) { id } }');
    await gql('mutation ($id: ID!) { setProfileScheduling(profileId: $id, input: { timeModel: { setupMinutes: 10, minutesPerUnit: 1 } }) { id } }', { id: profile.saveProductionProfile.id });
    await gql('mutation { saveMachine(input: { name: "Press", processes: ["digital_press"] }) { id } }');
    const order = await gql<{ createManualOrder: { jobs: { id: string }[] } }>('mutation { createManualOrder(input: { customerName: "Tick Tom", items: [{ title: "Poster", sku: "POSTER", quantity: 30 }] }) { jobs { id } } }');
    jobId = order.createManualOrder.jobs[0]!.id;
    for (const to of ['preflight', 'approved', 'scheduled']) await gql('mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }', { id: jobId, to });
  }, 60_000);
  afterAll(() => app?.close());

  it('moves plans and ETAs forward when time passes with nothing else changing, and tells the order', async () => {
    const before = await eventually(async () => ((await waitingPlans()) === 0 ? ((await job()).plannedStart ? job() : undefined) : undefined), 20_000);
    // 10 + 1 × 30 minutes from when it was planned.
    expect(Date.parse(before.plannedEnd!) - Date.parse(before.plannedStart!)).toBe(40 * 60_000);

    // Six hours on and nothing has happened: the plan still says it starts at the old time.
    const later = Date.now() + 6 * HOUR;
    app.deps.clock = () => new Date(Date.now() + 6 * HOUR);
    expect((await job()).plannedStart).toBe(before.plannedStart);

    await replanAllHandler(app.deps)();
    const after = await eventually(async () => {
      const now = await job();
      return now.plannedStart && Date.parse(now.plannedStart) >= later - 60_000 ? now : undefined;
    }, 20_000);
    expect(Date.parse(after.plannedEnd!) - Date.parse(after.plannedStart!)).toBe(40 * 60_000);
    expect(Date.parse(after.order.eta!)).toBeGreaterThan(Date.parse(before.order.eta!) + 5 * HOUR);
    expect(after.order.events.filter((event) => event.kind === 'eta_changed').length).toBeGreaterThan(before.order.events.filter((event) => event.kind === 'eta_changed').length);
  });

  it('leaves shops without machines alone', async () => {
    await replanAllHandler(app.deps)();
    expect(await waitingPlans(idleShopId)).toBe(0);
  });
});
