import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SMALL_SCREEN = { width: 1024, height: 768 };

interface SavedProfile {
  id: string;
  name: string;
  material: string | null;
  finishing: string | null;
  overrides: Record<string, unknown>;
  matches: { sku: string | null; productExternalId: string | null; variantExternalId: string | null }[];
}

describe('the profile editor and the split and gang rules page in a browser', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ apiKey } = await app.addShop('rules.myshopify.com'));
    for (const [name, process, sku] of [['Business cards', 'digital_press', 'BC-1'], ['Stickers', 'label_roll', 'ST-1'], ['Old flyers', 'digital_press', 'FL-OLD']]) {
      const saved = await app.graphql(apiKey, 'mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id } }', { input: { name, process, matches: [{ sku }] } });
      expect(saved.errors).toBeUndefined();
    }
    page = await browser.newPage({ viewport: SMALL_SCREEN });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const profiles = async () => (await app.graphql<{ productionProfiles: SavedProfile[] }>(apiKey, '{ productionProfiles { id name material finishing overrides matches { sku productExternalId variantExternalId } } }')).data!.productionProfiles;
  const profileNamesOnPage = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('th, td')?.textContent ?? ''));

  it('signs in with an API key', async () => {
    await page.goto(`${app.baseUrl}/app`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Jobs per stage' }).waitFor();
  });

  it("edits a profile's material, finishing, matches, accepted file kinds and page count", async () => {
    await page.getByRole('link', { name: 'Production profiles' }).click();
    await page.getByRole('button', { name: 'Edit Business cards' }).click();
    await page.getByLabel('Material').fill('350gsm silk');
    await page.getByLabel('Finishing').fill('matte laminate');
    await page.getByRole('button', { name: 'Add match' }).click();
    await page.getByLabel('Match 2 product id').fill('8800');
    await page.getByLabel('Match 2 variant id').fill('8801');
    await page.getByLabel('pdf', { exact: true }).check();
    await page.getByLabel('tiff', { exact: true }).check();
    await page.getByLabel('Pages at least').fill('1');
    await page.getByLabel('Pages at most').fill('2');
    await page.getByLabel('Fonts must be embedded').selectOption('no');
    // Print rules only: no cutting or 3D fields for a digital press.
    expect(await page.getByLabel('Widest cut line (mm)').count()).toBe(0);
    expect(await page.getByLabel('Models must be watertight').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-profile-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved Business cards').waitFor();
    await page.getByRole('row', { name: /^Business cards digital_press 350gsm silk matte laminate no SKU BC-1; product 8800 \+ variant 8801/ }).waitFor();

    const cards = (await profiles()).find((profile) => profile.name === 'Business cards');
    expect(cards).toMatchObject({
      material: '350gsm silk',
      finishing: 'matte laminate',
      overrides: { acceptedKinds: ['pdf', 'tiff'], pages: { min: 1, max: 2 }, requireEmbeddedFonts: false },
      matches: [
        { sku: 'BC-1', productExternalId: null, variantExternalId: null },
        { sku: null, productExternalId: '8800', variantExternalId: '8801' },
      ],
    });
  });

  it('shows the rules of the chosen process and refuses a bad page range naming the field', async () => {
    await page.getByRole('button', { name: 'Edit Business cards' }).click();
    await page.getByLabel('Pages at least').fill('3');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/^Not saved: .*rules\.pages: min must not exceed max/).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Process').selectOption('laser');
    await page.getByLabel('Widest cut line (mm)').waitFor();
    await page.getByLabel('Material thickness limit (mm)').waitFor();
    expect(await page.getByLabel('Pages at least').count()).toBe(0);
    await page.getByLabel('Process').selectOption('sla');
    await page.getByLabel('Models must be watertight').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await profiles()).find((profile) => profile.name === 'Business cards')?.overrides).toMatchObject({ pages: { min: 1, max: 2 } });
  });

  it('deletes a profile after asking, and moves one up', async () => {
    await page.getByRole('button', { name: 'Delete Old flyers' }).click();
    await page.getByText('Delete Old flyers?').waitFor();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await profiles()).map((profile) => profile.name)).toContain('Old flyers');

    await page.getByRole('button', { name: 'Delete Old flyers' }).click();
    await page.getByRole('button', { name: 'Yes, delete Old flyers' }).click();
    await page.getByText('Deleted Old flyers').waitFor();
    await page.getByRole('button', { name: 'Edit Old flyers' }).waitFor({ state: 'detached' });
    expect((await profiles()).map((profile) => profile.name)).toEqual(['Business cards', 'Stickers']);

    expect(await page.getByRole('button', { name: 'Move Business cards up' }).isDisabled()).toBe(true);
    // By keyboard: the move button is reached and pressed without a mouse.
    await page.getByRole('button', { name: 'Move Stickers up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(profileNamesOnPage).toEqual(['Stickers', 'Business cards']);
    expect((await profiles()).map((profile) => profile.name)).toEqual(['Stickers', 'Business cards']);
  });

  it('saves a per-unit split rule for a SKU, and a new order of 3 becomes 3 jobs', async () => {
    await page.getByRole('link', { name: 'Split and gang rules' }).click();
    await page.getByText('No rules: every line is one job.').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 1 SKU').fill('FLY');
    await page.getByLabel('Rule 1 max units per job').fill('0');
    await page.getByText('Max units per job must be a whole number of at least 1').waitFor();
    await page.getByLabel('Rule 1 max units per job').fill('1000');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 2 SKU').fill('MUG');
    await page.getByLabel('Rule 2 mode').selectOption('per_unit');
    expect(await page.getByLabel('Rule 2 max units per job').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Rule 3 SKU').fill('TEMP');
    await page.getByRole('button', { name: 'Remove rule 3' }).click();
    await page.getByRole('button', { name: 'Move rule 2 up' }).click();
    expect(await page.getByLabel('Rule 1 SKU').inputValue()).toBe('MUG');
    expect(await page.getByLabel('Rule 2 SKU').inputValue()).toBe('FLY');
    await page.getByRole('button', { name: 'Save split rules' }).click();
    await page.getByText('Split rules saved: new orders are split by them').waitFor();

    const rules = await app.graphql<{ splitRules: unknown[] }>(apiKey, '{ splitRules { match { sku productExternalId variantExternalId } mode maxUnitsPerJob } }');
    expect(rules.data?.splitRules).toEqual([
      { match: { sku: 'MUG', productExternalId: null, variantExternalId: null }, mode: 'per_unit', maxUnitsPerJob: null },
      { match: { sku: 'FLY', productExternalId: null, variantExternalId: null }, mode: 'per_line', maxUnitsPerJob: 1000 },
    ]);

    const order = await app.graphql<{ createManualOrder: { jobs: { title: string }[] } }>(
      apiKey,
      'mutation { createManualOrder(input: { customerName: "Mia Mugs", items: [{ title: "Photo mug", quantity: 3, sku: "MUG" }] }) { jobs { title } } }',
    );
    expect(order.errors).toBeUndefined();
    expect(order.data!.createManualOrder.jobs.map((job) => job.title).sort()).toEqual(['Photo mug (1 of 3)', 'Photo mug (2 of 3)', 'Photo mug (3 of 3)']);
  });

  it('saves the gang rules with stages of the workflow', async () => {
    await page.getByLabel('Gang jobs due within (days)').fill('3');
    await page.getByLabel('Rush jobs').selectOption('exclude');
    await page.getByLabel('Rush tag').fill('urgent');
    await page.getByLabel('Stage when a run is planned').selectOption({ label: 'Approved' });
    await page.getByLabel('Stage when a run is finished').selectOption({ label: 'Quality check' });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-rules.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save gang rules' }).click();
    await page.getByText('Gang rules saved').waitFor();
    const saved = await app.graphql<{ gangRules: unknown }>(apiKey, '{ gangRules { windowDays rush rushTag plannedStage runningStage finishedStage } }');
    expect(saved.data?.gangRules).toEqual({ windowDays: 3, rush: 'exclude', rushTag: 'urgent', plannedStage: 'approved', runningStage: 'in_production', finishedStage: 'quality_check' });
  });
});
