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

export { createWooCommerceConnector } from './woocommerce/woocommerce-connector.ts';
export { createWooCommerceApi, type WooCommerceApiOptions } from './woocommerce/woocommerce-api.ts';
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
export { wooCommerceAuthorizeUrl, parseWooCommerceKeyCallback, type WooCommerceKeys } from './woocommerce/connect.ts';
