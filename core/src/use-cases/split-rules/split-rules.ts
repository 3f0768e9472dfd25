import { eq } from 'drizzle-orm';
import { schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { validateSplitRules, type SplitRule } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';

/** The shop's split rules in the order they are tried; none means one job per line. */
export async function loadSplitRules(tx: Tx, shopId: string): Promise<SplitRule[]> {
  const [shop] = await tx.select({ splitRules: schema.shops.splitRules }).from(schema.shops).where(eq(schema.shops.id, shopId));
  if (!shop) return [];
  const validated = validateSplitRules(shop.splitRules);
  // Stored rules were validated when saved; rules that no longer validate are a bug, not user input.
  if (!validated.ok) throw new Error(`stored split rules of shop ${shopId} are invalid: ${validated.problems.join('; ')}`);
  return validated.rules;
}

/**
 * Replaces the shop's split rules. Orders already split keep their jobs; the rules apply
 * to orders (and new lines) arriving from now on.
 */
export async function saveSplitRules(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { shopId: string; rules: unknown }): Promise<SplitRule[]> {
  const validated = validateSplitRules(input.rules);
  if (!validated.ok) throw new BadRequestError(`Invalid split rules: ${validated.problems.join('; ')}`, { problems: validated.problems });
  return withShop(deps.db, input.shopId, async (tx) => {
    await tx.update(schema.shops).set({ splitRules: validated.rules, updatedAt: deps.clock() }).where(eq(schema.shops.id, input.shopId));
    return validated.rules;
  });
}
