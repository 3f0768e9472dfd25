import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SCREEN = { width: 1024, height: 768 };

interface SavedMachine {
  id: string;
  name: string;
  processes: string[];
  materials: string[];
  maxSizeMm: unknown;
  timeFactor: number;
  calendar: unknown;
}

describe('the machines page of the merchant admin in a browser', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;

  const machines = async () => {
    const result = await app.graphql<{ machines: SavedMachine[] }>(apiKey, '{ machines { id name processes materials maxSizeMm timeFactor calendar } }');
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.machines;
  };
  const shift = (n: number) => page.getByRole('group', { name: `Shift ${n}` });
  const closed = (n: number) => page.getByRole('group', { name: `Closed period ${n}` });
  const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name} `) });

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    ({ apiKey } = await app.addShop('machines.myshopify.com'));
    for (const [name, family] of [['Business cards', 'cards'], ['Banners', 'banners']] as const) {
      const saved = await app.graphql<{ saveProductionProfile: { id: string } }>(apiKey, 'mutation ($name: String!) { saveProductionProfile(input: { name: $name, process: "digital_press", matches: [] }) { id } }', { name });
      expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
      const scheduled = await app.graphql(apiKey, 'mutation ($id: ID!, $family: String!) { setProfileScheduling(profileId: $id, input: { setupFamily: $family }) { id } }', { id: saved.data!.saveProductionProfile.id, family });
      expect(scheduled.errors, JSON.stringify(scheduled.errors)).toBeUndefined();
    }
    page = await browser.newPage({ viewport: SCREEN });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('adds a machine with a Mon–Fri 08:00–16:00 calendar and a closed period, saved exactly as entered', async () => {
    await page.goto(`${app.baseUrl}/app`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Machines' }).click();
    await page.getByRole('heading', { name: 'Machines' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/machines');
    await page.getByText('No machines yet: without one, no job is planned.').waitFor();

    await page.getByRole('button', { name: 'Add machine' }).click();
    await page.getByLabel('Machine name').fill('Press 9');
    await page.getByRole('group', { name: 'Processes' }).getByLabel('digital_press').check();
    await page.getByLabel('Materials (comma-separated; blank: any)').fill('coated, uncoated');
    await page.getByLabel('Max width (mm)').fill('330');
    await page.getByLabel('Max height (mm)').fill('488');
    await page.getByLabel('Time factor').fill('1.5');
    await page.getByLabel('Always working (no calendar)').uncheck();
    await page.getByLabel('Time zone (UTC offset)').selectOption({ label: 'UTC+01:00' });
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await shift(1).getByLabel(day).check();
    for (const day of ['Sat', 'Sun']) expect(await shift(1).getByLabel(day).isChecked()).toBe(false);
    await shift(1).getByLabel('From', { exact: true }).fill('08:00');
    await shift(1).getByLabel('To', { exact: true }).fill('16:00');
    // Keyboard only: the closed period row is added with Enter.
    await page.getByRole('button', { name: 'Add closed period' }).focus();
    await page.keyboard.press('Enter');
    await closed(1).getByLabel('Closed from').fill('2031-12-24T00:00');
    await closed(1).getByLabel('Closed until').fill('2031-12-27T00:00');
    await closed(1).getByLabel('Reason').fill('Christmas');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByText('Saved Press 9').waitFor();
    await row('Press 9').getByText('digital_press', { exact: true }).waitFor();
    await row('Press 9').getByText('1.5×', { exact: true }).waitFor();

    const [saved] = await machines();
    expect(saved).toMatchObject({ name: 'Press 9', processes: ['digital_press'], materials: ['coated', 'uncoated'], maxSizeMm: { width: 330, height: 488 }, timeFactor: 1.5 });
    expect(saved!.calendar).toEqual({
      utcOffsetMinutes: 60,
      shifts: [{ days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' }],
      closed: [{ from: '2031-12-24T00:00:00+01:00', to: '2031-12-27T00:00:00+01:00', reason: 'Christmas' }],
    });
    // Midnight in UTC+01:00 is 23:00 UTC the day before.
    expect(new Date((saved!.calendar as { closed: { from: string }[] }).closed[0]!.from).toISOString()).toBe('2031-12-23T23:00:00.000Z');
  });

  it('edits the machine: a refused time factor is named at its field and saves nothing, a good edit saves', async () => {
    await page.getByRole('button', { name: 'Edit Press 9' }).click();
    await page.getByRole('heading', { name: 'Edit Press 9' }).waitFor();
    // The form shows what was saved, in the calendar's local time.
    expect(await closed(1).getByLabel('Closed from').inputValue()).toBe('2031-12-24T00:00');
    expect(await page.getByLabel('Time zone (UTC offset)').inputValue()).toBe('60');
    await shift(1).getByLabel('From', { exact: true }).fill('07:00');
    await shift(1).getByLabel('To', { exact: true }).fill('15:00');
    await shift(1).getByLabel('Sat').check();
    await page.getByLabel('Capabilities (comma-separated)').fill('duplex');
    await page.getByLabel('Time factor').fill('500');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByText('Not saved: correct the marked fields.').waitFor();
    await page.getByText('must be at most 100', { exact: true }).waitFor();
    expect(await page.getByLabel('Time factor').getAttribute('aria-invalid')).toBe('true');
    expect((await machines())[0]).toMatchObject({ timeFactor: 1.5, calendar: { shifts: [{ days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' }] } });

    await page.getByLabel('Time factor').fill('1.25');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByText('Saved Press 9').waitFor();
    await row('Press 9').getByText('1.25×', { exact: true }).waitFor();
    const [edited] = await machines();
    expect(edited!.timeFactor).toBe(1.25);
    expect(edited!.calendar).toEqual({
      utcOffsetMinutes: 60,
      shifts: [{ days: [0, 1, 2, 3, 4, 5], from: '07:00', to: '15:00' }],
      closed: [{ from: '2031-12-24T00:00:00+01:00', to: '2031-12-27T00:00:00+01:00', reason: 'Christmas' }],
    });
  });

  it('sets a 15-minute changeover between two setup families of the production profiles', async () => {
    expect(await page.getByLabel('From cards to cards (same family)').isDisabled()).toBe(true);
    await page.getByLabel('Changeover from banners to cards (minutes)').fill('15');
    await page.getByRole('button', { name: 'Save changeover times' }).click();
    await page.getByText('Saved the changeover times').waitFor();
    const matrix = await app.graphql<{ setupMatrix: unknown }>(apiKey, '{ setupMatrix }');
    expect(matrix.data?.setupMatrix).toEqual({ banners: { cards: 15 } });
    await page.reload();
    expect(await page.getByLabel('Changeover from banners to cards (minutes)').inputValue()).toBe('15');
    expect(await page.getByLabel('Changeover from cards to banners (minutes)').inputValue()).toBe('');
  });

  it('refuses a shift that ends before it starts, or has no day, with a message at the field', async () => {
    await page.getByRole('button', { name: 'Edit Press 9' }).click();
    await shift(1).getByLabel('From', { exact: true }).fill('16:00');
    await shift(1).getByLabel('To', { exact: true }).fill('08:00');
    await page.getByRole('button', { name: 'Add shift' }).click();
    await shift(2).getByLabel('From', { exact: true }).fill('18:00');
    await shift(2).getByLabel('To', { exact: true }).fill('22:00');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByText('Not saved: correct the marked fields.').waitFor();
    await shift(1).getByText('Must be after From (tick "Ends the next day" for a night shift)').waitFor();
    await shift(2).getByText('Tick at least one day').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-machines.png'), fullPage: true });
    expect((await machines())[0]!.calendar).toMatchObject({ shifts: [{ days: [0, 1, 2, 3, 4, 5], from: '07:00', to: '15:00' }] });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Edit Press 9' }).waitFor({ state: 'detached' });
  });

  it('puts the machine into maintenance from the list', async () => {
    await page.getByLabel('State of Press 9').selectOption({ label: 'Maintenance' });
    await expect.poll(async () => (await app.graphql<{ machines: { state: string }[] }>(apiKey, '{ machines { state } }')).data?.machines[0]?.state).toBe('MAINTENANCE');
    await page.reload();
    expect(await page.getByLabel('State of Press 9').inputValue()).toBe('MAINTENANCE');
  });

  it('deletes the machine only once confirmed', async () => {
    await page.getByRole('button', { name: 'Delete Press 9' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Press 9?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await machines()).toHaveLength(1);

    // Keyboard only: open the confirmation and confirm it.
    await page.getByRole('button', { name: 'Delete Press 9' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Delete machine' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Deleted Press 9').waitFor();
    await row('Press 9').waitFor({ state: 'detached' });
    expect(await machines()).toEqual([]);
  });
});
