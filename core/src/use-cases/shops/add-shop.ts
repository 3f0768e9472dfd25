import { randomUUID } from 'node:crypto';
import { isUniqueViolation, resolveShopId, schema, withShop } from '@pressline/db';
import type { Platform, ShopConnection } from '@pressline/connectors';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { saveShopConnection } from './shop-connection.ts';

export interface AddShopInput {
  platform: Platform;
  domain: string;
  name?: string;
  /** How to reach the shop's platform; WooCommerce and Odoo shops need one to verify their deliveries. */
  connection?: ShopConnection;
}

const DOMAIN_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?$/;

export function normaliseShopDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** Registers a storefront as a tenant. A domain already registered is a CONFLICT. */
export async function addShop(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock'>, input: AddShopInput): Promise<{ id: string; domain: string }> {
  const domain = normaliseShopDomain(input.domain);
  if (!DOMAIN_PATTERN.test(domain)) throw new BadRequestError(`"${input.domain}" is not a shop domain`);
  if (input.connection && input.connection.platform !== input.platform) throw new BadRequestError('The connection is for another platform');
  if (!input.connection && input.platform !== 'shopify') {
    throw new BadRequestError(`A ${input.platform} shop needs its connection (URL, keys and webhook secret)`);
  }
  if (await resolveShopId(deps.db, input.platform, domain)) {
    throw new ConflictError(`A ${input.platform} shop with domain ${domain} is already registered`);
  }
  const id = randomUUID();
  try {
    await withShop(deps.db, id, async (tx) => {
      await tx.insert(schema.shops).values({ id, platform: input.platform, domain, name: input.name ?? domain });
      if (input.connection) await saveShopConnection(tx, deps.secrets, { shopId: id, connection: input.connection, at: deps.clock() });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A ${input.platform} shop with domain ${domain} is already registered`);
    throw error;
  }
  return { id, domain };
}

/** Finds a shop by id or by domain, for the CLI's `--shop <id or domain>`. */
export async function findShopId(deps: Pick<CoreDeps, 'db'>, idOrDomain: string): Promise<string | null> {
  const value = idOrDomain.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    const rows = await withShop(deps.db, value.toLowerCase(), (tx) => tx.select({ id: schema.shops.id }).from(schema.shops));
    return rows[0]?.id ?? null;
  }
  return resolveShopId(deps.db, null, normaliseShopDomain(value));
}
