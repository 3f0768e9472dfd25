import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signAppProxyQuery, verifyAppProxySignature } from './app-proxy-signature.ts';

const SECRET = 'hush';

describe('Shopify app proxy signature', () => {
  it('matches the documented example (sorted params, repeated values joined by commas)', () => {
    const query = new URLSearchParams('extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555');
    // The message Shopify documents for these parameters.
    const message = 'extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555';
    query.set('signature', signAppProxyQuery(query, SECRET));
    expect(verifyAppProxySignature(query, SECRET)).toBe(true);
    expect(query.get('signature')).toBe(createHmac('sha256', SECRET).update(message).digest('hex'));
  });

  it('refuses a missing signature, another secret, or any changed parameter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }), (customer, other) => {
        const query = new URLSearchParams({ shop: 'a.myshopify.com', logged_in_customer_id: customer, timestamp: '1' });
        expect(verifyAppProxySignature(query, SECRET)).toBe(false);
        query.set('signature', signAppProxyQuery(query, SECRET));
        expect(verifyAppProxySignature(query, SECRET)).toBe(true);
        expect(verifyAppProxySignature(query, `${SECRET}!`)).toBe(false);
        if (other !== customer) {
          const forged = new URLSearchParams(query);
          forged.set('logged_in_customer_id', other);
          expect(verifyAppProxySignature(forged, SECRET)).toBe(false);
        }
      }),
    );
  });
});
