import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, jobsOf, placeOrder } from '../support/orders.ts';
import { startTestApp, type GraphQLResult, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'stage-door-print.myshopify.com';

// One job per line: each test takes jobs of its own, so none depends on another's moves.
const ORDER = {
  id: '5500000000000000001',
  name: '#3001',
  email: 'ops@example.com',
  lines: Array.from({ length: 12 }, (_, i) => ({ id: `55100000000000000${String(i + 10)}`, title: `Item ${i + 1}`, quantity: i + 1, sku: `SKU-${i + 1}` })),
};

const JOB_QUERY = /* GraphQL */ `
  query ($id: ID!) {
    job(id: $id) { id stage { key } nextStages { key } events { at actor kind from to note } }
  }
`;

const TRANSITION = /* GraphQL */ `
  mutation ($id: ID!, $to: String!, $note: String) {
    transitionJob(id: $id, to: $to, note: $note) { id stage { key label } nextStages { key } events { actor kind from to note } }
  }
`;

interface JobEvent {
  at?: string;
  actor: string;
  kind: string;
  from: string | null;
  to: string;
  note: string | null;
}

interface JobView {
  id: string;
  stage: { key: string };
  nextStages: { key: string }[];
  events: JobEvent[];
}

describe('moving jobs through the workflow', () => {
  let app: TestApp;
  let apiKey: string;
  let freeJobs: string[];

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop(DOMAIN));
    await placeOrder(app, DOMAIN, ORDER);
    const shopId = (await app.owner<{ id: string }[]>`select id from shops where domain = ${DOMAIN}`)[0]!.id;
    freeJobs = (await jobsOf(app, shopId)).map((job) => job.id);
    expect(freeJobs).toHaveLength(ORDER.lines.length);
  });
  afterAll(() => app?.close());

  const takeJob = () => {
    const id = freeJobs.shift();
    if (!id) throw new Error('out of jobs: add lines to ORDER');
    return id;
  };
  const view = async (id: string) => {
    const result = await app.graphql<{ job: JobView | null }>(apiKey, JOB_QUERY, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.job!;
  };
  const move = (id: string, to: string, note?: string) =>
    app.graphql<{ transitionJob: JobView & { stage: { key: string; label: string } } }>(apiKey, TRANSITION, { id, to, note: note ?? null });
  const moveOk = async (id: string, to: string, note?: string) => {
    const result = await move(id, to, note);
    expect(result.errors, `→ ${to}`).toBeUndefined();
    expect(result.data?.transitionJob.stage.key).toBe(to);
    return result.data!.transitionJob;
  };
  const eventRows = (id: string) => app.owner`select * from job_events where job_id = ${id} order by id`;
  const stageOf = async (id: string) => (await app.owner<{ stage_key: string }[]>`select stage_key from jobs where id = ${id}`)[0]?.stage_key;
  const expectRefused = async (result: GraphQLResult<unknown>, code: string) => {
    expect(errorCodes(result)).toEqual([code]);
    expect(result.data ?? null).toBeNull();
    return result.errors![0]!;
  };

  it('offers exactly the default workflow’s moves out of "received" for a new job', async () => {
    const job = await view(takeJob());
    expect(job.stage.key).toBe('received');
    expect(job.nextStages.map((stage) => stage.key)).toEqual(['preflight', 'on_hold', 'cancelled']);
    expect(job.events).toEqual([{ at: expect.any(String), actor: 'system:intake', kind: 'created', from: null, to: 'received', note: null }]);
  });

  it('refuses an illegal jump with ILLEGAL_TRANSITION and the allowed stages, changing nothing', async () => {
    const id = takeJob();
    const before = await eventRows(id);
    const error = await expectRefused(await move(id, 'shipped', 'skip ahead'), 'ILLEGAL_TRANSITION');
    expect(error.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'received', to: 'shipped', allowed: ['preflight', 'on_hold', 'cancelled'] });
    expect(error.message).toContain('Shipped');
    expect(await stageOf(id)).toBe('received');
    expect(await eventRows(id)).toEqual(before);
  });

  it('makes a legal move and records exactly one audit event with actor, from, to and note', async () => {
    const id = takeJob();
    const before = await view(id);
    const moved = await moveOk(id, 'preflight', 'files look complete');
    expect(moved.stage).toEqual({ key: 'preflight', label: 'Preflight' });
    expect(moved.nextStages.map((stage) => stage.key)).toEqual(['received', 'approved', 'on_hold', 'cancelled']);
    const after = await view(id);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events.slice(0, -1)).toEqual(before.events);
    expect(after.events.at(-1)).toEqual({ at: expect.any(String), actor: 'api-key:test', kind: 'transition', from: 'received', to: 'preflight', note: 'files look complete' });
    expect(await eventRows(id)).toHaveLength(before.events.length + 1);
  });

  it('resumes a held job to the stage it was held from, and to no other', async () => {
    const id = takeJob();
    await moveOk(id, 'preflight');
    await moveOk(id, 'approved');
    const held = await moveOk(id, 'on_hold', 'customer asked to wait');
    expect(held.nextStages.map((stage) => stage.key)).toEqual(['approved', 'cancelled']);

    for (const elsewhere of ['received', 'preflight', 'scheduled', 'in_production']) {
      const error = await expectRefused(await move(id, elsewhere), 'ILLEGAL_TRANSITION');
      expect(error.extensions?.['allowed']).toEqual(['approved', 'cancelled']);
      expect(await stageOf(id)).toBe('on_hold');
    }
    const resumed = await moveOk(id, 'approved', 'go ahead');
    expect(resumed.events.slice(-2).map((event) => [event.from, event.to, event.note])).toEqual([
      ['approved', 'on_hold', 'customer asked to wait'],
      ['on_hold', 'approved', 'go ahead'],
    ]);
    // Holding again from the next stage remembers the new stage, not the old one.
    await moveOk(id, 'scheduled');
    expect((await moveOk(id, 'on_hold')).nextStages.map((stage) => stage.key)).toEqual(['scheduled', 'cancelled']);
  });

  it('refuses ready → shipped while nothing has shipped (guard), and leaves it out of nextStages', async () => {
    const id = takeJob();
    for (const stage of ['preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'quality_check', 'ready']) await moveOk(id, stage);
    const ready = await view(id);
    expect(ready.nextStages.map((stage) => stage.key)).toEqual(['completed', 'on_hold', 'cancelled']);
    const before = await eventRows(id);

    const error = await expectRefused(await move(id, 'shipped'), 'ILLEGAL_TRANSITION');
    expect(error.extensions).toMatchObject({ from: 'ready', to: 'shipped', reason: 'guard_failed', allowed: ['completed', 'on_hold', 'cancelled'] });
    expect(error.message).toMatch(/not shipped yet/);
    expect(await stageOf(id)).toBe('ready');
    expect(await eventRows(id)).toEqual(before);
  });

  it('refuses an unknown stage key with ILLEGAL_TRANSITION', async () => {
    const id = takeJob();
    const error = await expectRefused(await move(id, 'printing'), 'ILLEGAL_TRANSITION');
    expect(error.extensions).toMatchObject({ reason: 'unknown_stage', allowed: ['preflight', 'on_hold', 'cancelled'] });
    expect(error.message).toContain('printing');
    expect(await stageOf(id)).toBe('received');
  });

  it('answers a job id that is not a job id with a clear error, and an unknown one with NOT_FOUND', async () => {
    for (const badId of ['J-1001', '1001', 'not-a-uuid', '']) {
      const error = await expectRefused(await move(badId, 'preflight'), 'BAD_REQUEST');
      expect(error.message, badId).toBe('Invalid job id');
    }
    await expectRefused(await move(randomUUID(), 'preflight'), 'NOT_FOUND');
    // Reading by such an id is simply "no such job".
    const read = await app.graphql<{ job: null }>(apiKey, JOB_QUERY, { id: 'J-1001' });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ job: null });
  });

  it('lets exactly one of several concurrent identical moves through, writing one event', async () => {
    for (let round = 0; round < 3; round++) {
      const id = takeJob();
      const before = (await eventRows(id)).length;
      const results = await Promise.all(Array.from({ length: 4 }, (_, i) => move(id, 'preflight', `attempt ${i}`)));
      const succeeded = results.filter((result) => !result.errors);
      expect(succeeded, `round ${round}`).toHaveLength(1);
      for (const refused of results.filter((result) => result.errors)) {
        expect(errorCodes(refused)).toEqual(['ILLEGAL_TRANSITION']);
        expect(refused.errors![0]!.extensions?.['from']).toBe('preflight');
      }
      const rows = await eventRows(id);
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toMatchObject({ from_stage: 'received', to_stage: 'preflight' });
      expect(await stageOf(id)).toBe('preflight');
    }
  });

  it('refuses a move made on a stale view when the caller says which stage it saw', async () => {
    const id = takeJob();
    const stale = /* GraphQL */ `
      mutation ($id: ID!, $to: String!, $seen: String) { transitionJob(id: $id, to: $to, expectedStage: $seen) { stage { key } } }
    `;
    // Two operators look at the job in "received"; one sends it to preflight, the other puts it on hold.
    const [first, second] = await Promise.all([
      app.graphql(apiKey, stale, { id, to: 'preflight', seen: 'received' }),
      app.graphql(apiKey, stale, { id, to: 'on_hold', seen: 'received' }),
    ]);
    const results = [first!, second!];
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.flatMap((result) => errorCodes(result))).toEqual(['CONFLICT']);
    expect((await eventRows(id)).filter((row) => row.kind === 'transition')).toHaveLength(1);
  });

  describe('the audit trail is append-only', () => {
    let appSql: postgres.Sql;
    let shopId: string;
    let jobId: string;

    beforeAll(async () => {
      appSql = postgres(app.database.appUrl, { max: 1, onnotice: () => {} });
      shopId = (await app.owner<{ id: string }[]>`select id from shops where domain = ${DOMAIN}`)[0]!.id;
      jobId = takeJob();
      await moveOk(jobId, 'preflight', 'original note');
    });
    afterAll(() => appSql?.end());

    const asTenant = <T>(fn: (tx: postgres.TransactionSql) => Promise<T>) =>
      appSql.begin(async (tx) => {
        await tx`select set_config('pressline.shop_id', ${shopId}, true)`;
        return fn(tx);
      });

    it('refuses UPDATE and DELETE on job_events by the app role in its own tenant, and keeps the rows', async () => {
      const before = await eventRows(jobId);
      expect(before).toHaveLength(2);
      // The tenant can read its events, so a refusal below is not just invisibility.
      expect(await asTenant((tx) => tx`select id from job_events where job_id = ${jobId}`)).toHaveLength(2);
      await expect(asTenant((tx) => tx`update job_events set note = 'rewritten' where job_id = ${jobId}`)).rejects.toMatchObject({ code: '42501' });
      await expect(asTenant((tx) => tx`delete from job_events where job_id = ${jobId}`)).rejects.toMatchObject({ code: '42501' });
      expect(await eventRows(jobId)).toEqual(before);
    });

    it('refuses them even to the owner', async () => {
      const before = await eventRows(jobId);
      await expect(app.owner`update job_events set note = 'rewritten' where job_id = ${jobId}`).rejects.toMatchObject({ message: expect.stringContaining('append-only') });
      await expect(app.owner`delete from job_events where job_id = ${jobId}`).rejects.toMatchObject({ message: expect.stringContaining('append-only') });
      expect(await eventRows(jobId)).toEqual(before);
      expect((await view(jobId)).events.at(-1)?.note).toBe('original note');
    });
  });
});
