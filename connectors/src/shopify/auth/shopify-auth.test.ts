import { describe, expect, it } from 'vitest';
import { signCustomerSessionToken, signJwt } from '../testing/session-token.ts';
import { createShopifyAuth } from './shopify-auth.ts';

const APP = { apiKey: 'pressline-app', apiSecretKey: 'app-secret-1234', hostName: 'pressline.example.com' };
const auth = createShopifyAuth(APP);
const now = () => Math.floor(Date.now() / 1000);

describe('verifyCustomerSessionToken', () => {
  it('names the shop and the customer of a customer account extension’s token', async () => {
    const token = signCustomerSessionToken('Ink-Shop.myshopify.com', { ...APP, customerId: '207119551' });
    expect(await auth.verifyCustomerSessionToken(token)).toEqual({ ok: true, value: { shopDomain: 'ink-shop.myshopify.com', customerId: '207119551' } });
  });

  it('reads dest written as a URL too, and names no customer for a guest or a non-customer subject', async () => {
    const claims = { dest: 'https://ink-shop.myshopify.com', aud: APP.apiKey, exp: now() + 60, nbf: now() - 1, iat: now() };
    expect(await auth.verifyCustomerSessionToken(signJwt(claims, APP.apiSecretKey))).toEqual({ ok: true, value: { shopDomain: 'ink-shop.myshopify.com', customerId: null } });
    for (const sub of ['42', 'gid://shopify/StaffMember/42', 'gid://shopify/Customer/abc']) {
      const result = await auth.verifyCustomerSessionToken(signJwt({ ...claims, sub }, APP.apiSecretKey));
      expect(result, sub).toEqual({ ok: true, value: { shopDomain: 'ink-shop.myshopify.com', customerId: null } });
    }
  });

  it('refuses a token without expiry, without a shop, not yet valid, or signed with another secret, without quoting it', async () => {
    const claims = { dest: 'ink-shop.myshopify.com', aud: APP.apiKey, sub: 'gid://shopify/Customer/1', nbf: now() - 1, iat: now() };
    const refused = [
      signJwt(claims, APP.apiSecretKey),
      signJwt({ ...claims, exp: now() + 60, dest: undefined }, APP.apiSecretKey),
      signJwt({ ...claims, exp: now() + 60, dest: 'not a domain' }, APP.apiSecretKey),
      signJwt({ ...claims, exp: now() + 600, nbf: now() + 300 }, APP.apiSecretKey),
      signJwt({ ...claims, exp: now() + 60 }, 'another-secret'),
    ];
    for (const token of refused) {
      const result = await auth.verifyCustomerSessionToken(token);
      expect(result).toEqual({ ok: false, reason: 'unauthorized', message: 'the session token is not valid for this app' });
    }
  });
});
