import { sendShopifyOrder } from '@pressline/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const UPDATE = /* GraphQL */ `
  mutation ($input: WorkflowInput!) {
    updateWorkflow(input: $input) { initialStage stages { key label } transitions { from to fromCategories toCategories guards actions } }
  }
`;

const JOBS = /* GraphQL */ `
  { jobs(first: 50) { nodes { id number stage { key label } nextStages { key } } } }
`;

const SMALL_SHOP = {
  initialStage: 'new',
  stages: [
    { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
    { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
    { key: 'done', label: 'Done', category: 'done', customerStatus: 'completed' },
    { key: 'cancelled', label: 'Cancelled', category: 'cancelled', customerStatus: 'cancelled' },
  ],
  transitions: [
    { from: 'new', to: 'printing' },
    { from: 'printing', to: 'done', actions: ['notifyCustomer'] },
    { fromCategories: ['queued', 'active'], to: 'cancelled' },
  ],
};

interface JobsData {
  jobs: { nodes: { id: string; number: string; stage: { key: string; label: string }; nextStages: { key: string }[] }[] };
}

describe('a shop runs its own workflow', () => {
  let app: TestApp;
  let shop: { shopId: string; apiKey: string };
  let other: { shopId: string; apiKey: string };
  const domain = 'small-batch.myshopify.com';

  beforeAll(async () => {
    app = await startTestApp();
    shop = await app.addShop(domain);
    other = await app.addShop('other-shop.myshopify.com');
  });
  afterAll(() => app.close());

  it('puts new jobs in its first stage and allows only its own moves', async () => {
    const saved = await app.graphql<{ updateWorkflow: { initialStage: string; transitions: unknown[] } }>(shop.apiKey, UPDATE, { input: SMALL_SHOP });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.updateWorkflow.initialStage).toBe('new');
    expect(saved.data?.updateWorkflow.transitions).toContainEqual({ from: null, to: 'cancelled', fromCategories: ['queued', 'active'], toCategories: null, guards: [], actions: [] });

    await sendShopifyOrder({
      baseUrl: app.baseUrl,
      secret: app.secret,
      shopDomain: domain,
      webhookId: 'wf-1',
      order: { id: '5001', name: '#5001', lines: [{ id: '9001', title: 'Tote bag print', quantity: 20 }] },
    });
    const job = await eventually(async () => (await app.graphql<JobsData>(shop.apiKey, JOBS)).data?.jobs.nodes[0]);
    expect(job.stage).toEqual({ key: 'new', label: 'New' });
    expect(job.nextStages.map((s) => s.key)).toEqual(['printing', 'cancelled']);

    const skip = await app.graphql(shop.apiKey, `mutation { transitionJob(id: "${job.id}", to: "done") { id } }`);
    expect(skip.errors?.[0]?.extensions?.['code']).toBe('ILLEGAL_TRANSITION');
    const move = await app.graphql<{ transitionJob: { stage: { key: string } } }>(shop.apiKey, `mutation { transitionJob(id: "${job.id}", to: "printing") { stage { key } } }`);
    expect(move.data?.transitionJob.stage.key).toBe('printing');
  });

  it("leaves other shops on the default workflow", async () => {
    const workflow = await app.graphql<{ workflow: { initialStage: string; stages: { key: string }[] } }>(other.apiKey, '{ workflow { initialStage stages { key } } }');
    expect(workflow.data?.workflow.initialStage).toBe('received');
    expect(workflow.data?.workflow.stages).toHaveLength(12);
  });

  it('refuses an invalid workflow with the problems named, and keeps the old one', async () => {
    const badKey = { ...SMALL_SHOP, stages: [...SMALL_SHOP.stages, { key: 'Bad Key', label: 'x', category: 'queued', customerStatus: 'received' }] };
    const result = await app.graphql(shop.apiKey, UPDATE, { input: badKey });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(result.errors?.[0]?.message).toMatch(/stages\[4\]\.key.*snake_case/);
    const noStart = await app.graphql(shop.apiKey, UPDATE, { input: { ...SMALL_SHOP, initialStage: 'nowhere' } });
    expect(noStart.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(noStart.errors?.[0]?.message).toMatch(/initialStage/);
    const both = await app.graphql(shop.apiKey, UPDATE, { input: { ...SMALL_SHOP, transitions: [{ from: 'new', fromCategories: ['queued'], to: 'done' }] } });
    expect(both.errors?.[0]?.message).toMatch(/transitions\[0\]\.from: give a stage key or categories, not both/);
    const current = await app.graphql<{ workflow: { initialStage: string } }>(shop.apiKey, '{ workflow { initialStage } }');
    expect(current.data?.workflow.initialStage).toBe('new');
  });

  it('refuses to remove a stage a job is in', async () => {
    const withoutPrinting = {
      initialStage: 'new',
      stages: SMALL_SHOP.stages.filter((stage) => stage.key !== 'printing'),
      transitions: [{ from: 'new', to: 'done' }, { fromCategories: ['queued'], to: 'cancelled' }],
    };
    const result = await app.graphql(shop.apiKey, UPDATE, { input: withoutPrinting });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('printing');
  });
});
