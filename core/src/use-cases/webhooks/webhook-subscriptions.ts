import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { isPrivateHost } from '../../files/fetch-linked-file.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { WEBHOOK_TOPICS } from './draft-webhooks.ts';

export type SubscriptionRow = typeof schema.webhookSubscriptions.$inferSelect;

/** Creates a subscription; the signing secret is shown once, here, and kept sealed. */
export async function createWebhookSubscription(
  deps: Pick<CoreDeps, 'db' | 'secrets' | 'webhooksAllowPrivateNetworks'>,
  input: { shopId: string; url: string; topics: readonly string[] },
): Promise<{ subscription: SubscriptionRow; secret: string }> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new BadRequestError('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BadRequestError('url must be an absolute http(s) URL');
  // An unresolvable name is let through here (DNS may be down); sending checks again.
  if (!deps.webhooksAllowPrivateNetworks && (await isPrivateHost(url.hostname).catch(() => false))) {
    throw new BadRequestError('url must not point into a private network (loopback, 10/8, 192.168/16, …)');
  }
  const topics = [...new Set(input.topics)];
  const unknown = topics.filter((topic) => !(WEBHOOK_TOPICS as readonly string[]).includes(topic));
  if (topics.length === 0 || unknown.length > 0) throw new BadRequestError(`topics must be some of ${WEBHOOK_TOPICS.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  const secret = randomBytes(32).toString('hex');
  const subscription = await withShop(deps.db, input.shopId, async (tx) => {
    const [row] = await tx.insert(schema.webhookSubscriptions).values({ shopId: input.shopId, url: url.toString(), secretSealed: deps.secrets.seal(secret), topics }).returning();
    if (!row) throw new Error('subscription insert returned nothing');
    return row;
  });
  return { subscription, secret };
}

export function listWebhookSubscriptions(tx: Tx, shopId: string): Promise<SubscriptionRow[]> {
  return tx
    .select()
    .from(schema.webhookSubscriptions)
    .where(and(eq(schema.webhookSubscriptions.shopId, shopId), isNull(schema.webhookSubscriptions.deletedAt)))
    .orderBy(schema.webhookSubscriptions.createdAt);
}

export async function deleteWebhookSubscription(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string; id: string }): Promise<void> {
  const deleted = await withShop(deps.db, input.shopId, (tx) =>
    tx
      .update(schema.webhookSubscriptions)
      .set({ deletedAt: deps.clock() })
      .where(and(eq(schema.webhookSubscriptions.shopId, input.shopId), eq(schema.webhookSubscriptions.id, input.id), isNull(schema.webhookSubscriptions.deletedAt)))
      .returning({ id: schema.webhookSubscriptions.id }),
  );
  if (deleted.length === 0) throw new NotFoundError('Webhook subscription');
}
