import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { ORDER_CUSTOMER_STATUSES, type OrderCustomerStatus } from '../../domain/index.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { renderTemplate } from '../../notifications/render-template.ts';
import { loadOrderStatus } from '../order-status/load-order-status.ts';
import { templateVariables } from './template-variables.ts';

export type TemplateRow = typeof schema.notificationTemplates.$inferSelect;

const MAX_SUBJECT = 300;
const MAX_BODY = 50_000;

export function asCustomerStatus(value: string): OrderCustomerStatus {
  if (!(ORDER_CUSTOMER_STATUSES as readonly string[]).includes(value)) {
    throw new BadRequestError(`Unknown customer status "${value}"; one of ${ORDER_CUSTOMER_STATUSES.join(', ')}`);
  }
  return value as OrderCustomerStatus;
}

export function listTemplates(tx: Tx, shopId: string): Promise<TemplateRow[]> {
  return tx.select().from(schema.notificationTemplates).where(eq(schema.notificationTemplates.shopId, shopId)).orderBy(schema.notificationTemplates.customerStatus);
}

/** Saves a shop's template for one customer status; a template that does not render (syntax) is refused. */
export async function saveTemplate(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  input: { shopId: string; customerStatus: string; subject: string; body: string; enabled?: boolean | null },
): Promise<TemplateRow> {
  const customerStatus = asCustomerStatus(input.customerStatus);
  if (!input.subject.trim() || input.subject.length > MAX_SUBJECT) throw new BadRequestError(`subject must be 1–${MAX_SUBJECT} characters`);
  if (!input.body.trim() || input.body.length > MAX_BODY) throw new BadRequestError(`body must be 1–${MAX_BODY} characters`);
  for (const [field, source] of [['subject', input.subject], ['body', input.body]] as const) {
    const rendered = await renderTemplate(source, sampleVariables());
    if (!rendered.ok) throw new BadRequestError(`${field}: ${rendered.message}`);
  }
  const row = { shopId: input.shopId, customerStatus, subject: input.subject, body: input.body, enabled: input.enabled ?? true, updatedAt: deps.clock() };
  return withShop(deps.db, input.shopId, async (tx) => {
    const [saved] = await tx
      .insert(schema.notificationTemplates)
      .values(row)
      .onConflictDoUpdate({ target: [schema.notificationTemplates.shopId, schema.notificationTemplates.customerStatus], set: row })
      .returning();
    if (!saved) throw new Error('template upsert returned nothing');
    return saved;
  });
}

/** What the customer of `orderId` would get for `status`, with the stored template or the draft given. */
export async function previewNotification(
  deps: Pick<CoreDeps, 'db'>,
  input: { shopId: string; orderId: string; customerStatus: string; subject?: string | null; body?: string | null },
): Promise<{ to: string | null; subject: string; body: string }> {
  const status = asCustomerStatus(input.customerStatus);
  return withShop(deps.db, input.shopId, async (tx) => {
    const [order] = await tx.select().from(schema.orders).where(and(eq(schema.orders.shopId, input.shopId), eq(schema.orders.id, input.orderId), isNull(schema.orders.deletedAt)));
    if (!order) throw new NotFoundError('Order');
    const [stored] = await tx
      .select()
      .from(schema.notificationTemplates)
      .where(and(eq(schema.notificationTemplates.shopId, input.shopId), eq(schema.notificationTemplates.customerStatus, status)));
    const subject = input.subject ?? stored?.subject;
    const body = input.body ?? stored?.body;
    if (subject === undefined || body === undefined) throw new NotFoundError(`Template for "${status}"`);
    const variables = await templateVariables(tx, { shopId: input.shopId, order, status, orderStatus: await loadOrderStatus(tx, input.shopId, order), eta: order.eta });
    const renderedSubject = await renderTemplate(subject, variables);
    const renderedBody = await renderTemplate(body, variables);
    if (!renderedSubject.ok) throw new BadRequestError(`subject: ${renderedSubject.message}`);
    if (!renderedBody.ok) throw new BadRequestError(`body: ${renderedBody.message}`);
    return { to: order.customerEmail, subject: renderedSubject.text, body: renderedBody.text };
  });
}

function sampleVariables(): Record<string, unknown> {
  return {
    order: { name: '#1001' },
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    status: 'shipped',
    status_label: 'Shipped',
    hold_reason: '',
    eta: '2026-06-01',
    items: [{ title: 'Business cards', quantity: 250, shipped: 250, status: 'shipped' }],
    tracking: [{ carrier: 'UPS', numbers: ['1Z999'], url: 'https://example.com/track' }],
    pickup: { address: '', hours: '' },
  };
}
