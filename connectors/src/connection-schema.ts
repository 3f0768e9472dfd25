import { z } from 'zod';
import type { ShopConnection } from './contract.ts';

const origin = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((url) => url.replace(/\/+$/, ''));
const secret = z.string().trim().min(1, { error: 'must not be empty' });

/** Validates a shop's connection (CLI input, stored settings) before anything uses it. */
export const shopConnectionSchema: z.ZodType<ShopConnection> = z.discriminatedUnion('platform', [
  z.object({
    platform: z.literal('shopify'),
    shopDomain: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, { error: 'must be a *.myshopify.com domain' }),
    accessToken: secret,
    refreshToken: z.string().min(1).nullish(),
  }),
  z.object({ platform: z.literal('woocommerce'), siteUrl: origin, consumerKey: secret, consumerSecret: secret, webhookSecret: secret }),
  z.object({
    platform: z.literal('odoo'),
    url: origin,
    database: secret,
    username: secret,
    apiKey: secret,
    version: z.coerce.number().pipe(z.union([z.literal(17), z.literal(18), z.literal(19)], { error: 'must be 17, 18 or 19' })),
    webhookSecret: secret,
  }),
]);
