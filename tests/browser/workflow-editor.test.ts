import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const TABLET = { width: 1024, height: 768 };

interface SavedWorkflow {
  workflow: {
    stages: { key: string; label: string; category: string; customerStatus: string }[];
    transitions: { from: string | null; to: string | null; guards: string[]; actions: string[] }[];
  };
}
const WORKFLOW = '{ workflow { stages { key label category customerStatus } transitions { from to guards actions } } }';

describe('the workflow editor in a browser', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ workers: false }), launchChromium()]);
    ({ apiKey } = await app.addShop('laminate.myshopify.com'));
    page = await browser.newPage({ viewport: TABLET });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const serverWorkflow = async () => (await app.graphql<SavedWorkflow>(apiKey, WORKFLOW)).data!.workflow;
  const move = (from: string, to: string) => (rule: { from: string | null; to: string | null }) => rule.from === from && rule.to === to;

  it('adds a stage with a move into it and out of it, from the keyboard, and keeps it after a reload', async () => {
    await page.goto(`${app.baseUrl}/app`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Jobs per stage' }).waitFor();
    await page.goto(`${app.baseUrl}/app/workflow`);
    await page.getByRole('heading', { name: 'Allowed moves' }).waitFor();
    // The default workflow: 12 stages, 16 moves.
    await page.getByLabel('Stage 12 label').waitFor();
    expect(await page.getByLabel('Stage 13 label').count()).toBe(0);

    await page.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => page.getByLabel('Stage 13 label').evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Laminating');
    expect(await page.getByLabel('Stage 13 key').inputValue()).toBe('laminating');
    await page.getByLabel('Stage 13 category').selectOption('active');
    await page.getByLabel('Stage 13 customer status').selectOption('in_production');

    await page.getByRole('button', { name: 'Add move' }).click();
    await expect.poll(() => page.getByLabel('Move 17 from').evaluate((field) => field === document.activeElement)).toBe(true);
    await page.getByLabel('Move 17 from').selectOption({ label: 'Post-processing' });
    await page.getByLabel('Move 17 to').selectOption({ label: 'Laminating' });
    await page.getByRole('button', { name: 'Add move' }).click();
    await page.getByLabel('Move 18 from').selectOption({ label: 'Laminating' });
    await page.getByLabel('Move 18 to').selectOption({ label: 'Quality check' });
    await page.getByRole('group', { name: 'Move 18 actions' }).getByLabel('Push status').check();
    // The advanced view shows the same workflow.
    expect(await page.getByLabel('Workflow (JSON)').inputValue()).toContain('"to": "laminating"');
    // Every control fits on a 1024 px wide screen: none is cut off at the right.
    const rightmost = await page.evaluate(() => Math.max(...[...document.querySelectorAll('table, button, select, input, textarea')].map((element) => element.getBoundingClientRect().right)));
    expect(rightmost).toBeLessThanOrEqual(TABLET.width);

    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('Workflow saved').waitFor();
    const saved = await serverWorkflow();
    expect(saved.stages.at(-1)).toEqual({ key: 'laminating', label: 'Laminating', category: 'active', customerStatus: 'in_production' });
    expect(saved.transitions.find(move('post_processing', 'laminating'))).toMatchObject({ guards: [], actions: [] });
    expect(saved.transitions.find(move('laminating', 'quality_check'))).toMatchObject({ guards: [], actions: ['pushStatus'] });

    await page.reload();
    await expect.poll(() => page.getByLabel('Stage 13 label').inputValue()).toBe('Laminating');
    // A saved stage keeps its key: it is shown, not editable.
    expect(await page.getByLabel('Stage 13 key').count()).toBe(0);
    expect(await page.locator('tr', { has: page.getByLabel('Stage 13 label') }).locator('code').textContent()).toBe('laminating');
    expect(await page.getByLabel('Move 17 to').inputValue()).toBe('stage:laminating');
    expect(await page.getByRole('group', { name: 'Move 18 actions' }).getByLabel('Push status').isChecked()).toBe(true);
  });

  it('refuses to save once the only move into a stage is removed, naming the stage, and the server keeps its workflow', async () => {
    const before = await serverWorkflow();
    const remove = page.getByRole('button', { name: 'Remove move 17: Post-processing to Laminating' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await remove.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('Not saved: no move leads to "laminating" any more, so no job could reach it.').waitFor();
    await page.getByText('No move leads to this stage').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'workflow-editor.png'), fullPage: true });
    expect(await serverWorkflow()).toEqual(before);
    expect(before.transitions.some(move('post_processing', 'laminating'))).toBe(true);
  });

  it('names the row of a move the server refuses, and shows removed stages on the moves that still name them', async () => {
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Remove move 17: Post-processing to Laminating' }).waitFor();
    const before = await serverWorkflow();

    // A done stage may not lead back into production: only the API knows that rule.
    await page.getByRole('button', { name: 'Add move' }).click();
    await page.getByLabel('Move 19 from').selectOption({ label: 'Shipped' });
    await page.getByLabel('Move 19 to').selectOption({ label: 'Laminating' });
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('Not saved: the workflow is not valid.').waitFor();
    await page.getByText('Move 19: done stage "shipped" may only move to another done stage, not "laminating"').waitFor();
    expect(await serverWorkflow()).toEqual(before);

    // Removing the stage leaves its moves pointing at nothing: each says so before anything is sent.
    await page.getByRole('button', { name: 'Remove move 19: Shipped to Laminating' }).click();
    await page.getByRole('button', { name: 'Remove stage 13 (Laminating)' }).click();
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('Not saved: 2 fields need fixing.').waitFor();
    await page.getByText('Move 17 to: "laminating" is not a stage any more').waitFor();
    await page.getByText('Move 18 from: "laminating" is not a stage any more').waitFor();
    expect(await page.getByLabel('Move 17 to').inputValue()).toBe('stage:laminating');
    expect(await serverWorkflow()).toEqual(before);
  });

  it("shows the server's refusal to remove a stage a job sits in, and keeps the stage", async () => {
    const ordered = await app.graphql(apiKey, 'mutation { createManualOrder(input: { customerName: "Gloss Gloria", items: [{ title: "Menu cards", quantity: 40 }] }) { id } }');
    expect(ordered.errors, JSON.stringify(ordered.errors)).toBeUndefined();
    const jobs = await app.graphql<{ jobs: { nodes: { id: string }[] } }>(apiKey, '{ jobs(first: 1) { nodes { id } } }');
    const id = jobs.data!.jobs.nodes[0]!.id;
    for (const to of ['preflight', 'approved', 'scheduled', 'in_production', 'post_processing', 'laminating']) {
      const moved = await app.graphql(apiKey, 'mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }', { id, to });
      expect(moved.errors, `${to}: ${JSON.stringify(moved.errors)}`).toBeUndefined();
    }
    const before = await serverWorkflow();

    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Remove move 18: Laminating to Quality check' }).click();
    await page.getByRole('button', { name: 'Remove move 17: Post-processing to Laminating' }).click();
    await page.getByRole('button', { name: 'Remove stage 13 (Laminating)' }).click();
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText('Not saved: Jobs are still in stages this workflow removes: laminating. Move them first.').waitFor();
    expect(await serverWorkflow()).toEqual(before);
  });
});
