import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError } from '../../errors.ts';
import { notificationSettingsOf } from './template-variables.ts';

export interface NotificationSettingsInput {
  platformNotifiesShipping?: boolean | null;
  pickupAddress?: string | null;
  pickupHours?: string | null;
}

export async function saveNotificationSettings(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string } & NotificationSettingsInput) {
  return withShop(deps.db, input.shopId, async (tx) => {
    const current = await notificationSettingsOf(tx, input.shopId);
    const row = {
      shopId: input.shopId,
      platformNotifiesShipping: input.platformNotifiesShipping ?? current.platformNotifiesShipping,
      pickupAddress: input.pickupAddress === undefined ? current.pickupAddress : input.pickupAddress?.trim() || null,
      pickupHours: input.pickupHours === undefined ? current.pickupHours : input.pickupHours?.trim() || null,
      updatedAt: deps.clock(),
    };
    await tx.insert(schema.notificationSettings).values(row).onConflictDoUpdate({ target: schema.notificationSettings.shopId, set: row });
    return row;
  });
}

/** A customer who asked for no e-mail; effects already written are skipped when relayed. */
export async function optOutCustomer(deps: Pick<CoreDeps, 'db'>, input: { shopId: string; email: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  if (!email.includes('@') || email.length > 320) throw new BadRequestError('Not an e-mail address');
  await withShop(deps.db, input.shopId, (tx) => tx.insert(schema.notificationOptOuts).values({ shopId: input.shopId, email }).onConflictDoNothing().then(() => undefined));
}
