import { z } from 'zod';
import type { ConnectorResult, Reorder, ReorderRequest, ShopConnection, StorefrontOrderLine } from '../../contract.ts';
import { formatMinorUnits } from '../../money.ts';
import type { AdminGraphql, AdminOperation } from './admin-graphql.ts';
import { toGid } from './gid.ts';
import { rejectedByUserErrors, userErrorSchema } from './translate-error.ts';

/**
 * Added to every reorder line so the new order's line can be traced back to the one it
 * repeats. The leading underscore is Shopify's convention for a property hidden from
 * the customer at checkout.
 */
export const REORDER_OF_PROPERTY = '_pressline_reorder_of';
const REORDER_TAG = 'pressline:reorder';

const draftOrderCreate: AdminOperation<{
  draftOrderCreate: { draftOrder: { legacyResourceId: string; invoiceUrl: string | null } | null; userErrors: z.output<typeof userErrorSchema>[] } | null;
}> = {
  name: 'PresslineReorder',
  document: /* GraphQL */ `
    mutation PresslineReorder($input: DraftOrderInput!) {
      draftOrderCreate(input: $input) {
        draftOrder { legacyResourceId invoiceUrl }
        userErrors { field message }
      }
    }
  `,
  data: z.object({
    draftOrderCreate: z
      .object({
        draftOrder: z.object({ legacyResourceId: z.string(), invoiceUrl: z.string().nullable() }).nullable(),
        userErrors: z.array(userErrorSchema),
      })
      .nullable(),
  }),
};

/**
 * A draft order repeating the original lines with their quantities and properties
 * (design file links and options included); the customer pays it at its invoice URL.
 * Lines of a variant that still exists are sold at today's price; custom lines (no
 * variant) keep their title and original unit price.
 */
export async function buildReorder(gql: AdminGraphql, connection: ShopConnection, request: ReorderRequest): Promise<ConnectorResult<Reorder>> {
  const { order } = request;
  const chosen = request.lineExternalIds ? new Set(request.lineExternalIds) : null;
  const lines = order.lines.filter((line) => (chosen === null || chosen.has(line.externalId)) && line.quantity > 0);
  if (lines.length === 0) return { ok: false, reason: 'rejected', message: `order ${order.externalId}: no lines to reorder` };

  const lineItems = [];
  for (const line of lines) {
    const input = lineInput(line, order.currency);
    if (input === null) return { ok: false, reason: 'rejected', message: `line ${line.externalId}: variant id "${line.variantExternalId}" is not numeric` };
    lineItems.push(input);
  }
  const customerId = order.customer.externalId === null ? null : toGid('Customer', order.customer.externalId);

  const created = await gql(connection, draftOrderCreate, {
    input: {
      lineItems,
      ...(order.customer.email ? { email: order.customer.email } : {}),
      ...(customerId ? { purchasingEntity: { customerId } } : {}),
      note: `Reorder of ${order.name}`,
      tags: [REORDER_TAG],
    },
  });
  if (!created.ok) return created;
  const payload = created.value.draftOrderCreate;
  if (!payload) return { ok: false, reason: 'unavailable', message: 'draftOrderCreate returned no payload' };
  if (payload.userErrors.length > 0 || !payload.draftOrder) return rejectedByUserErrors('draftOrderCreate', payload.userErrors);
  if (!payload.draftOrder.invoiceUrl) {
    return { ok: false, reason: 'unavailable', message: `draft order ${payload.draftOrder.legacyResourceId} has no invoice URL` };
  }
  return { ok: true, value: { kind: 'draft_order', externalId: payload.draftOrder.legacyResourceId, url: payload.draftOrder.invoiceUrl } };
}

function lineInput(line: StorefrontOrderLine, currency: string): Record<string, unknown> | null {
  const customAttributes = [
    ...line.properties.map(({ name, value }) => ({ key: name, value })),
    { key: REORDER_OF_PROPERTY, value: line.externalId },
  ];
  if (line.variantExternalId !== null) {
    const variantId = toGid('ProductVariant', line.variantExternalId);
    return variantId === null ? null : { variantId, quantity: line.quantity, customAttributes };
  }
  return {
    title: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    quantity: line.quantity,
    originalUnitPriceWithCurrency: { amount: formatMinorUnits(line.unitPriceMinor, currency), currencyCode: currency },
    requiresShipping: line.requiresShipping,
    ...(line.sku ? { sku: line.sku } : {}),
    customAttributes,
  };
}
