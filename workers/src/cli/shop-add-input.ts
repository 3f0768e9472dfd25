import { shopConnectionSchema } from '@pressline/connectors';
import type { AddShopInput } from '@pressline/core';

export interface ShopAddOptions {
  platform: 'shopify' | 'woocommerce' | 'odoo';
  domain?: string;
  url?: string;
  consumerKey?: string;
  consumerSecret?: string;
  db?: string;
  username?: string;
  apiKey?: string;
  version?: string;
  webhookSecret?: string;
  name?: string;
}

/** Turns `shop add` flags into the use case's input; a missing or bad flag is named in the error. */
export function shopAddInput(options: ShopAddOptions): AddShopInput {
  if (options.platform === 'shopify') {
    if (!options.domain) throw new Error('--domain is required for a Shopify shop');
    return { platform: 'shopify', domain: options.domain, name: options.name };
  }
  const candidate: Record<string, unknown> =
    options.platform === 'woocommerce'
      ? { platform: 'woocommerce', siteUrl: options.url, consumerKey: options.consumerKey, consumerSecret: options.consumerSecret, webhookSecret: options.webhookSecret }
      : { platform: 'odoo', url: options.url, database: options.db, username: options.username, apiKey: options.apiKey, version: options.version, webhookSecret: options.webhookSecret };
  const parsed = shopConnectionSchema.safeParse(candidate);
  if (!parsed.success) {
    const flag = (field: PropertyKey | undefined) => `--${String(field ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace('site-url', 'url').replace('database', 'db')}`;
    throw new Error(parsed.error.issues.map((issue) => `${flag(issue.path[0])}: ${candidate[String(issue.path[0])] === undefined ? 'is required' : issue.message}`).join('; '));
  }
  const connection = parsed.data;
  const origin = connection.platform === 'woocommerce' ? connection.siteUrl : connection.platform === 'odoo' ? connection.url : '';
  return { platform: options.platform, domain: new URL(origin).host, name: options.name, connection };
}
