// Stand-ins of the platforms for tests (msw handlers) and the signers that play the
// platforms' part. Only tests import this entry: it loads msw, a development dependency.
export { createFakeShopifyOAuth, type FakeShopifyOAuth } from './shopify/testing/fake-shopify-oauth.ts';
export { signCustomerSessionToken, type CustomerSessionTokenOptions } from './shopify/testing/session-token.ts';
export {
  createFakeShopifyAdmin,
  type FakeAdminRequest,
  type FakeDraftOrder,
  type FakeFulfillment,
  type FakeFulfillmentOrder,
  type FakeOrder,
  type FakeOrderLineSeed,
  type FakeOrderSeed,
  type FakeRequestKind,
  type FakeShopifyAdmin,
  type FakeShopifyAdminOptions,
} from './shopify/testing/fake-shopify-admin.ts';
export { signWooCommerceWebhook, buildWooCommercePing, wooCommerceJson, type SignWooCommerceWebhookOptions } from './woocommerce/testing/sign-webhook.ts';
export {
  createFakeWooCommerce,
  type FakeWooCommerce,
  type FakeWooCommerceOptions,
  type FakeWooRequest,
  type FakeWooOrder,
  type FakeOrderNote,
} from './woocommerce/testing/fake-woocommerce.ts';
export { buildOdooWebhook, type OdooWebhook, type OdooWebhookOptions } from './odoo/testing/build-webhook.ts';
export {
  createFakeOdoo,
  type FakeOdoo,
  type FakeOdooOptions,
  type FakeOdooRequest,
  type FakeOdooSaleOrder,
  type FakeOdooPicking,
  type FakeOdooMessage,
  type FakeOdooOrderSeed,
  type FakeOdooLineSeed,
  type FakeOdooPartnerSeed,
} from './odoo/testing/fake-odoo.ts';
export type { FakeWebhook } from './woocommerce/testing/fake-woocommerce.ts';
