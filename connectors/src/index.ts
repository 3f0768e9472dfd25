export type {
  FinancialStatus,
  OrderConnector,
  ParseResult,
  Platform,
  StorefrontAddress,
  StorefrontCustomer,
  StorefrontOrder,
  StorefrontOrderLine,
  VerifiedDelivery,
  VerifyResult,
  ComplianceRequest,
  CustomerReference,
  TopicKind,
  ChangedOrdersPage,
  ChangedOrdersQuery,
  ConnectorFailure,
  ConnectorResult,
  FulfillmentRequest,
  OrderNote,
  PlatformApi,
  Reorder,
  ReorderRequest,
  ShopConnection,
  StatusPush,
  TrackingUpdate,
} from './contract.ts';
export { currencyExponent, formatMinorUnits, toMinorUnits, type MinorUnitsResult } from './money.ts';

export { createShopifyConnector, type ShopifyConnectorConfig } from './shopify/shopify-connector.ts';
export { SHOPIFY_API_VERSION } from './shopify/shopify-client.ts';
export { buildShopifyOrderPayload, type SimulatedOrder, type SimulatedOrderLine } from './shopify/simulator/build-order-payload.ts';
export { signShopifyWebhook, type SignShopifyWebhookOptions } from './shopify/simulator/sign-webhook.ts';
export { shopConnectionSchema } from './connection-schema.ts';
export { createShopifyAdminApi, type ShopifyAdminApiOptions } from './shopify/admin/shopify-admin-api.ts';
export type { ShopRateLimiterOptions } from './shopify/admin/shop-rate-limiter.ts';
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

export { createWooCommerceConnector } from './woocommerce/woocommerce-connector.ts';
export { createWooCommerceApi, type WooCommerceApiOptions } from './woocommerce/woocommerce-api.ts';
export { signWooCommerceWebhook, buildWooCommercePing, wooCommerceJson, type SignWooCommerceWebhookOptions } from './woocommerce/testing/sign-webhook.ts';
export {
  createFakeWooCommerce,
  type FakeWooCommerce,
  type FakeWooCommerceOptions,
  type FakeWooRequest,
  type FakeWooOrder,
  type FakeOrderNote,
} from './woocommerce/testing/fake-woocommerce.ts';
export { createShopifyAuth, type ShopifyAuth, type ShopifyGrant } from './shopify/auth/shopify-auth.ts';
export {
  signWooCommerceToken,
  verifyWooCommerceToken,
  type WooCommerceTokenResult,
  type WooCommerceTokenSubject,
} from './woocommerce/launch-token.ts';

export { createOdooConnector } from './odoo/odoo-connector.ts';
export { createOdooApi, type OdooApiOptions } from './odoo/api/odoo-api.ts';
export { ODOO_WEBHOOK_SECRET_HEADER } from './odoo/verify-webhook.ts';
export { signOdooLaunchToken, verifyOdooLaunchToken, type OdooLaunch, type OdooLaunchTokenResult } from './odoo/launch-token.ts';
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
export { wooCommerceAuthorizeUrl, parseWooCommerceKeyCallback, type WooCommerceKeys } from './woocommerce/connect.ts';
export type { FakeWebhook } from './woocommerce/testing/fake-woocommerce.ts';
