// Shopify's GraphQL ids are gids ("gid://shopify/Order/820982911946154508"); Pressline
// keys everything on the numeric legacy id, as a decimal string (it exceeds 2^53).

const LEGACY_ID = /^[1-9]\d*$/;
const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/([1-9]\d*)(?:\?.*)?$/;

export type ShopifyResource = 'Order' | 'LineItem' | 'ProductVariant' | 'Customer' | 'Fulfillment';

/** The gid for a numeric legacy id, or null when the id is not one. */
export function toGid(resource: ShopifyResource, legacyId: string): string | null {
  return LEGACY_ID.test(legacyId) ? `gid://shopify/${resource}/${legacyId}` : null;
}

/** The numeric legacy id inside a gid (of `resource`, when named), or null when it holds none. */
export function legacyIdOf(gid: string, resource?: ShopifyResource): string | null {
  const match = GID.exec(gid);
  if (!match || (resource && match[1] !== resource)) return null;
  return match[2] ?? null;
}
