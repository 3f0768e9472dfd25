import type { QueueClient, schema } from '@pressline/db';

export interface DeliveryContext {
  shopId: string;
  delivery: typeof schema.webhookDeliveries.$inferSelect;
  at: Date;
  actor: string;
  /** Work the delivery causes (file checks) is queued in its transaction. */
  boss: QueueClient;
}

/** What handling a delivery came to; the router stores it on the delivery row. */
export type HandledDelivery =
  | { status: 'processed'; orderId: string; orderExternalId: string; jobsCreated: number; jobsCancelled: number }
  | { status: 'processed'; privacy: string; orders: number; eraseBody: true }
  | { status: 'processed'; uninstalled: true }
  | { status: 'ignored'; topic: string }
  | { status: 'failed'; message: string };
