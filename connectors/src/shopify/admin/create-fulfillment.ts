import { z } from 'zod';
import type { ConnectorResult, FulfillmentRequest, ShopConnection } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { allocateFulfillmentLines, fulfillmentOrderNodeSchema, type FulfillmentOrderNode } from './allocate-fulfillment-lines.ts';
import {
  claimedFulfillmentIds,
  FULFILLMENT_KEYS_KEY,
  FULFILLMENT_KEYS_NAMESPACE,
  parseFulfillmentKeys,
  serializeFulfillmentKeys,
  withKey,
  type KeyEntry,
} from './fulfillment-keys.ts';
import { legacyIdOf, toGid } from './gid.ts';
import { rejectedByUserErrors, userErrorSchema } from './translate-error.ts';

type FulfillmentResult = ConnectorResult<{ fulfillmentExternalId: string; created: boolean }>;

const state: AdminOperation<{
  order: { keys: { value: string; compareDigest: string } | null; fulfillments: { legacyResourceId: string }[] } | null;
}> = {
  name: 'PresslineFulfillmentState',
  document: /* GraphQL */ `
    query PresslineFulfillmentState($id: ID!) {
      order(id: $id) {
        keys: metafield(namespace: "${FULFILLMENT_KEYS_NAMESPACE}", key: "${FULFILLMENT_KEYS_KEY}") { value compareDigest }
        fulfillments(first: 250) { legacyResourceId }
      }
    }
  `,
  data: z.object({
    order: z
      .object({
        keys: z.object({ value: z.string(), compareDigest: z.string() }).nullable(),
        fulfillments: z.array(z.object({ legacyResourceId: z.string() })),
      })
      .nullable(),
  }),
};

const candidateSchema = z.object({
  legacyResourceId: z.string(),
  trackingInfo: z.array(z.object({ number: z.string().nullish() })),
  fulfillmentLineItems: z.object({ nodes: z.array(z.object({ quantity: z.number().nullish(), lineItem: z.object({ id: z.string() }) })) }),
});

const candidate: AdminOperation<{ fulfillment: z.output<typeof candidateSchema> | null }> = {
  name: 'PresslineFulfillmentCandidate',
  document: /* GraphQL */ `
    query PresslineFulfillmentCandidate($id: ID!) {
      fulfillment(id: $id) {
        legacyResourceId
        trackingInfo { number }
        fulfillmentLineItems(first: 100) { nodes { quantity lineItem { id } } }
      }
    }
  `,
  data: z.object({ fulfillment: candidateSchema.nullable() }),
};

// 1 + 2 + 10 × (1 + 2 + 40 × 2) = 833 points, under the 1000-point cap.
const openFulfillmentOrders: AdminOperation<{ order: { fulfillmentOrders: { nodes: FulfillmentOrderNode[] } } | null }> = {
  name: 'PresslineOpenFulfillmentOrders',
  document: /* GraphQL */ `
    query PresslineOpenFulfillmentOrders($id: ID!) {
      order(id: $id) {
        fulfillmentOrders(first: 10) {
          nodes { id status lineItems(first: 40) { nodes { id remainingQuantity lineItem { id } } } }
        }
      }
    }
  `,
  data: z.object({ order: z.object({ fulfillmentOrders: z.object({ nodes: z.array(fulfillmentOrderNodeSchema) }) }).nullable() }),
};

const recordKeys: AdminOperation<{
  metafieldsSet: { metafields: { compareDigest: string }[] | null; userErrors: z.output<typeof userErrorSchema>[] } | null;
}> = {
  name: 'PresslineRecordFulfillmentKey',
  document: /* GraphQL */ `
    mutation PresslineRecordFulfillmentKey($metafields: [MetafieldsSetInput!]!) {
      metafieldsSet(metafields: $metafields) {
        metafields { compareDigest }
        userErrors { field message code }
      }
    }
  `,
  data: z.object({
    metafieldsSet: z
      .object({ metafields: z.array(z.object({ compareDigest: z.string() })).nullable(), userErrors: z.array(userErrorSchema) })
      .nullable(),
  }),
};

