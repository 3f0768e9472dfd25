import { z } from 'zod';

/**
 * What the outbox carries. Payloads hold references and the facts fixed at the moment
 * of the change; the relay reads the rest (tracking numbers, the platform's ids) when it
 * sends, so a retry always sends the newest tracking.
 */
export const effectPayloads = {
  push_status: z.object({ version: z.number().int(), status: z.string(), label: z.string() }),
  create_fulfillment: z.object({ shipmentId: z.uuid() }),
  update_tracking: z.object({ shipmentId: z.uuid() }),
  order_note: z.object({ note: z.string(), customerVisible: z.boolean() }),
  email: z.object({ to: z.string(), subject: z.string(), text: z.string(), customerStatus: z.string() }),
  webhook: z.object({ subscriptionId: z.uuid(), topic: z.string(), eventId: z.string(), body: z.record(z.string(), z.unknown()) }),
} as const;

export type EffectKind = keyof typeof effectPayloads;
export const EFFECT_KINDS = Object.keys(effectPayloads) as EffectKind[];

export type EffectDraft = {
  [K in EffectKind]: {
    kind: K;
    orderId: string | null;
    /** The same change always yields the same key: writing it twice stores one effect. */
    idempotencyKey: string;
    payload: z.infer<(typeof effectPayloads)[K]>;
  };
}[EffectKind];
