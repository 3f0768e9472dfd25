import { z } from 'zod';

/**
 * The order metafield `pressline.fulfillment_keys` (type json) that makes
 * fulfillmentCreate idempotent per Pressline idempotency key.
 *
 * Why a metafield on the order: a Fulfillment has no metafields or attributes to carry
 * our key; tracking numbers and URLs are shown to the customer; and Shopify's
 * `@idempotent` directive covers only some inventory and refund mutations, not
 * fulfillmentCreate. The order, though, takes metafields with compare-and-set
 * (`compareDigest`).
 *
 * Why two states per key: fulfillmentCreate and the metafield write are two calls, so
 * "write the key after creating" loses the key exactly when the create's response is
 * lost. Instead the key is written first as `pending` with the ids of the fulfillments
 * that already existed; a retry that finds a pending key looks only at fulfillments
 * created since, and takes the one carrying the same lines and tracking numbers as its
 * own. Once the create's answer is in, the key records the fulfillment id. (Limit: if
 * two keys ship identical lines without tracking numbers and both lose a response in
 * the same window, a retry cannot tell their fulfillments apart.)
 */
export const FULFILLMENT_KEYS_NAMESPACE = 'pressline';
export const FULFILLMENT_KEYS_KEY = 'fulfillment_keys';

/** Keys kept per order; the outbox never retries a key this far back. */
const MAX_KEYS = 200;

export type KeyEntry = { fulfillmentId: string } | { pendingSince: string[] };

const recordSchema = z.object({
  keys: z.record(
    z.string(),
    z.union([z.object({ fulfillmentId: z.string() }), z.object({ pendingSince: z.array(z.string()) })]),
  ),
});

/**
 * Reads the metafield's value. An unreadable value (edited by hand) counts as empty:
 * it holds only our bookkeeping, and the worst outcome is the case the keys guard
 * against, not lost merchant data.
 */
export function parseFulfillmentKeys(value: string | null | undefined): Map<string, KeyEntry> {
  if (!value) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    if (error instanceof SyntaxError) return new Map();
    throw error;
  }
  const parsed = recordSchema.safeParse(json);
  return parsed.success ? new Map(Object.entries(parsed.data.keys)) : new Map();
}

/** Serialises the keys, dropping the oldest beyond MAX_KEYS (insertion order is age). */
export function serializeFulfillmentKeys(keys: ReadonlyMap<string, KeyEntry>): string {
  const kept = [...keys.entries()].slice(-MAX_KEYS);
  return JSON.stringify({ keys: Object.fromEntries(kept) });
}

/** Sets a key, moving it to the newest position. */
export function withKey(keys: ReadonlyMap<string, KeyEntry>, key: string, entry: KeyEntry): Map<string, KeyEntry> {
  const next = new Map(keys);
  next.delete(key);
  next.set(key, entry);
  return next;
}

/** Fulfillment ids that some key already owns. */
export function claimedFulfillmentIds(keys: ReadonlyMap<string, KeyEntry>): Set<string> {
  const ids = new Set<string>();
  for (const entry of keys.values()) if ('fulfillmentId' in entry) ids.add(entry.fulfillmentId);
  return ids;
}
