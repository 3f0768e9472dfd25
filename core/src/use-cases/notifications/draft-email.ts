import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import type { OrderCustomerStatus, OrderStatus } from '../../domain/index.ts';
import { renderTemplate } from '../../notifications/render-template.ts';
import type { OrderRow } from '../order-status/load-order-status.ts';
import type { EffectDraft } from '../outbox/effect-kinds.ts';
import { notificationSettingsOf, templateVariables } from './template-variables.ts';

export type EmailDecision = { send: true; draft: EffectDraft } | { send: false; reason: 'no_template' | 'no_address' | 'opted_out' | 'platform_notified' | 'template_error'; message?: string };

/**
 * The customer e-mail for an order's new status, rendered now (the customer reads what
 * was true when the status changed), or why none is sent.
 */
export async function draftStatusEmail(
  tx: Tx,
  input: { shopId: string; order: OrderRow; status: OrderCustomerStatus; version: number; orderStatus: OrderStatus; eta: Date | null },
): Promise<EmailDecision> {
  const { shopId, order, status } = input;
  const [template] = await tx
    .select()
    .from(schema.notificationTemplates)
    .where(and(eq(schema.notificationTemplates.shopId, shopId), eq(schema.notificationTemplates.customerStatus, status)));
  if (!template || !template.enabled) return { send: false, reason: 'no_template' };
  const to = order.customerEmail?.trim().toLowerCase();
  if (!to) return { send: false, reason: 'no_address' };
  if (status === 'shipped' && (await notificationSettingsOf(tx, shopId)).platformNotifiesShipping) return { send: false, reason: 'platform_notified' };
  if (await optedOut(tx, shopId, to)) return { send: false, reason: 'opted_out' };

  const variables = await templateVariables(tx, input);
  const subject = await renderTemplate(template.subject, variables);
  const text = await renderTemplate(template.body, variables);
  if (!subject.ok) return { send: false, reason: 'template_error', message: subject.message };
  if (!text.ok) return { send: false, reason: 'template_error', message: text.message };
  return {
    send: true,
    draft: {
      kind: 'email',
      orderId: order.id,
      idempotencyKey: `email:${order.id}:${status}:v${input.version}`,
      payload: { to, subject: subject.text.replace(/[\r\n]+/g, ' ').trim(), text: text.text, customerStatus: status },
    },
  };
}

export async function optedOut(tx: Tx, shopId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ email: schema.notificationOptOuts.email })
    .from(schema.notificationOptOuts)
    .where(and(eq(schema.notificationOptOuts.shopId, shopId), eq(schema.notificationOptOuts.email, email.trim().toLowerCase())));
  return row !== undefined;
}