const create: AdminOperation<{
  fulfillmentCreate: { fulfillment: { legacyResourceId: string } | null; userErrors: z.output<typeof userErrorSchema>[] } | null;
}> = {
  name: 'PresslineFulfillmentCreate',
  document: /* GraphQL */ `
    mutation PresslineFulfillmentCreate($fulfillment: FulfillmentInput!) {
      fulfillmentCreate(fulfillment: $fulfillment) {
        fulfillment { legacyResourceId }
        userErrors { field message }
      }
    }
  `,
  data: z.object({
    fulfillmentCreate: z
      .object({ fulfillment: z.object({ legacyResourceId: z.string() }).nullable(), userErrors: z.array(userErrorSchema) })
      .nullable(),
  }),
};

/**
 * Creates the fulfillment a request describes, once per idempotency key (see
 * fulfillment-keys.ts): a retry, including one after a create whose response was lost,
 * returns the first fulfillment with `created: false`.
 */
export async function createFulfillment(gql: AdminGraphql, connection: ShopConnection, request: FulfillmentRequest): Promise<FulfillmentResult> {
  const orderId = toGid('Order', request.orderExternalId);
  if (orderId === null) return { ok: false, reason: 'not_found', message: `"${request.orderExternalId}" is not a Shopify order id` };

  const current = await gql(connection, state, { id: orderId });
  if (!current.ok) return current;
  const order = current.value.order;
  if (!order) return { ok: false, reason: 'not_found', message: `Shopify has no order ${request.orderExternalId}` };

  const keys = parseFulfillmentKeys(order.keys?.value);
  let digest = order.keys?.compareDigest ?? null;
  const entry = keys.get(request.idempotencyKey);
  if (entry && 'fulfillmentId' in entry) return { ok: true, value: { fulfillmentExternalId: entry.fulfillmentId, created: false } };

  const existing = order.fulfillments.map((f) => f.legacyResourceId);
  if (entry) {
    const found = await findCreatedSince(gql, connection, request, entry.pendingSince, existing, claimedFulfillmentIds(keys));
    if (!found.ok) return found;
    if (found.value !== null) {
      // Recording is a shortcut for the next retry, not needed for correctness: the pending
      // key leads a retry to this same fulfillment again. So its failure is not ours to report.
      await setKeys(gql, connection, orderId, withKey(keys, request.idempotencyKey, { fulfillmentId: found.value }), digest);
      return { ok: true, value: { fulfillmentExternalId: found.value, created: false } };
    }
  }

  const fulfillmentOrders = await gql(connection, openFulfillmentOrders, { id: orderId });
  if (!fulfillmentOrders.ok) return fulfillmentOrders;
  if (!fulfillmentOrders.value.order) return { ok: false, reason: 'not_found', message: `Shopify has no order ${request.orderExternalId}` };
  const allocation = allocateFulfillmentLines(request, fulfillmentOrders.value.order.fulfillmentOrders.nodes);
  if (!allocation.ok) return allocation;

  const pending = withKey(keys, request.idempotencyKey, { pendingSince: existing });
  const intent = await setKeys(gql, connection, orderId, pending, digest);
  if (!intent.ok) return intent;
  digest = intent.value;

  const created = await gql(connection, create, {
    fulfillment: {
      lineItemsByFulfillmentOrder: allocation.value,
      notifyCustomer: request.notifyCustomer,
      ...trackingInput(request),
    },
  });
  if (!created.ok) return created;
  const payload = created.value.fulfillmentCreate;
  if (!payload) return { ok: false, reason: 'unavailable', message: 'fulfillmentCreate returned no payload' };
  if (payload.userErrors.length > 0 || !payload.fulfillment) return rejectedByUserErrors('fulfillmentCreate', payload.userErrors);

  const fulfillmentId = payload.fulfillment.legacyResourceId;
  // As above: should this write fail, the pending key still finds the fulfillment on a retry.
  await setKeys(gql, connection, orderId, withKey(pending, request.idempotencyKey, { fulfillmentId }), digest);
  return { ok: true, value: { fulfillmentExternalId: fulfillmentId, created: true } };
}

