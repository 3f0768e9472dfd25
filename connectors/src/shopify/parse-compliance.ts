import { parse as parseLosslessJson } from 'lossless-json';
import { z } from 'zod';
import type { ComplianceRequest, ParseResult } from '../contract.ts';
import { idSchema } from './order-payload-schema.ts';

// Shopify's mandatory compliance webhooks
// (https://shopify.dev/docs/apps/build/privacy-law-compliance): customers/redact,
// customers/data_request and shop/redact. Ids exceed 2^53, hence lossless parsing.

const customerSchema = z.object({
  id: idSchema.nullish(),
  email: z.string().nullish(),
});

const customerRedactSchema = z.object({
  customer: customerSchema,
  orders_to_redact: z.array(idSchema).default([]),
});

const dataRequestSchema = z.object({
  customer: customerSchema,
  orders_requested: z.array(idSchema).default([]),
  data_request: z.object({ id: idSchema }).nullish(),
});

const shopRedactSchema = z.object({ shop_domain: z.string() });

export function parseShopifyComplianceRequest(kind: 'customer_redact' | 'customer_data_request' | 'shop_redact', rawBody: string): ParseResult<ComplianceRequest> {
  let json: unknown;
  try {
    json = parseLosslessJson(rawBody);
  } catch {
    // The parser's message may quote the body, which holds personal data.
    return { ok: false, reason: 'malformed_payload', message: 'body is not valid JSON' };
  }
  const malformed = (issues: z.core.$ZodIssue[]) => ({
    ok: false as const,
    reason: 'malformed_payload' as const,
    message: `not a Shopify ${kind} request: ${issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
  });
  const reference = (customer: z.infer<typeof customerSchema>) => ({ externalId: customer.id ?? null, email: customer.email?.trim().toLowerCase() || null });

  switch (kind) {
    case 'customer_redact': {
      const parsed = customerRedactSchema.safeParse(json);
      if (!parsed.success) return malformed(parsed.error.issues);
      return { ok: true, value: { kind, customer: reference(parsed.data.customer), orderExternalIds: parsed.data.orders_to_redact } };
    }
    case 'customer_data_request': {
      const parsed = dataRequestSchema.safeParse(json);
      if (!parsed.success) return malformed(parsed.error.issues);
      return {
        ok: true,
        value: { kind, customer: reference(parsed.data.customer), orderExternalIds: parsed.data.orders_requested, requestId: parsed.data.data_request?.id ?? null },
      };
    }
    case 'shop_redact': {
      const parsed = shopRedactSchema.safeParse(json);
      if (!parsed.success) return malformed(parsed.error.issues);
      return { ok: true, value: { kind } };
    }
  }
}
