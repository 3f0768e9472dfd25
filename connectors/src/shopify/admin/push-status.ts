import { z } from 'zod';
import type { ConnectorResult, ShopConnection, StatusPush } from '../../contract.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { toGid } from './gid.ts';
import { rejectedByUserErrors, userErrorSchema } from './translate-error.ts';

const STATUS_NAMESPACE = 'pressline';
const STATUS_KEY = 'status';
const TAG_PREFIX = 'pressline:';
/** Shopify caps a tag at 40 characters. */
const MAX_TAG_LENGTH = 40;

const current: AdminOperation<{ order: { tags: string[]; status: { value: string } | null } | null }> = {
  name: 'PresslineOrderStatus',
  document: /* GraphQL */ `
    query PresslineOrderStatus($id: ID!) {
      order(id: $id) {
        tags
        status: metafield(namespace: "${STATUS_NAMESPACE}", key: "${STATUS_KEY}") { value }
      }
    }
  `,
  data: z.object({ order: z.object({ tags: z.array(z.string()), status: z.object({ value: z.string() }).nullable() }).nullable() }),
};

const payloadSchema = z.object({ userErrors: z.array(userErrorSchema) }).nullish();
const pushData = z.object({ metafieldsSet: payloadSchema, tagsAdd: payloadSchema, tagsRemove: payloadSchema });

const push: AdminOperation<z.output<typeof pushData>> = {
  name: 'PresslinePushStatus',
  // Mutation fields run in order: the new tag is added before the old ones go, so the
  // order is never without a Pressline status tag.
  document: /* GraphQL */ `
    mutation PresslinePushStatus(
      $id: ID!
      $metafields: [MetafieldsSetInput!]!
      $add: [String!]!
      $remove: [String!]!
      $setMetafield: Boolean!
      $addTag: Boolean!
      $removeTags: Boolean!
    ) {
      metafieldsSet(metafields: $metafields) @include(if: $setMetafield) { userErrors { field message code } }
      tagsAdd(id: $id, tags: $add) @include(if: $addTag) { userErrors { field message } }
      tagsRemove(id: $id, tags: $remove) @include(if: $removeTags) { userErrors { field message } }
    }
  `,
  data: pushData,
};

/**
 * Shows Pressline's customer-facing status on the Shopify order: the JSON metafield
 * `pressline.status` ({status, label}) for apps and themes, and one tag
 * `pressline:<status>` (replacing any earlier `pressline:*` tag) for the merchant's
 * order list and filters. Idempotent by state: it reads the order first and changes
 * only what differs, so a retry after a lost response does nothing more.
 */
export async function pushStatus(gql: AdminGraphql, connection: ShopConnection, request: StatusPush): Promise<ConnectorResult<void>> {
  const id = toGid('Order', request.orderExternalId);
  if (id === null) return { ok: false, reason: 'not_found', message: `"${request.orderExternalId}" is not a Shopify order id` };
  const tag = `${TAG_PREFIX}${request.status}`;
  if (!/^[A-Za-z0-9_.-]+$/.test(request.status) || tag.length > MAX_TAG_LENGTH) {
    return { ok: false, reason: 'rejected', message: `status "${request.status}" cannot be a Shopify tag (letters, digits, _ . - and at most ${MAX_TAG_LENGTH - TAG_PREFIX.length} characters)` };
  }

  const read = await gql(connection, current, { id });
  if (!read.ok) return read;
  const order = read.value.order;
  if (!order) return { ok: false, reason: 'not_found', message: `Shopify has no order ${request.orderExternalId}` };

  const value = JSON.stringify({ status: request.status, label: request.label });
  const setMetafield = !sameJson(order.status?.value, value);
  const addTag = !order.tags.includes(tag);
  const remove = order.tags.filter((t) => t.toLowerCase().startsWith(TAG_PREFIX) && t !== tag);
  if (!setMetafield && !addTag && remove.length === 0) return { ok: true, value: undefined };

  const written = await gql(connection, push, {
    id,
    metafields: setMetafield ? [{ ownerId: id, namespace: STATUS_NAMESPACE, key: STATUS_KEY, type: 'json', value }] : [],
    add: [tag],
    remove,
    setMetafield,
    addTag,
    removeTags: remove.length > 0,
  });
  if (!written.ok) return written;
  const { metafieldsSet, tagsAdd, tagsRemove } = written.value;
  for (const [name, payload] of [['metafieldsSet', metafieldsSet], ['tagsAdd', tagsAdd], ['tagsRemove', tagsRemove]] as const) {
    if (payload && payload.userErrors.length > 0) return rejectedByUserErrors(name, payload.userErrors);
  }
  return { ok: true, value: undefined };
}

function sameJson(stored: string | undefined, wanted: string): boolean {
  if (stored === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(stored)) === wanted;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}
