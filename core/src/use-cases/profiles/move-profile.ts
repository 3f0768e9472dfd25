import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { listProductionProfiles, queueRecheck, type ProfileRow } from './save-profile.ts';

/**
 * Swaps a profile with its neighbour in matching order and numbers the shop's profiles
 * 0, 1, 2… so the order shown is the order stored. Lines may now match another profile,
 * so unfinished jobs' files are queued for a re-check. Moving past either end changes nothing.
 */
export async function moveProductionProfile(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: { shopId: string; id: string; direction: 'up' | 'down' }): Promise<ProfileRow[]> {
  return withShop(deps.db, input.shopId, async (tx) => {
    const p = schema.productionProfiles;
    // Locks the shop's profiles so two moves at once apply one after the other.
    await tx.select({ id: p.id }).from(p).where(and(eq(p.shopId, input.shopId), isNull(p.deletedAt))).for('update');
    const profiles = await listProductionProfiles(tx, input.shopId);
    const index = profiles.findIndex((profile) => profile.id === input.id);
    if (index < 0) throw new NotFoundError('Production profile');
    const target = input.direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= profiles.length) return profiles;
    const ordered = [...profiles];
    [ordered[index], ordered[target]] = [ordered[target]!, ordered[index]!];
    const at = deps.clock();
    for (const [position, profile] of ordered.entries()) {
      if (profile.position !== position) await tx.update(p).set({ position, updatedAt: at }).where(and(eq(p.shopId, input.shopId), eq(p.id, profile.id)));
    }
    await queueRecheck(tx, deps, input.shopId);
    return listProductionProfiles(tx, input.shopId);
  });
}
