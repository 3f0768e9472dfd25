import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { enqueueSingletonInTx, queues, schema, withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { PROCESSES, resolveRules, type ProfileMatch, type Process, type RulesResolution } from '../../domain/index.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';

export type ProfileRow = typeof schema.productionProfiles.$inferSelect;

export interface SaveProfileInput {
  shopId: string;
  /** Absent: a new profile (placed last unless a position is given). */
  id?: string | null;
  name: string;
  process: string;
  material?: string | null;
  finishing?: string | null;
  matches: ProfileMatch[];
  /** Only what differs from the process's defaults. */
  rules?: Record<string, unknown> | null;
  gangable?: boolean | null;
  position?: number | null;
}

/**
 * Creates or changes a production profile. The rules are validated over the process's
 * defaults (each problem names its field) and the shop's unfinished jobs' files are
 * queued for a re-check in the same transaction, so no job keeps a verdict made under
 * rules that no longer hold.
 */
export async function saveProductionProfile(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: SaveProfileInput): Promise<ProfileRow> {
  const name = input.name.trim();
  const problems: string[] = [];
  if (!name) problems.push('name: must not be empty');
  if (!(PROCESSES as readonly string[]).includes(input.process)) problems.push(`process: must be one of ${PROCESSES.join(', ')}`);
  if (input.matches.some((match) => Object.values(match).every((value) => value === undefined || value === null || value === ''))) {
    problems.push('matches: every match needs a sku, productExternalId or variantExternalId (use sku "*" for every line)');
  }
  const rules = stripNulls(input.rules ?? {});
  if ('process' in rules) problems.push('rules.process: give the process as the profile\'s own field');
  const resolved = resolveRules({ ...rules, process: input.process as Process });
  if (!resolved.ok) problems.push(...resolved.problems.map((problem) => `rules.${problem}`));
  if (problems.length > 0) throw new BadRequestError(`Invalid production profile: ${problems.join('; ')}`, { problems });

  const matches = input.matches.map((match) => stripNulls(match) as ProfileMatch);
  return withShop(deps.db, input.shopId, async (tx) => {
    const p = schema.productionProfiles;
    const clash = await tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.shopId, input.shopId), eq(p.name, name), isNull(p.deletedAt), ...(input.id ? [ne(p.id, input.id)] : [])));
    if (clash.length > 0) throw new ConflictError(`A production profile named "${name}" already exists`);
    const values = {
      name,
      process: input.process,
      material: input.material ?? null,
      finishing: input.finishing ?? null,
      matches,
      rules,
      gangable: input.gangable ?? false,
      ...(input.position !== undefined && input.position !== null ? { position: input.position } : {}),
      updatedAt: deps.clock(),
    };
    let saved: ProfileRow | undefined;
    if (input.id) {
      [saved] = await tx.update(p).set(values).where(and(eq(p.shopId, input.shopId), eq(p.id, input.id), isNull(p.deletedAt))).returning();
      if (!saved) throw new NotFoundError('Production profile');
    } else {
      // A new profile goes last unless told otherwise: the merchant moves it up if it should win.
      const position = values.position ?? (await nextPosition(tx, input.shopId));
      [saved] = await tx.insert(p).values({ shopId: input.shopId, ...values, position }).returning();
    }
    await queueRecheck(tx, deps, input.shopId);
    return saved!;
  });
}

export async function deleteProductionProfile(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: { shopId: string; id: string }): Promise<void> {
  await withShop(deps.db, input.shopId, async (tx) => {
    const p = schema.productionProfiles;
    const deleted = await tx
      .update(p)
      .set({ deletedAt: deps.clock() })
      .where(and(eq(p.shopId, input.shopId), eq(p.id, input.id), isNull(p.deletedAt)))
      .returning({ id: p.id });
    if (deleted.length === 0) throw new NotFoundError('Production profile');
    await queueRecheck(tx, deps, input.shopId);
  });
}

/** A profile's rules in force: its process's defaults under what the profile states. */
export function profileRules(profile: Pick<ProfileRow, 'rules' | 'process'>): RulesResolution {
  return resolveRules({ ...profile.rules, process: profile.process });
}

async function nextPosition(tx: Tx, shopId: string): Promise<number> {
  const p = schema.productionProfiles;
  const [row] = await tx.select({ next: sql<number>`coalesce(max(${p.position}) + 1, 0)::int` }).from(p).where(and(eq(p.shopId, shopId), isNull(p.deletedAt)));
  return row?.next ?? 0;
}

export function listProductionProfiles(tx: Tx, shopId: string): Promise<ProfileRow[]> {
  const p = schema.productionProfiles;
  return tx.select().from(p).where(and(eq(p.shopId, shopId), isNull(p.deletedAt))).orderBy(p.position, p.name);
}

export function queueRecheck(tx: Tx, deps: Pick<CoreDeps, 'boss'>, shopId: string): Promise<string | null> {
  // One pending re-check per shop is enough, however many profiles are saved meanwhile.
  return enqueueSingletonInTx(deps.boss, tx, queues.preflightRecheck.name, { shopId }, shopId);
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
