import { and, eq, isNull } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { parseTimeModel } from '../../domain/index.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { auditScheduleChange } from './operator-overrides.ts';
import { queuePlan } from './queue-plan.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';

type Deps = Pick<CoreDeps, 'db' | 'boss' | 'clock'>;

/** Due date, rush and priority of a job: what the scheduler weighs lateness by. */
export async function updateJobSchedule(deps: Deps, input: { shopId: string; jobId: string; dueAt?: Date | null; rush?: boolean | null; priority?: number | null; actor: string }) {
  if (input.priority !== undefined && input.priority !== null && (!Number.isInteger(input.priority) || input.priority < 1 || input.priority > 100)) {
    throw new BadRequestError('priority: must be a whole number from 1 (normal) to 100');
  }
  return withShop(deps.db, input.shopId, async (tx) => {
    const j = schema.jobs;
    const where = and(eq(j.shopId, input.shopId), eq(j.id, input.jobId), isNull(j.deletedAt));
    const [before] = await tx.select().from(j).where(where).for('update');
    if (!before) throw new NotFoundError('Job');
    const at = deps.clock();
    const [saved] = await tx
      .update(j)
      .set({
        ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
        ...(input.rush !== undefined && input.rush !== null ? { rush: input.rush } : {}),
        ...(input.priority !== undefined && input.priority !== null ? { priority: input.priority } : {}),
        updatedAt: at,
      })
      .where(where)
      .returning();
    const show = (date: Date | null) => (date ? date.toISOString() : 'none');
    const changes = [
      ...(show(before.dueAt) !== show(saved!.dueAt) ? [`due ${show(before.dueAt)} → ${show(saved!.dueAt)}`] : []),
      ...(before.rush !== saved!.rush ? [saved!.rush ? 'rush' : 'no longer rush'] : []),
      ...(before.priority !== saved!.priority ? [`priority ${before.priority} → ${saved!.priority}`] : []),
    ];
    if (changes.length > 0) await auditScheduleChange(tx, { shopId: input.shopId, job: saved!, actor: input.actor, at, note: changes.join('; ') });
    await queuePlan(tx, deps.boss, input.shopId);
    return saved;
  });
}

/** The date the shop promised the customer: the due date of its jobs that have none of their own; an ETA past it marks the order delayed. */
export async function setOrderPromise(deps: Deps, input: { shopId: string; orderId: string; promisedAt: Date | null }) {
  return withShop(deps.db, input.shopId, async (tx) => {
    const o = schema.orders;
    const [saved] = await tx
      .update(o)
      .set({ promisedAt: input.promisedAt, updatedAt: deps.clock() })
      .where(and(eq(o.shopId, input.shopId), eq(o.id, input.orderId), isNull(o.deletedAt)))
      .returning();
    if (!saved) throw new NotFoundError('Order');
    // A new promise may make the current ETA late (or on time again) for the customer.
    await refreshOrderStatus(tx, deps, { shopId: input.shopId, orderId: input.orderId, at: deps.clock(), push: true });
    await queuePlan(tx, deps.boss, input.shopId);
    return saved;
  });
}

/** The scheduling side of a production profile: time model, required capabilities, setup family. */
export async function setProfileScheduling(
  deps: Deps,
  input: { shopId: string; profileId: string; timeModel?: unknown; requiredCapabilities?: string[] | null; setupFamily?: string | null },
) {
  const problems: string[] = [];
  let timeModel = null;
  if (input.timeModel !== undefined && input.timeModel !== null) {
    const parsed = parseTimeModel(input.timeModel);
    if (parsed.ok) timeModel = parsed.timeModel;
    else problems.push(...parsed.problems);
  }
  const capabilities = (input.requiredCapabilities ?? []).map((c) => c.trim());
  capabilities.forEach((c, i) => {
    if (!c || c.length > 100) problems.push(`requiredCapabilities.${i}: must be 1 to 100 characters`);
  });
  const family = input.setupFamily?.trim() || null;
  if (family && family.length > 100) problems.push('setupFamily: must be at most 100 characters');
  if (problems.length > 0) throw new BadRequestError(`Invalid scheduling settings: ${problems.join('; ')}`, { problems });
  return withShop(deps.db, input.shopId, async (tx) => {
    const p = schema.productionProfiles;
    const [saved] = await tx
      .update(p)
      .set({ timeModel, requiredCapabilities: [...new Set(capabilities)], setupFamily: family, updatedAt: deps.clock() })
      .where(and(eq(p.shopId, input.shopId), eq(p.id, input.profileId), isNull(p.deletedAt)))
      .returning();
    if (!saved) throw new NotFoundError('Production profile');
    await queuePlan(tx, deps.boss, input.shopId);
    return saved;
  });
}

/** Changeover minutes between setup families: matrix[from][to]. */
export async function saveSetupMatrix(deps: Deps, input: { shopId: string; matrix: unknown }): Promise<Record<string, Record<string, number>>> {
  const matrix = input.matrix;
  const problems: string[] = [];
  if (typeof matrix !== 'object' || matrix === null || Array.isArray(matrix)) problems.push('matrix: must be an object { fromFamily: { toFamily: minutes } }');
  else {
    const entries = Object.entries(matrix as Record<string, unknown>);
    if (entries.length > 200) problems.push('matrix: at most 200 families');
    for (const [from, row] of entries) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        problems.push(`matrix.${from}: must be an object { toFamily: minutes }`);
        continue;
      }
      for (const [to, minutes] of Object.entries(row as Record<string, unknown>)) {
        if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > 10_080) problems.push(`matrix.${from}.${to}: must be minutes from 0 to 10080`);
      }
    }
  }
  if (problems.length > 0) throw new BadRequestError(`Invalid setup matrix: ${problems.slice(0, 20).join('; ')}`, { problems });
  const saved = matrix as Record<string, Record<string, number>>;
  await withShop(deps.db, input.shopId, async (tx) => {
    const s = schema.shopSchedules;
    await tx.insert(s).values({ shopId: input.shopId, setupMatrix: saved }).onConflictDoUpdate({ target: s.shopId, set: { setupMatrix: saved, updatedAt: deps.clock() } });
    await queuePlan(tx, deps.boss, input.shopId);
  });
  return saved;
}
