import { enqueueSingletonInTx, queues, type QueueClient, type Tx } from '@pressline/db';

/**
 * Asks for a re-plan of the shop in the caller's transaction. One waiting re-plan per
 * shop is enough, however many changes: it reads the state as it is when it runs.
 */
export function queuePlan(tx: Tx, boss: QueueClient, shopId: string): Promise<string | null> {
  return enqueueSingletonInTx(boss, tx, queues.planShop.name, { shopId }, shopId);
}
