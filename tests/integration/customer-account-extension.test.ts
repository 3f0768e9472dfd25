import { createShopifyAdminApi, createShopifyAuth } from '@pressline/connectors';
import { createFakeShopifyAdmin, signCustomerSessionToken, type FakeShopifyAdmin } from '@pressline/connectors/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReorderMenuItem } from '../../extensions/pressline-customer-account/src/order-action-menu-item.ts';
import { renderReorderModal } from '../../extensions/pressline-customer-account/src/order-action-modal.ts';
import { renderOrderStatusBlock } from '../../extensions/pressline-customer-account/src/order-status-block.ts';
import type { OrderActionModalApi, OrderStatusApi } from '../../extensions/pressline-customer-account/src/shopify-api.ts';
import { connectTestShop, importOrder, moveJob, recordShipmentVia, TO_READY } from '../support/backprop-flow.ts';
import type { BackpropPlatform } from '../support/backprop-platforms.ts';
import { TEST_SHOPIFY_SECRET } from '../support/constants.ts';
import { extensionRoot, getByRole, queryAllByRole, signal } from '../support/extension-host.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'account-press.myshopify.com';
const TOKEN = 'shpat_account';
const APP = { apiKey: 'pressline-test-app', apiSecretKey: TEST_SHOPIFY_SECRET, hostName: 'localhost:8787' };
const ADA = '5151';
const BEN = '5152';

/**
 * The extension's three targets rendered as Shopify would render them, with the `shopify`
 * API played by a small host whose session tokens are signed like Shopify's, calling the
 * real Pressline on loopback: token → storefront API → the order → what the customer sees.
 */
