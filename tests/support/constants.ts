/** The application role's password in test databases (loopback only). */
export const TEST_APP_PASSWORD = 'pressline-test-app';
export const TEST_SHOPIFY_SECRET = 'test-shopify-app-secret';
