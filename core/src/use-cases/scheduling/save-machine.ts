import { and, eq, isNull, ne } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { parseMachineFields } from '../../domain/index.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import type { MachineRow } from './load-plan-input.ts';
import { queuePlan } from './queue-plan.ts';

type Deps = Pick<CoreDeps, 'db' | 'boss' | 'clock'>;

export const MACHINE_STATES = ['up', 'down', 'maintenance'] as const;
export type MachineState = (typeof MACHINE_STATES)[number];

/**
 * Creates (no id) or changes a machine; bad input is refused naming each field. The
 * shop is re-planned in the same transaction, since capabilities or a calendar changed.
 */
export async function saveMachine(deps: Deps, input: { shopId: string; id?: string | null; fields: unknown }): Promise<MachineRow> {
  const checked = parseMachineFields(input.fields);
  if (!checked.ok) throw new BadRequestError(`Invalid machine: ${checked.problems.join('; ')}`, { problems: checked.problems });
  const fields = checked.fields;
  return withShop(deps.db, input.shopId, async (tx) => {
    const m = schema.machines;
    const clash = await tx
      .select({ id: m.id })
      .from(m)
      .where(and(eq(m.shopId, input.shopId), eq(m.name, fields.name), isNull(m.deletedAt), ...(input.id ? [ne(m.id, input.id)] : [])));
    if (clash.length > 0) throw new ConflictError(`A machine named "${fields.name}" already exists`);
    const values = { ...fields, updatedAt: deps.clock() };
    const [saved] = input.id
      ? await tx.update(m).set(values).where(and(eq(m.shopId, input.shopId), eq(m.id, input.id), isNull(m.deletedAt))).returning()
      : await tx.insert(m).values({ shopId: input.shopId, ...values }).returning();
    if (!saved) throw new NotFoundError('Machine');
    await queuePlan(tx, deps.boss, input.shopId);
    return saved;
  });
}

/** Up, down or in maintenance, with the reason; down or maintenance moves its queue to other machines. */
export async function setMachineState(deps: Deps, input: { shopId: string; id: string; state: string; reason?: string | null }): Promise<MachineRow> {
  if (!(MACHINE_STATES as readonly string[]).includes(input.state)) throw new BadRequestError(`state: must be one of ${MACHINE_STATES.join(', ')}`);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 500) throw new BadRequestError('reason: must be at most 500 characters');
  return withShop(deps.db, input.shopId, async (tx) => {
    const m = schema.machines;
    const at = deps.clock();
    const [saved] = await tx
      .update(m)
      .set({ state: input.state as MachineState, stateReason: reason, stateChangedAt: at, updatedAt: at })
      .where(and(eq(m.shopId, input.shopId), eq(m.id, input.id), isNull(m.deletedAt)))
      .returning();
    if (!saved) throw new NotFoundError('Machine');
    await queuePlan(tx, deps.boss, input.shopId);
    return saved;
  });
}

/** Soft delete: the machine leaves the plan; jobs pinned to it are listed as unscheduled until re-pinned. */
export async function deleteMachine(deps: Deps, input: { shopId: string; id: string }): Promise<void> {
  await withShop(deps.db, input.shopId, async (tx) => {
    const m = schema.machines;
    const deleted = await tx
      .update(m)
      .set({ deletedAt: deps.clock() })
      .where(and(eq(m.shopId, input.shopId), eq(m.id, input.id), isNull(m.deletedAt)))
      .returning({ id: m.id });
    if (deleted.length === 0) throw new NotFoundError('Machine');
    await queuePlan(tx, deps.boss, input.shopId);
  });
}
