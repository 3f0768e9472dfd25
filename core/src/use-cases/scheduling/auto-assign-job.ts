import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { autoAssign, buildProblem, fromAxisMinutes, solveSchedule } from '../../domain/index.ts';
import { loadPlanInput } from './load-plan-input.ts';

/**
 * A job just entered the scheduled stage: it gets the compatible machine that finishes
 * it soonest at the end of that machine's queue in the last plan, right away, so the
 * operator sees where it goes. The re-plan that follows may improve on it (unless pinned).
 */
export async function autoAssignJob(tx: Tx, input: { shopId: string; jobId: string; at: Date }): Promise<void> {
  const plan = await loadPlanInput(tx, input.shopId);
  const built = buildProblem({ nowMs: input.at.getTime(), machines: plan.machines, jobs: plan.jobs, setupMatrix: plan.setupMatrix });
  const job = built.problem.jobs.find((candidate) => candidate.id === input.jobId);
  const duration = built.durations.get(input.jobId);
  const j = schema.jobs;
  const where = and(eq(j.shopId, input.shopId), eq(j.id, input.jobId));
  const unplaced = { machineId: null, sequence: null, plannedStart: null, plannedEnd: null, setupMinutes: null };
  if (!job) {
    const why = built.unplannable.find((u) => u.jobId === input.jobId);
    if (why) await tx.update(j).set({ ...unplaced, unscheduledReason: why.reason, unscheduledDetail: why.detail }).where(where);
    return;
  }
  const others = { ...built.problem, jobs: built.problem.jobs.filter((candidate) => candidate.id !== input.jobId) };
  const schedule = plan.previous?.schedule ?? solveSchedule(others, { improve: false });
  const assignment = autoAssign({ problem: built.problem, schedule, job });
  const durationFields = { durationMinutes: duration?.minutes ?? null, durationSource: duration?.source ?? null };
  if (!assignment.ok) {
    await tx.update(j).set({ ...unplaced, ...durationFields, unscheduledReason: assignment.reason, unscheduledDetail: assignment.detail }).where(where);
    return;
  }
  await tx
    .update(j)
    .set({
      ...durationFields,
      machineId: assignment.machineId,
      sequence: null,
      setupMinutes: null,
      plannedStart: new Date(fromAxisMinutes(assignment.start)),
      plannedEnd: new Date(fromAxisMinutes(assignment.end)),
      unscheduledReason: null,
      unscheduledDetail: null,
    })
    .where(where);
}