describe('the customer account extension against a running Pressline', () => {
  let fake: FakeShopifyAdmin;
  let msw: ReturnType<typeof setupServer>;
  let app: TestApp;
  let order: { gid: string; name: string; orderId: string };

  beforeAll(async () => {
    fake = await createFakeShopifyAdmin({ shopDomain: DOMAIN, accessToken: TOKEN, bucket: { maximumAvailable: 50_000, restoreRate: 5_000 } });
    msw = setupServer(...fake.handlers);
    msw.listen({ onUnhandledFrame: 'bypass' }); // the extension reaches Pressline on loopback
    const api = createShopifyAdminApi({ apiKey: 'test', apiSecretKey: 'test-secret', hostName: 'localhost', rateLimit: { maxRetries: 0 } });
    // No workers: the order is read by reconciliation here, and the scheduler would replan the ETA set below.
    app = await startTestApp({ workers: false, platformApis: { shopify: api }, shopifyAuth: createShopifyAuth(APP) });
    const platform = { platform: 'shopify', domain: DOMAIN, connection: { platform: 'shopify', shopDomain: DOMAIN, accessToken: TOKEN } } as BackpropPlatform;
    const shop = await connectTestShop(app, platform);

    const lines = [
      { id: '7100011', title: 'Business cards', quantity: 250, productId: '101', variantId: '2001', variantTitle: 'Matte', properties: [{ name: 'Paper', value: '400gsm' }] },
      { id: '7100012', title: 'Poster', quantity: 2, productId: '102', variantId: '2002', variantTitle: 'A2' },
    ];
    fake.seedOrder({ id: '7100001', name: '#A1001', currency: 'EUR', financialStatus: 'paid', email: 'ada@example.com', customer: { id: ADA, email: 'ada@example.com' }, lines });
    const imported = await importOrder(app, shop.shopId, platform, '7100001', lines.map((line) => line.id));
    const [cardsJob, posterJob] = imported.jobIds as [string, string];
    await moveJob(app, shop.shopId, cardsJob, TO_READY);
    await moveJob(app, shop.shopId, posterJob, ['preflight', 'approved', 'scheduled', 'in_production']);
    const shipped = await recordShipmentVia(app, shop.apiKey, {
      orderId: imported.orderId,
      carrier: 'UPS',
      trackingNumbers: ['1ZCARDS'],
      trackingUrl: 'https://track.example/ups/1ZCARDS',
      lines: [{ orderLineId: imported.lineIds[0], quantity: 250 }],
    });
    expect(shipped.errors).toBeUndefined();
    // The scheduler's ETA for the poster, as the plan would have written it.
    await app.owner`update orders set eta = '2026-12-03T15:00:00Z' where id = ${imported.orderId}`;
    order = { gid: 'gid://shopify/Order/7100001', name: '#A1001', orderId: imported.orderId };
  });
  afterAll(async () => {
    await app?.close();
    msw?.close();
  });

  /** What Shopify hands the extension as `shopify`, for one customer (null: not logged in) and order. */
  function host(customerId: string | null, options: { language?: string; orderGid?: string } = {}) {
    const calls = { tokens: 0, navigated: [] as string[], closed: 0, logins: 0 };
    let token = () => signCustomerSessionToken(DOMAIN, { ...APP, customerId });
    const gid = options.orderGid ?? order.gid;
    const api: OrderStatusApi & OrderActionModalApi = {
      sessionToken: {
        get: async () => {
          calls.tokens += 1;
          return token();
        },
      },
      localization: { language: signal({ isoCode: options.language ?? 'en' }), timezone: signal('UTC') },
      navigation: { navigate: (url) => void calls.navigated.push(url) },
      order: signal({ id: gid, name: order.name }),
      orderId: gid,
      requireLogin: async () => void (calls.logins += 1),
      close: () => void (calls.closed += 1),
    };
    return { api, calls, root: extensionRoot(), env: { presslineUrl: app.baseUrl }, expireTokens: () => (token = () => signCustomerSessionToken(DOMAIN, { ...APP, customerId, expiresInSeconds: -120 })) };
  }

  it('shows the logged-in customer where the order stands: status, ETA, current step, each line and the tracking link', async () => {
    const { api, calls, root, env } = host(ADA);
    await renderOrderStatusBlock(root, api, env);

    const section = getByRole(root, 'region', 'Production status · #A1001');
    // The order's status (one line shipped, one still printing) and the ETA lead the block.
    expect(section.text).toMatch(/^In production Expected Dec 3, 2026 Progress/);
    const steps = queryAllByRole(getByRole(section, 'list', /^Paid/), 'listitem').map((item) => item.text);
    expect(steps).toEqual([expect.stringMatching(/^Paid · /), expect.stringMatching(/^In production · .* Current step$/), 'Ready', 'Shipped', 'Delivered']);
    // Sorted: the API lists lines made in one transaction in no fixed order.
    const items = queryAllByRole(section, 'listitem', /×/).map((item) => item.text).sort();
    expect(items).toEqual(['Business cards (Matte) × 250: Shipped', 'Poster (A2) × 2: In production']);
    const track = getByRole(section, 'link', 'Track 1ZCARDS');
    expect(track.getAttribute('href')).toBe('https://track.example/ups/1ZCARDS');
    expect(calls.tokens).toBe(1);
  });

  it('speaks German in a German customer account', async () => {
    const { api, root, env } = host(ADA, { language: 'de-DE' });
    await renderOrderStatusBlock(root, api, env);
    const section = getByRole(root, 'region', 'Produktionsstatus · #A1001');
    expect(section.text).toContain('Voraussichtlich 03.12.2026');
    expect(getByRole(section, 'link', 'Sendung 1ZCARDS verfolgen').getAttribute('href')).toBe('https://track.example/ups/1ZCARDS');
    expect(queryAllByRole(section, 'listitem', /×/).map((item) => item.text).sort()).toEqual(['Business cards (Matte) × 250: Versendet', 'Poster (A2) × 2: In Produktion']);
  });

  it('asks a customer who is not logged in to log in, and shows nothing of the order', async () => {
    const { api, calls, root, env } = host(null);
    await renderOrderStatusBlock(root, api, env);
    expect(root.text).not.toContain('#A1001');
    getByRole(root, 'status', 'Production status');
    getByRole(root, 'button', 'Log in').click();
    expect(calls.logins).toBe(1);
  });

  it('shows another customer nothing of the order, not even its menu item', async () => {
    const ben = host(BEN);
    await renderOrderStatusBlock(ben.root, ben.api, ben.env);
    expect(ben.root.descendants()).toEqual([]);
    await renderReorderMenuItem(ben.root, ben.api, ben.env);
    expect(ben.root.descendants()).toEqual([]);
    expect(ben.calls.tokens).toBe(2);
  });

  it('offers no reorder for an order Pressline does not make', async () => {
    const { api, root, env } = host(ADA, { orderGid: 'gid://shopify/Order/999999' });
    await renderReorderMenuItem(root, api, env);
    expect(root.descendants()).toEqual([]);
    await renderOrderStatusBlock(root, api, env);
    expect(root.descendants()).toEqual([]);
  });

  it('reorders from the order action menu: the modal lists the items and takes the customer to the new checkout', async () => {
    const menu = host(ADA);
    await renderReorderMenuItem(menu.root, menu.api, menu.env);
    // One button with no href and no handler: Shopify opens the modal target with it.
    const button = getByRole(menu.root, 'button', 'Reorder');
    expect(button.getAttribute('href')).toBeNull();

    const { api, calls, root, env } = host(ADA);
    await renderReorderModal(root, api, env);
    const dialog = getByRole(root, 'dialog', 'Reorder #A1001');
    expect(queryAllByRole(dialog, 'listitem').map((item) => item.text).sort()).toEqual(['Business cards (Matte) × 250', 'Poster (A2) × 2']);
    expect(fake.draftOrders()).toHaveLength(0);

    const confirm = getByRole(dialog, 'button', 'Continue to checkout');
    expect(confirm.getAttribute('slot')).toBe('primary-action');
    confirm.click();
    confirm.click(); // a second click while it works does not make a second draft order
    await expect.poll(() => calls.navigated).toHaveLength(1);
    const [draft, ...others] = fake.draftOrders();
    expect(others).toEqual([]);
    expect(calls.navigated).toEqual([draft!.invoiceUrl]);
    expect(draft!.lines.map((line) => [line.title, line.quantity]).sort()).toEqual([
      ['Business cards', 250],
      ['Poster', 2],
    ]);
    expect(getByRole(dialog, 'link', 'Open the checkout').getAttribute('href')).toBe(draft!.invoiceUrl);

    getByRole(dialog, 'button', 'Cancel').click();
    expect(calls.closed).toBe(1);
  });

  it('says in the modal why a reorder failed, and goes nowhere', async () => {
    const { api, calls, root, env, expireTokens } = host(ADA, { language: 'de' });
    await renderReorderModal(root, api, env);
    const dialog = getByRole(root, 'dialog', '#A1001 erneut bestellen');
    const before = fake.draftOrders().length;
    expireTokens();
    getByRole(dialog, 'button', 'Weiter zur Kasse').click();
    await expect.poll(() => queryAllByRole(dialog, 'status')).toHaveLength(1);
    expect(getByRole(dialog, 'status').text).toBe('Die Nachbestellung konnte nicht vorbereitet werden: The Shopify session token is not valid');
    expect(calls.navigated).toEqual([]);
    expect(fake.draftOrders()).toHaveLength(before);
    // The customer can try again.
    expect(getByRole(dialog, 'button', 'Weiter zur Kasse').hasAttribute('loading')).toBe(false);
  });
});
