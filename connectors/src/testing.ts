// Stand-ins of the platforms for tests (msw handlers). Only tests import this entry:
// it loads msw, a development dependency.
export { createFakeShopifyOAuth, type FakeShopifyOAuth } from './shopify/testing/fake-shopify-oauth.ts';
