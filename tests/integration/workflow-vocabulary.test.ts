import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const VOCABULARY = '{ workflowVocabulary { guards { key description } actions { key description } categories customerStatuses } }';
const UPDATE = 'mutation ($input: WorkflowInput!) { updateWorkflow(input: $input) { initialStage } }';

interface Vocabulary {
  guards: { key: string; description: string }[];
  actions: { key: string; description: string }[];
  categories: string[];
  customerStatuses: string[];
}

/** Every category and customer status once, every guard and action on one move each. */
function workflowUsing(vocabulary: Pick<Vocabulary, 'guards' | 'actions'>) {
  return {
    initialStage: 'new',
    stages: [
      { key: 'new', label: 'New', category: 'queued', customerStatus: 'received' },
      { key: 'proofing', label: 'Proofing', category: 'queued', customerStatus: 'in_review' },
      { key: 'printing', label: 'Printing', category: 'active', customerStatus: 'in_production' },
      { key: 'packed', label: 'Packed', category: 'active', customerStatus: 'ready' },
      { key: 'paused', label: 'Paused', category: 'hold', customerStatus: 'on_hold' },
      { key: 'sent', label: 'Sent', category: 'done', customerStatus: 'shipped' },
      { key: 'closed', label: 'Closed', category: 'done', customerStatus: 'completed' },
      { key: 'dropped', label: 'Dropped', category: 'cancelled', customerStatus: 'cancelled' },
    ],
    transitions: [
      { from: 'new', to: 'proofing' },
      { from: 'proofing', to: 'printing', guards: vocabulary.guards.map((guard) => guard.key) },
      { from: 'printing', to: 'packed' },
      { from: 'packed', to: 'sent', actions: vocabulary.actions.map((action) => action.key) },
      { from: 'sent', to: 'closed' },
      { fromCategories: ['queued', 'active'], to: 'paused' },
      { from: 'paused', toCategories: ['queued', 'active'] },
      { fromCategories: ['queued', 'active', 'hold'], to: 'dropped' },
    ],
  };
}

describe('the workflow vocabulary an editor builds its choices from', () => {
  let app: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    app = await startTestApp({ workers: false });
    ({ apiKey } = await app.addShop('vocabulary-print.myshopify.com'));
  });
  afterAll(() => app?.close());

  it('lists each guard and action with what it does, the categories and the customer statuses', async () => {
    const result = await app.graphql<{ workflowVocabulary: Vocabulary }>(apiKey, VOCABULARY);
    expect(result.errors).toBeUndefined();
    const vocabulary = result.data!.workflowVocabulary;
    expect(vocabulary.guards.map((guard) => guard.key)).toEqual(['noPreflightErrors', 'allItemsShipped']);
    expect(vocabulary.actions.map((action) => action.key)).toEqual(['notifyCustomer', 'pushStatus', 'createFulfillment']);
    expect(vocabulary.guards.find((guard) => guard.key === 'allItemsShipped')?.description).toMatch(/shipment/);
    expect(vocabulary.actions.find((action) => action.key === 'pushStatus')?.description).toMatch(/storefront/);
    for (const term of [...vocabulary.guards, ...vocabulary.actions]) expect(term.description.length, term.key).toBeGreaterThan(20);
    expect(vocabulary.categories).toEqual(['queued', 'active', 'hold', 'done', 'cancelled']);
    expect(vocabulary.customerStatuses).toEqual(['received', 'in_review', 'in_production', 'ready', 'shipped', 'completed', 'on_hold', 'cancelled']);
  });

  it('names exactly what updateWorkflow accepts', async () => {
    const vocabulary = (await app.graphql<{ workflowVocabulary: Vocabulary }>(apiKey, VOCABULARY)).data!.workflowVocabulary;
    const input = workflowUsing(vocabulary);
    // The workflow uses every listed category and status, and nothing else.
    expect(new Set(input.stages.map((stage) => stage.category))).toEqual(new Set(vocabulary.categories));
    expect(new Set(input.stages.map((stage) => stage.customerStatus))).toEqual(new Set(vocabulary.customerStatuses));
    const saved = await app.graphql(apiKey, UPDATE, { input });
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();

    const unlisted = workflowUsing({ guards: [...vocabulary.guards, { key: 'paidInFull', description: '' }], actions: vocabulary.actions });
    const refused = await app.graphql(apiKey, UPDATE, { input: unlisted });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(refused.errors?.[0]?.message).toMatch(/transitions\[1\]\.guards\[2\]: must be one of noPreflightErrors, allItemsShipped/);
  });

  it('is not shown without a credential', async () => {
    const response = await fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: VOCABULARY }) });
    expect(response.status).toBe(401);
  });
});