/**
 * Among the fulfillments created since a pending key was written, and not owned by
 * another key, the one with exactly the request's lines, quantities and tracking numbers.
 */
async function findCreatedSince(
  gql: AdminGraphql,
  connection: ShopConnection,
  request: FulfillmentRequest,
  before: readonly string[],
  existing: readonly string[],
  claimed: ReadonlySet<string>,
): Promise<ConnectorResult<string | null>> {
  const earlier = new Set(before);
  for (const id of existing) {
    if (earlier.has(id) || claimed.has(id)) continue;
    const gid = toGid('Fulfillment', id);
    if (gid === null) continue;
    const read = await gql(connection, candidate, { id: gid });
    if (!read.ok) return read;
    if (read.value.fulfillment && sameShipment(request, read.value.fulfillment)) return { ok: true, value: id };
  }
  return { ok: true, value: null };
}

function sameShipment(request: FulfillmentRequest, fulfillment: z.output<typeof candidateSchema>): boolean {
  const wanted = new Map<string, number>();
  for (const line of request.lines) wanted.set(line.lineExternalId, (wanted.get(line.lineExternalId) ?? 0) + line.quantity);
  const shipped = new Map<string, number>();
  for (const node of fulfillment.fulfillmentLineItems.nodes) {
    const lineId = legacyIdOf(node.lineItem.id);
    if (lineId !== null) shipped.set(lineId, (shipped.get(lineId) ?? 0) + (node.quantity ?? 0));
  }
  if (wanted.size !== shipped.size || [...wanted].some(([id, quantity]) => shipped.get(id) !== quantity)) return false;
  const numbers = new Set(fulfillment.trackingInfo.map((t) => t.number).filter((n): n is string => Boolean(n)));
  return numbers.size === new Set(request.trackingNumbers).size && request.trackingNumbers.every((n) => numbers.has(n));
}

function trackingInput(request: FulfillmentRequest): { trackingInfo?: Record<string, unknown> } {
  // Only the plural forms: Shopify refuses a mix of `number`/`numbers` or `url`/`urls`.
  const info: Record<string, unknown> = {};
  if (request.carrier) info['company'] = request.carrier;
  if (request.trackingNumbers.length > 0) info['numbers'] = request.trackingNumbers;
  if (request.trackingUrl) info['urls'] = [request.trackingUrl];
  return Object.keys(info).length > 0 ? { trackingInfo: info } : {};
}

/** Writes the keys with compare-and-set; returns the new digest. */
async function setKeys(
  gql: AdminGraphql,
  connection: ShopConnection,
  ownerId: string,
  keys: ReadonlyMap<string, KeyEntry>,
  digest: string | null,
): Promise<ConnectorResult<string | null>> {
  const written = await gql(connection, recordKeys, {
    metafields: [
      {
        ownerId,
        namespace: FULFILLMENT_KEYS_NAMESPACE,
        key: FULFILLMENT_KEYS_KEY,
        type: 'json',
        value: serializeFulfillmentKeys(keys),
        // null demands that the metafield does not exist yet.
        compareDigest: digest,
      },
    ],
  });
  if (!written.ok) return written;
  const payload = written.value.metafieldsSet;
  if (!payload) return { ok: false, reason: 'unavailable', message: 'metafieldsSet returned no payload' };
  if (payload.userErrors.some((e) => e.code === 'STALE_OBJECT')) {
    return { ok: false, reason: 'unavailable', message: 'fulfillment keys changed while this fulfillment was prepared; retry' };
  }
  if (payload.userErrors.length > 0) return rejectedByUserErrors('metafieldsSet', payload.userErrors);
  return { ok: true, value: payload.metafields?.[0]?.compareDigest ?? null };
}
