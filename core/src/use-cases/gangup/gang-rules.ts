import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { DEFAULT_GANG_RULES, type GangRules } from '../../domain/index.ts';
import { BadRequestError } from '../../errors.ts';

export interface ShopGangRules extends GangRules {
  /** Stages a served job is moved to when its run is planned, started and finished. */
  plannedStage: string;
  runningStage: string;
  finishedStage: string;
}

export const DEFAULT_SHOP_GANG_RULES: ShopGangRules = { ...DEFAULT_GANG_RULES, plannedStage: 'scheduled', runningStage: 'in_production', finishedStage: 'post_processing' };

export async function loadGangRules(tx: Tx, shopId: string): Promise<ShopGangRules> {
  const [row] = await tx.select().from(schema.gangRules).where(eq(schema.gangRules.shopId, shopId));
  if (!row) return DEFAULT_SHOP_GANG_RULES;
  return { windowDays: row.windowDays, rush: row.rush, rushTag: row.rushTag, plannedStage: row.plannedStage, runningStage: row.runningStage, finishedStage: row.finishedStage };
}

/** Saves the shop's rules over the current ones; stages must exist in the shop's workflow. */
export async function saveGangRules(tx: Tx, shopId: string, changes: Partial<ShopGangRules>, stageKeys: ReadonlySet<string>, at: Date): Promise<ShopGangRules> {
  const rules = { ...(await loadGangRules(tx, shopId)), ...stripNullish(changes) };
  const problems: string[] = [];
  if (!Number.isInteger(rules.windowDays) || rules.windowDays < 0 || rules.windowDays > 365) problems.push('windowDays must be a whole number from 0 to 365');
  if (!['include', 'exclude', 'first'].includes(rules.rush)) problems.push('rush must be include, exclude or first');
  if (!rules.rushTag.trim()) problems.push('rushTag must not be empty');
  for (const field of ['plannedStage', 'runningStage', 'finishedStage'] as const) {
    if (!stageKeys.has(rules[field])) problems.push(`${field}: the workflow has no stage "${rules[field]}"`);
  }
  if (problems.length > 0) throw new BadRequestError(`Invalid gang rules: ${problems.join('; ')}`, { problems });
  await tx
    .insert(schema.gangRules)
    .values({ shopId, ...rules, updatedAt: at })
    .onConflictDoUpdate({ target: schema.gangRules.shopId, set: { ...rules, updatedAt: at } });
  return rules;
}

function stripNullish<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
