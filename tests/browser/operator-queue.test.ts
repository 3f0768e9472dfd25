import { join } from 'node:path';
import { createShopifyAuth, signWooCommerceToken } from '@pressline/connectors';
import { addShop } from '@pressline/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { businessCardPdf } from '../support/card-pdf.ts';
import { cubeStl } from '../support/design-files.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const TABLET = { width: 1024, height: 768 };

describe('the operator queue page in a browser', () => {
  let app: TestApp;
  let apiKey: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ shopifyAuth: createShopifyAuth({ apiKey: 'pressline-test-app', apiSecretKey: 'test-shopify-app-secret', hostName: 'localhost:8787' }) }), launchChromium()]);
    ({ apiKey } = await app.addShop('floor.myshopify.com'));
    page = await browser.newPage({ viewport: TABLET });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const lane = (name: string) => page.getByRole('region', { name: `${name} lane` });
  const move = (stage: string) => page.getByRole('button', { name: `Move to ${stage}` });
  const jobId = async (number: string) => {
    const result = await app.graphql<{ jobs: { nodes: { id: string; number: string }[] } }>(apiKey, `{ jobs(first: 5, filter: { search: "${number}" }) { nodes { id number } } }`);
    return result.data!.jobs.nodes.find((job) => job.number === number)!.id;
  };

  it('serves the page with its own content policy, and asks for a credential without one', async () => {
    const response = await page.goto(`${app.baseUrl}/ops`);
    const policy = response!.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await page.getByLabel('API key').fill('pk_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Invalid API key').waitFor();
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Production queue' }).waitFor();
  });

  it('asks for a credential on any merchant page opened without one', async () => {
    const fresh = await browser.newContext({ viewport: TABLET });
    const other = await fresh.newPage();
    other.setDefaultTimeout(10_000);
    await other.goto(`${app.baseUrl}/app/machines`);
    await other.getByLabel('API key').fill(apiKey);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Machines' }).waitFor();
    await fresh.close();
  });

  it('creates a manual job and shows it on the board, rush first', async () => {
    await page.getByRole('button', { name: 'New manual job' }).click();
    await page.getByLabel('Customer name').fill('Walk-in Wanda');
    await page.getByRole('textbox', { name: /^Item 1\b/ }).fill('Vinyl banner 2×1 m');
    await page.getByRole('spinbutton', { name: 'Quantity 1' }).fill('3');
    await page.getByLabel('Due date').fill('2031-03-14');
    await page.getByLabel('Rush').check();
    await page.getByRole('button', { name: 'Create job' }).click();
    await lane('Queued').getByRole('button', { name: /^Job J-1001, Vinyl banner.*rush, Received$/ }).waitFor();

    // A second, ordinary job from the phone goes below the rush one.
    const phoned = await app.graphql(apiKey, 'mutation { createManualOrder(input: { customerName: "Phone Phil", items: [{ title: "Flyers A5", quantity: 500 }], dueAt: "2031-03-01T10:00:00Z" }) { id } }');
    expect(phoned.errors).toBeUndefined();
    await lane('Queued').getByRole('button', { name: /^Job J-1002/ }).waitFor();
    const order = await lane('Queued').locator('.job-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-job-number')));
    expect(order).toEqual(['J-1001', 'J-1002']);
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-board.png'), fullPage: true });
  });

  it('offers only legal moves, moves the job through its stages, records a shipment and ships it', async () => {
    await lane('Queued').getByRole('button', { name: /^Job J-1001/ }).click();
    await page.getByRole('heading', { name: 'Job J-1001' }).waitFor();
    await move('Preflight').waitFor();
    // From Received the job may not jump ahead.
    for (const illegal of ['Shipped', 'Completed', 'Ready for pickup/shipping', 'In production']) expect(await move(illegal).count(), illegal).toBe(0);

    for (const stage of ['Preflight', 'Approved', 'Scheduled', 'In production', 'Post-processing', 'Quality check', 'Ready for pickup/shipping']) {
      await move(stage).click();
      await page.getByRole('button', { name: `Move to ${stage}` }).waitFor({ state: 'detached' });
    }
    await move('Completed').waitFor();
    // Shipping needs a recorded shipment first.
    expect(await move('Shipped').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-job-detail.png'), fullPage: true });

    await page.getByLabel('Carrier').fill('UPS');
    await page.getByLabel('Tracking number').fill('1Z999AA10123456784');
    await page.getByRole('button', { name: 'Record shipment' }).click();
    await move('Shipped').click();
    await move('Shipped').waitFor({ state: 'detached' });
    await page.getByText('Shipped', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Queue' }).click();
    await lane('Queued').getByRole('button', { name: /^Job J-1002/ }).waitFor();
    // Shipped jobs leave the board.
    await page.getByRole('button', { name: /^Job J-1001/ }).waitFor({ state: 'detached' });
    const shipments = await app.owner<{ carrier: string }[]>`select carrier from shipments`;
    expect(shipments.map((row) => row.carrier)).toEqual(['UPS']);
  });

  it('shows a change made by another client without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const id = await jobId('J-1002');
    const moved = await app.graphql(apiKey, 'mutation ($id: ID!) { transitionJob(id: $id, to: "on_hold", note: "paper out") { id } }', { id });
    expect(moved.errors).toBeUndefined();
    await page.getByRole('region', { name: 'On hold' }).getByRole('button', { name: /^Job J-1002/ }).waitFor();
    expect(await lane('Queued').getByRole('button', { name: /^Job J-1002/ }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('remembers the list view', async () => {
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByRole('button', { name: 'Open job J-1002' }).waitFor();
    await page.reload();
    // Keyboard only: the job opens from the list.
    await page.getByRole('button', { name: 'Open job J-1002' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Job J-1002' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Board' }).click();
  });

  it('shows the merchant overview', async () => {
    await page.goto(`${app.baseUrl}/app`);
    await page.getByRole('heading', { name: 'Jobs per stage' }).waitFor();
    await page.getByText('On hold', { exact: true }).first().waitFor();
    await page.getByText('J-1002 · Flyers A5 · at risk').or(page.getByText('Everything is on time.')).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-overview.png'), fullPage: true });
  });

  it("opens inside wp-admin with the plugin's launch token, framed only by that WordPress site", async () => {
    const secret = 'woo-webhook-secret-for-launch';
    const woo = await addShop(app.deps, {
      platform: 'woocommerce',
      domain: 'print.example.com',
      connection: { platform: 'woocommerce', siteUrl: 'https://print.example.com', consumerKey: 'ck_x', consumerSecret: 'cs_x', webhookSecret: secret },
    });
    const launchToken = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'admin', userId: '1' }, secret, expiresAt: new Date(Date.now() + 300_000) });
    const embedded = await browser.newPage({ viewport: TABLET });
    embedded.setDefaultTimeout(10_000);
    const response = await embedded.goto(`${app.baseUrl}/app?shopId=${woo.id}&launchToken=${launchToken}`);
    expect(response!.headers()['content-security-policy']).toContain('frame-ancestors https://print.example.com;');
    await embedded.getByRole('heading', { name: 'Jobs per stage' }).waitFor();
    await embedded.getByText('Everything is on time.').waitFor();
    // The token leaves the address bar once exchanged for a session.
    expect(embedded.url()).not.toContain('launchToken');
    await embedded.close();
  });

  it("loads App Bridge with the app's client id only when opened inside Shopify admin", async () => {
    const embedded = await fetch(`${app.baseUrl}/app?shop=floor.myshopify.com&host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZmxvb3I`);
    const html = await embedded.text();
    expect(html).toContain('<meta name="shopify-api-key" content="pressline-test-app" />');
    expect(html).toContain('<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>');
    expect(embedded.headers.get('content-security-policy')).toContain('frame-ancestors https://floor.myshopify.com https://admin.shopify.com;');
    const standalone = await (await fetch(`${app.baseUrl}/app`)).text();
    expect(standalone).not.toContain('app-bridge.js');
  });

  it('shows the machines and lets the operator mark one down', async () => {
    const saved = await app.graphql<{ saveMachine: { id: string } }>(apiKey, 'mutation { saveMachine(input: { name: "Press 1", processes: ["digital_press"] }) { id } }');
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
    await page.goto(`${app.baseUrl}/ops`);
    await page.getByRole('button', { name: 'Machines' }).click();
    await page.getByRole('button', { name: 'Mark Press 1 down' }).click();
    await page.getByRole('button', { name: 'Mark Press 1 up' }).waitFor();
    const machine = await app.graphql<{ machine: { state: string } }>(apiKey, 'query ($id: ID!) { machine(id: $id) { state } }', { id: saved.data!.saveMachine.id });
    expect(machine.data?.machine.state).toBe('DOWN');
    await page.getByRole('button', { name: 'Board' }).click();
  });

  it('shows orders, reports and a notification template preview in the merchant admin', async () => {
    await page.goto(`${app.baseUrl}/app/orders`);
    await page.getByRole('button', { name: 'J-1001 (Shipped)' }).waitFor();
    await page.getByLabel('Search orders').fill('Phone Phil');
    await page.getByRole('button', { name: 'J-1001 (Shipped)' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^J-1002/ }).waitFor();
    await page.getByLabel('Status').selectOption('CANCELLED');
    await page.getByRole('button', { name: /^J-1002/ }).waitFor({ state: 'detached' });
    await page.getByLabel('Status').selectOption('OPEN');
    await page.getByLabel('Search orders').fill('');

    // The shipped order: its job, the shipment with tracking, and one timeline of order and job events.
    await page.getByRole('button', { name: 'Open order M-1001' }).click();
    await page.getByRole('heading', { name: 'Order M-1001' }).waitFor();
    const job = page.getByRole('region', { name: 'Job J-1001' });
    await job.getByText('Vinyl banner 2×1 m').waitFor();
    await job.getByText('Shipped', { exact: true }).waitFor();
    await page.getByRole('rowheader', { name: 'UPS' }).or(page.getByRole('cell', { name: 'UPS' })).first().waitFor();
    await page.getByText('1Z999AA10123456784', { exact: true }).waitFor();
    const timeline = page.getByRole('list', { name: 'Order timeline' });
    await timeline.getByText(/ · J-1001 · received → preflight · /).waitFor();
    await timeline.getByText(/ · J-1001 · ready → shipped · /).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-order-detail.png'), fullPage: true });
    await page.getByRole('button', { name: 'Open job J-1001' }).click();
    await page.getByRole('heading', { name: 'Job J-1001' }).waitFor();

    await page.goto(`${app.baseUrl}/app/reports`);
    await page.getByRole('heading', { name: 'Time in stage' }).waitFor();
    await page.getByText('1 of 1 finished jobs on time').or(page.getByText(/finished jobs on time/)).first().waitFor();
    // J-1001 went through every stage: each has a bar, and the period can be changed.
    await page.getByRole('list', { name: 'Median time in stage' }).getByText('In production', { exact: true }).waitFor();
    await page.getByLabel('Period').selectOption('7');
    await page.getByRole('list', { name: 'Median time in stage' }).getByText('In production', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-reports.png'), fullPage: true });

    await page.goto(`${app.baseUrl}/app/notifications`);
    await page.getByLabel('Customer status').selectOption('shipped');
    await page.getByLabel('Subject').fill('Your order {{ order.name }} is on its way');
    await page.getByLabel('Body').fill('Hello {{ customer.name }}, order {{ order.name }} has shipped.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Your order M-100\d is on its way/).waitFor();
    await page.getByText(/order M-100\d has shipped\./).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved the shipped template').waitFor();
  });

  it('uploads design files to a job, shows their preview and preflight result, and accepts a warning', async () => {
    await page.goto(`${app.baseUrl}/ops/jobs/${await jobId('J-1002')}`);
    await page.getByRole('heading', { name: 'Job J-1002' }).waitFor();
    await page.getByLabel('Upload a design file').setInputFiles({ name: 'card.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await businessCardPdf(0.3)) });
    await page.getByRole('img', { name: 'Preview of card.pdf' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Upload a design file').setInputFiles({ name: 'inside-out.stl', mimeType: 'model/stl', buffer: Buffer.from(cubeStl(20, { inverted: true })) });
    const accept = page.getByRole('button', { name: /^Accept warning: / });
    await accept.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-job-files.png'), fullPage: true });
    await accept.click();
    await page.getByText(/^Accepted: /).waitFor();
    const files = await app.graphql<{ job: { files: { name: string; preflight: { warnings: unknown[]; accepted: { code: string }[] } }[] } }>(
      apiKey,
      'query ($id: ID!) { job(id: $id) { files { name preflight { warnings { code } accepted { code } } } } }',
      { id: await jobId('J-1002') },
    );
    const stl = files.data!.job.files.find((file) => file.name === 'inside-out.stl')!;
    expect(stl.preflight.accepted.map((finding) => finding.code)).toEqual(['mesh.inside_out']);
    expect(stl.preflight.warnings).toEqual([]);
  });

  it('records where the piece is, shows it on the board and finds the job by it', async () => {
    await page.goto(`${app.baseUrl}/ops/jobs/${await jobId('J-1002')}`);
    await page.getByText('Location not set').waitFor();
    await page.getByLabel('Location', { exact: true }).fill('Shelf B3');
    await page.getByLabel('Location', { exact: true }).press('Enter');
    await page.getByText('At Shelf B3', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText(/location changed · .* · at Shelf B3$/).waitFor();
    // A second place; the first is then offered with one tap.
    await page.getByLabel('Location', { exact: true }).fill('Dryer 2');
    await page.getByRole('button', { name: 'Save location' }).click();
    await page.getByText('At Dryer 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Put it at Shelf B3' }).click();
    await page.getByText('At Shelf B3', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Queue' }).click();
    const card = page.getByRole('button', { name: /^Job J-1002/ });
    await card.getByText('At Shelf B3').waitFor();
    await page.getByLabel('Search jobs').fill('shelf b3');
    await card.waitFor();
    await page.getByLabel('Search jobs').fill('dryer');
    await card.waitFor({ state: 'detached' });
    await page.getByLabel('Search jobs').fill('');
  });

  it('lists production profiles and refuses a workflow that strands its stages, with the reason', async () => {
    const profile = await app.graphql(apiKey, 'mutation { saveProductionProfile(input: { name: "Business cards", process: "digital_press", matches: [{ sku: "BC-1" }] }) { id } }');
    expect(profile.errors, JSON.stringify(profile.errors)).toBeUndefined();
    await page.goto(`${app.baseUrl}/app/profiles`);
    await page.getByText('SKU BC-1').waitFor();

    await page.goto(`${app.baseUrl}/app/workflow`);
    await page.getByRole('heading', { name: 'Allowed moves' }).waitFor();
    const draft = JSON.parse(await page.getByLabel('Workflow (JSON)').inputValue()) as { transitions: { from?: string; to?: string }[] };
    // Without the move into quality_check, nothing reaches it (or ready after it).
    draft.transitions = draft.transitions.filter((rule) => rule.to !== 'quality_check');
    await page.getByLabel('Workflow (JSON)').fill(JSON.stringify(draft));
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await page.getByText(/^Not saved: no move leads to "quality_check", "ready", /).waitFor();
    const workflow = await app.graphql<{ workflow: { transitions: { to: string | null }[] } }>(apiKey, '{ workflow { transitions { to } } }');
    expect(workflow.data!.workflow.transitions.some((rule) => rule.to === 'quality_check')).toBe(true);
  });

  it('edits a production profile, refuses a bad rule naming its field, and creates a 3D profile with its build volume', async () => {
    await page.goto(`${app.baseUrl}/app/profiles`);
    await page.getByRole('button', { name: 'Edit Business cards' }).click();
    await page.getByLabel('Trim width (mm)').fill('85');
    await page.getByLabel('Trim height (mm)').fill('55');
    await page.getByLabel('Minimum bleed (mm)').fill('-1');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/^Not saved: .*rules\.minBleedMm: /).waitFor();

    await page.getByLabel('Minimum bleed (mm)').fill('2');
    await page.getByLabel('Minimum image ppi').fill('200');
    await page.getByLabel('Colour mode').selectOption('cmyk');
    await page.getByLabel('Gang runs: several jobs may share one sheet').check();
    await page.getByLabel('Setup minutes').fill('10');
    await page.getByLabel('Minutes per unit').fill('0.5');
    await page.screenshot({ path: join(SCREENSHOTS, 'app-profile-editor.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved Business cards').waitFor();
    await page.getByRole('row', { name: /^Business cards digital_press .* yes SKU BC-1/ }).waitFor();

    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Profile name').fill('Figurines');
    await page.getByLabel('Process').selectOption('fdm');
    // Empty fields say what they mean for the chosen process.
    await page.getByLabel('Models must be watertight').getByRole('option', { name: 'Process default (yes)' }).waitFor({ state: 'attached' });
    await page.getByLabel('Match 1 SKU').fill('FIG-S');
    await page.getByRole('button', { name: 'Add match' }).click();
    await page.getByLabel('Match 2 SKU').fill('FIG-M');
    await page.getByLabel('Build volume X (mm)').fill('200');
    await page.getByLabel('Build volume Y (mm)').fill('200');
    await page.getByLabel('Build volume Z (mm)').fill('180');
    await page.getByLabel('Build volume Z (mm)').press('Tab');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved Figurines').waitFor();
    await page.getByRole('row', { name: /^Figurines fdm .*SKU FIG-S; SKU FIG-M/ }).waitFor();

    type Saved = { name: string; overrides: Record<string, unknown>; gangable: boolean; timeModel: unknown; matches: { sku: string }[] };
    const saved = await app.graphql<{ productionProfiles: Saved[] }>(apiKey, '{ productionProfiles { name overrides gangable timeModel matches { sku } } }');
    const byName = new Map(saved.data!.productionProfiles.map((profile) => [profile.name, profile]));
    expect(byName.get('Business cards')).toMatchObject({ overrides: { trimMm: { width: 85, height: 55 }, minBleedMm: 2, minPpi: 200, colorMode: 'cmyk' }, gangable: true, timeModel: { setupMinutes: 10, minutesPerUnit: 0.5 } });
    expect(byName.get('Figurines')).toMatchObject({ overrides: { buildVolumeMm: { x: 200, y: 200, z: 180 } }, gangable: false, timeModel: null, matches: [{ sku: 'FIG-S' }, { sku: 'FIG-M' }] });
  });

  it('adds an outgoing webhook, shows its secret once, and removes it', async () => {
    await page.goto(`${app.baseUrl}/app/webhooks`);
    await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/hooks');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText(/^Webhook added\. Its signing secret \(shown only now\): \S+/).waitFor();
    await page.getByRole('button', { name: 'Remove webhook http://127.0.0.1:9/hooks' }).click();
    await page.getByRole('button', { name: 'Remove webhook http://127.0.0.1:9/hooks' }).waitFor({ state: 'detached' });
    const left = await app.graphql<{ webhookSubscriptions: unknown[] }>(apiKey, '{ webhookSubscriptions { id } }');
    expect(left.data?.webhookSubscriptions).toEqual([]);
  });

  it('creates an API key that is shown once and works, lists it by its hint, and revokes it', async () => {
    await page.goto(`${app.baseUrl}/app/api-keys`);
    await page.getByLabel('Key name').fill('ERP sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Copy it now: it is shown only this once.').waitFor();
    const key = await page.getByLabel('New API key').inputValue();
    expect((await app.graphql(key, '{ apiKeys { id } }')).status).toBe(200);
    const row = page.getByRole('row', { name: /^ERP sync / });
    await row.getByText('no', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'app-api-keys.png'), fullPage: true });

    // Keyboard only: the revoke button is reachable and works with Enter.
    await page.getByRole('button', { name: 'Revoke key ERP sync' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Revoke key ERP sync' }).waitFor({ state: 'detached' });
    expect(await row.getByText('no', { exact: true }).count()).toBe(0);
    expect((await app.graphql(key, '{ apiKeys { id } }')).status).toBe(401);
    // The page's own key still works.
    await page.reload();
    await page.getByRole('row', { name: /^ERP sync / }).waitFor();
    expect(await page.getByLabel('New API key').count()).toBe(0);
  });

  it('pins a job to a machine from its detail page, shows the pin, and unpins it from the keyboard', async () => {
    const press = await app.graphql<{ saveMachine: { id: string } }>(apiKey, 'mutation { saveMachine(input: { name: "Press 2", processes: ["digital_press"] }) { id } }');
    expect(press.errors, JSON.stringify(press.errors)).toBeUndefined();
    const id = await jobId('J-1002');
    await page.goto(`${app.baseUrl}/ops/jobs/${id}`);
    await page.getByText('Not pinned: the scheduler picks the machine.', { exact: true }).waitFor();
    await page.getByLabel('Pin to machine').selectOption({ label: 'Press 2' });
    await page.getByRole('button', { name: 'Pin', exact: true }).click();
    await page.getByText('Pinned to Press 2', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-job-pin.png'), fullPage: true });
    const pinned = await app.graphql<{ job: { pinnedMachine: { id: string } | null } }>(apiKey, 'query ($id: ID!) { job(id: $id) { pinnedMachine { id } } }', { id });
    expect(pinned.data?.job.pinnedMachine?.id).toBe(press.data!.saveMachine.id);

    await page.getByRole('button', { name: 'Unpin from Press 2' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Not pinned: the scheduler picks the machine.', { exact: true }).waitFor();
    const unpinned = await app.graphql<{ job: { pinnedMachine: unknown } }>(apiKey, 'query ($id: ID!) { job(id: $id) { pinnedMachine { id } } }', { id });
    expect(unpinned.data?.job.pinnedMachine).toBeNull();
  });

  it('takes a counter order with several items, SKUs and a design file, which goes to its job and through preflight', async () => {
    await page.goto(`${app.baseUrl}/ops`);
    await page.getByRole('button', { name: 'New manual job' }).click();
    await page.getByLabel('Customer name').fill('Counter Carla');
    await page.getByRole('textbox', { name: /^Item 1\b/ }).fill('Business cards');
    await page.getByRole('textbox', { name: 'SKU 1', exact: true }).fill('BC-1');
    await page.getByRole('spinbutton', { name: 'Quantity 1' }).fill('250');
    await page.getByLabel('Design file 1').setInputFiles({ name: 'carla-card.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await businessCardPdf(0.5)) });
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('textbox', { name: 'Item 2', exact: true }).fill('Door sign');
    await page.getByRole('spinbutton', { name: 'Quantity 2' }).fill('1');
    await page.getByRole('button', { name: 'Create job' }).click();
    await page.getByRole('button', { name: /^Job J-\d+, Business cards/ }).waitFor();
    await page.getByRole('button', { name: /^Job J-\d+, Door sign/ }).waitFor();

    const result = await app.graphql<{ orders: { nodes: { lines: { sku: string | null; quantity: number }[]; jobs: { title: string; files: { name: string; role: string }[] }[] }[] } }>(
      apiKey,
      '{ orders(first: 1, filter: { search: "Counter Carla" }) { nodes { lines { sku quantity } jobs { title files { name role } } } } }',
    );
    const order = result.data!.orders.nodes[0]!;
    expect(order.lines.map((line) => [line.sku, line.quantity]).sort((a, b) => Number(b[1]) - Number(a[1]))).toEqual([['BC-1', 250], [null, 1]]);
    const files = Object.fromEntries(order.jobs.map((job) => [job.title, job.files]));
    expect(files['Business cards']).toEqual([{ name: 'carla-card.pdf', role: 'design' }]);
    expect(files['Door sign']).toEqual([]);

    // On the card's job, a proof for the customer joins the design file.
    await page.getByRole('button', { name: /^Job J-\d+, Business cards/ }).click();
    await page.getByRole('img', { name: 'Preview of carla-card.pdf' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Upload a proof for the customer').setInputFiles({ name: 'proof.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await businessCardPdf(0.5)) });
    await page.getByText('proof.pdf (proof)').waitFor();
  });
});
