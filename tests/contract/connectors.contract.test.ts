import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { connectorBattery } from './connector-battery.ts';
import type { ConnectorHarness } from './connector-harness.ts';
import { startOdooHarness } from './harnesses/odoo.ts';
import { startShopifyHarness } from './harnesses/shopify.ts';
import { startWooCommerceHarness } from './harnesses/woocommerce.ts';

const connectors: { name: string; start: () => Promise<ConnectorHarness> }[] = [
  { name: 'Shopify (GraphQL Admin API)', start: startShopifyHarness },
  { name: 'WooCommerce (REST v3)', start: startWooCommerceHarness },
  { name: 'Odoo 17 (XML-RPC)', start: () => startOdooHarness({ version: 17 }) },
  { name: 'Odoo 19 (JSON-2)', start: () => startOdooHarness({ version: 19 }) },
];

describe.each(connectors)('the $name connector keeps the contract', ({ start }) => {
  // One msw server per connector; each test installs its own fresh stand-in's handlers.
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  connectorBattery(async () => {
    const harness = await start();
    server.use(...harness.handlers);
    return harness;
  });
});
