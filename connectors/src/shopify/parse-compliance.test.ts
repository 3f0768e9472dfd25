import { describe, expect, it } from 'vitest';
import { parseShopifyComplianceRequest } from './parse-compliance.ts';
import { shopifyTopicKind } from './topics.ts';

// Payload shapes from Shopify's privacy-law compliance documentation.
const REDACT = '{"shop_id":954889,"shop_domain":"shop.myshopify.com","customer":{"id":9007199254740993,"email":"John@Example.com","phone":"555-625-1199"},"orders_to_redact":[820982911946154508,280263]}';
const DATA_REQUEST = '{"shop_id":954889,"shop_domain":"shop.myshopify.com","orders_requested":[299938],"customer":{"id":191167,"email":"john@example.com","phone":"555-625-1199"},"data_request":{"id":9999}}';

describe('Shopify compliance requests', () => {
  it('reads a customer redaction with exact big ids and a normalised e-mail', () => {
    expect(parseShopifyComplianceRequest('customer_redact', REDACT)).toEqual({
      ok: true,
      value: { kind: 'customer_redact', customer: { externalId: '9007199254740993', email: 'john@example.com' }, orderExternalIds: ['820982911946154508', '280263'] },
    });
  });

  it('reads a data request with its request id', () => {
    expect(parseShopifyComplianceRequest('customer_data_request', DATA_REQUEST)).toEqual({
      ok: true,
      value: { kind: 'customer_data_request', customer: { externalId: '191167', email: 'john@example.com' }, orderExternalIds: ['299938'], requestId: '9999' },
    });
  });

  it('refuses a malformed request without quoting the body', () => {
    const result = parseShopifyComplianceRequest('customer_redact', '{"customer": "john@example.com"}');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('john@example.com');
    expect(parseShopifyComplianceRequest('shop_redact', 'not json')).toMatchObject({ ok: false, message: 'body is not valid JSON' });
  });

  it('classifies the topics Pressline subscribes to, and ignores the rest', () => {
    expect(shopifyTopicKind('orders/paid')).toBe('order');
    expect(shopifyTopicKind('customers/redact')).toBe('customer_redact');
    expect(shopifyTopicKind('shop/redact')).toBe('shop_redact');
    expect(shopifyTopicKind('app/uninstalled')).toBe('app_uninstalled');
    expect(shopifyTopicKind('products/update')).toBe('ignored');
  });
});
