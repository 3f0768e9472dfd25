import { z } from 'zod';
import type { ConnectorResult, ShopConnection, TrackingUpdate } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { legacyIdOf, toGid } from './gid.ts';
import { rejectedByUserErrors, userErrorSchema } from './translate-error.ts';

const trackingInfoSchema = z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() });

type TrackingInfo = z.output<typeof trackingInfoSchema>;

const fulfillmentSchema = z.object({
  legacyResourceId: z.string(),
  order: z.object({ legacyResourceId: z.string() }),
  trackingInfo: z.array(trackingInfoSchema),
});

const readTracking: AdminOperation<{ fulfillment: z.output<typeof fulfillmentSchema> | null }> = {
  name: 'PresslineFulfillmentTracking',
  document: /* GraphQL */ `
    query PresslineFulfillmentTracking($id: ID!) {
      fulfillment(id: $id) {
        legacyResourceId
        order { legacyResourceId }
        trackingInfo { company number url }
      }
    }
  `,
  data: z.object({ fulfillment: fulfillmentSchema.nullable() }),
};

const update: AdminOperation<{
  fulfillmentTrackingInfoUpdate: { fulfillment: { legacyResourceId: string } | null; userErrors: z.output<typeof userErrorSchema>[] } | null;
}> = {
  name: 'PresslineFulfillmentTrackingUpdate',
  document: /* GraphQL */ `
    mutation PresslineFulfillmentTrackingUpdate($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
      fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) {
        fulfillment { legacyResourceId }
        userErrors { field message }
      }
    }
  `,
  data: z.object({
    fulfillmentTrackingInfoUpdate: z
      .object({ fulfillment: z.object({ legacyResourceId: z.string() }).nullable(), userErrors: z.array(userErrorSchema) })
      .nullable(),
  }),
};

/**
 * Replaces the carrier and tracking of a fulfillment `createFulfillment` made (its id is
 * the fulfillment's numeric legacy id; a gid is accepted too).
 *
 * Retry-safe by state: the fulfillment is read first and, when it already carries exactly
 * the requested tracking (the previous attempt was applied and its response lost), no
 * mutation is sent and nothing is notified twice.
 */
export async function updateTracking(gql: AdminGraphql, connection: ShopConnection, request: TrackingUpdate): Promise<ConnectorResult<void>> {
  const legacyId = legacyIdOf(request.fulfillmentExternalId) ?? request.fulfillmentExternalId;
  const fulfillmentId = toGid('Fulfillment', legacyId);
  if (fulfillmentId === null) {
    return { ok: false, reason: 'not_found', message: `"${request.fulfillmentExternalId}" is not a Shopify fulfillment id` };
  }

  const read = await gql(connection, readTracking, { id: fulfillmentId });
  if (!read.ok) return read;
  const fulfillment = read.value.fulfillment;
  if (!fulfillment || fulfillment.order.legacyResourceId !== request.orderExternalId) {
    return { ok: false, reason: 'not_found', message: `Shopify has no fulfillment ${legacyId} on order ${request.orderExternalId}` };
  }
  if (carriesTracking(fulfillment.trackingInfo, request)) return { ok: true, value: undefined };

  const written = await gql(connection, update, {
    fulfillmentId,
    trackingInfoInput: trackingInput(request),
    notifyCustomer: request.notifyCustomer,
  });
  if (!written.ok) return written;
  const payload = written.value.fulfillmentTrackingInfoUpdate;
  if (!payload) return { ok: false, reason: 'unavailable', message: 'fulfillmentTrackingInfoUpdate returned no payload' };
  if (payload.userErrors.length > 0 || !payload.fulfillment) return rejectedByUserErrors('fulfillmentTrackingInfoUpdate', payload.userErrors);
  return { ok: true, value: undefined };
}

/**
 * The whole tracking, replacing what the fulfillment had. Only the plural forms, as in
 * createFulfillment: Shopify refuses a mix of `number`/`numbers` or `url`/`urls`.
 */
function trackingInput(request: TrackingUpdate): Record<string, unknown> {
  return {
    company: request.carrier || null,
    numbers: request.trackingNumbers,
    urls: request.trackingUrl ? [request.trackingUrl] : [],
  };
}

/**
 * Whether the fulfillment already shows the requested tracking: the same set of numbers,
 * the same carrier and, when one is requested, the same URL. Without a requested URL any
 * URL is accepted, since Shopify fills one in itself for carriers it knows.
 */
function carriesTracking(current: readonly TrackingInfo[], request: TrackingUpdate): boolean {
  const numbers = new Set(current.map((t) => t.number).filter((n): n is string => Boolean(n)));
  const wanted = new Set(request.trackingNumbers);
  if (numbers.size !== wanted.size || [...wanted].some((n) => !numbers.has(n))) return false;
  const carrier = request.carrier || null;
  const url = request.trackingUrl || null;
  if (current.length === 0) return carrier === null && url === null;
  if (current.some((t) => (t.company || null) !== carrier)) return false;
  return url === null || current.some((t) => t.url === url);
}
