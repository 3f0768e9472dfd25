import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { StorefrontOrder } from '@pressline/connectors';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { applyOrderVersion } from './apply-order-version.ts';
import { MANUAL_ORDER_PREFIX } from './manual-order-id.ts';

export interface ManualOrderInput {
  shopId: string;
  actor: string;
  customerName: string;
  customerEmail?: string | null;
  items: { title: string; quantity: number; sku?: string | null }[];
  dueAt?: Date | null;
  rush?: boolean;
  tags?: string[];
  note?: string | null;
}

/**
 * A walk-in or phone order: recorded as an order of the shop (marked by its external id
 * and a "manual" tag) and put through the same intake as a platform's paid order, so it
 * is split into jobs by the same rules and the same profiles.
 */
export async function createManualOrder(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: ManualOrderInput): Promise<{ orderId: string; jobIds: string[] }> {
  const problems = validate(input);
  if (problems.length > 0) throw new BadRequestError(problems.join('; '), { problems });
  const at = deps.clock();
  const tags = [...new Set(['manual', ...(input.rush ? ['rush'] : []), ...(input.tags ?? []).map((tag) => tag.trim()).filter(Boolean)])];
  return withShop(deps.db, input.shopId, async (tx) => {
    const [shop] = await tx.select({ platform: schema.shops.platform }).from(schema.shops).where(eq(schema.shops.id, input.shopId));
    if (!shop) throw new NotFoundError('Shop');
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(schema.orders).where(and(eq(schema.orders.shopId, input.shopId), sql`${schema.orders.externalId} like ${MANUAL_ORDER_PREFIX + '%'}`));
    const [firstName, ...rest] = input.customerName.trim().split(/\s+/);
    const externalId = `${MANUAL_ORDER_PREFIX}${randomUUID()}`;
    const order: StorefrontOrder = {
      platform: shop.platform,
      externalId,
      name: `M-${1001 + (count?.n ?? 0)}`,
      currency: 'USD',
      totalMinor: 0,
      // Taken at the counter: production starts now, as for a paid web order.
      financialStatus: 'paid',
      cancelledAt: null,
      placedAt: at.toISOString(),
      updatedAt: at.toISOString(),
      customer: { externalId: null, email: input.customerEmail?.trim() || null, firstName: firstName ?? null, lastName: rest.join(' ') || null },
      shippingAddress: null,
      shippingMethod: 'Local pickup',
      note: input.note ?? null,
      tags,
      lines: input.items.map((item, index) => ({
        externalId: `${externalId}-${index + 1}`,
        productExternalId: null,
        variantExternalId: null,
        sku: item.sku?.trim() || null,
        title: item.title.trim(),
        variantTitle: null,
        quantity: item.quantity,
        unitPriceMinor: 0,
        properties: [],
        requiresShipping: false,
      })),
    };
    const applied = await applyOrderVersion(tx, { shopId: input.shopId, order, actor: input.actor, at, receivedNote: 'manual order', boss: deps.boss });
    const jobs = await tx
      .update(schema.jobs)
      .set({ dueAt: input.dueAt ?? null, rush: input.rush ?? false, tags, updatedAt: at })
      .where(and(eq(schema.jobs.shopId, input.shopId), eq(schema.jobs.orderId, applied.orderId)))
      .returning({ id: schema.jobs.id });
    return { orderId: applied.orderId, jobIds: jobs.map((job) => job.id) };
  });
}

function validate(input: ManualOrderInput): string[] {
  const problems: string[] = [];
  if (!input.customerName.trim()) problems.push('customerName is required');
  if (input.customerName.length > 200) problems.push('customerName is too long');
  if (input.items.length === 0) problems.push('at least one item is required');
  if (input.items.length > 100) problems.push('at most 100 items');
  input.items.forEach((item, index) => {
    if (!item.title.trim() || item.title.length > 500) problems.push(`items[${index}].title must be 1–500 characters`);
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 1_000_000) problems.push(`items[${index}].quantity must be a whole number from 1`);
  });
  if ((input.tags ?? []).length > 20) problems.push('at most 20 tags');
  return problems;
}
