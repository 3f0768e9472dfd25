import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';

/** Batched reads behind the scheduling fields of the API. */

export function machinesByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const m = schema.machines;
  // Deleted machines too: a finished job still names the machine it ran on.
  return tx.select().from(m).where(and(eq(m.shopId, shopId), inArray(m.id, [...ids])));
}

/** Each machine's planned jobs, running first, in planned order. */
export function queuesByMachineIds(tx: Tx, shopId: string, machineIds: readonly string[]) {
  const j = schema.jobs;
  return tx
    .select()
    .from(j)
    .where(and(eq(j.shopId, shopId), inArray(j.machineId, [...machineIds]), isNotNull(j.plannedStart), isNull(j.deletedAt)))
    .orderBy(sql`${j.sequence} asc nulls last`, asc(j.plannedStart), asc(j.number));
}

export function unscheduledJobs(tx: Tx, shopId: string) {
  const j = schema.jobs;
  return tx.select().from(j).where(and(eq(j.shopId, shopId), isNotNull(j.unscheduledReason), isNull(j.deletedAt))).orderBy(asc(j.number));
}

export async function setupMatrixOf(tx: Tx, shopId: string): Promise<Record<string, Record<string, number>>> {
  const [row] = await tx.select({ matrix: schema.shopSchedules.setupMatrix }).from(schema.shopSchedules).where(eq(schema.shopSchedules.shopId, shopId));
  return row?.matrix ?? {};
}
