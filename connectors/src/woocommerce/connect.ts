import { z } from 'zod';
import type { ParseResult } from '../contract.ts';
import { malformed, readJson } from '../payload-errors.ts';

/**
 * WooCommerce's key provisioning (/wc-auth/v1/authorize): the merchant approves the app
 * on their site, and WooCommerce POSTs the new REST keys to `callbackUrl` with the
 * `userId` we chose — our signed, opaque reference to the pending connection.
 */
export function wooCommerceAuthorizeUrl(input: { siteUrl: string; appName: string; userId: string; returnUrl: string; callbackUrl: string }): string {
  const url = new URL('/wc-auth/v1/authorize', `${input.siteUrl.replace(/\/+$/, '')}/`);
  url.search = new URLSearchParams({ app_name: input.appName, scope: 'read_write', user_id: input.userId, return_url: input.returnUrl, callback_url: input.callbackUrl }).toString();
  return url.toString();
}

const callbackSchema = z.object({
  key_id: z.union([z.number(), z.string()]).optional(),
  user_id: z.union([z.string(), z.number()]).transform(String),
  consumer_key: z.string().min(1),
  consumer_secret: z.string().min(1),
  key_permissions: z.string(),
});

export interface WooCommerceKeys {
  userId: string;
  consumerKey: string;
  consumerSecret: string;
  permissions: string;
}

/** The body WooCommerce posts to the callback URL once the merchant approved. */
export function parseWooCommerceKeyCallback(rawBody: string): ParseResult<WooCommerceKeys> {
  const json = readJson(rawBody);
  if (!json.ok) return json;
  const parsed = callbackSchema.safeParse(json.value);
  if (!parsed.success) return malformed('not a WooCommerce key callback: it needs user_id, consumer_key, consumer_secret and key_permissions');
  if (parsed.data.key_permissions !== 'read_write') return malformed(`the keys are ${parsed.data.key_permissions}; Pressline needs read_write`);
  return { ok: true, value: { userId: parsed.data.user_id, consumerKey: parsed.data.consumer_key, consumerSecret: parsed.data.consumer_secret, permissions: parsed.data.key_permissions } };
}
