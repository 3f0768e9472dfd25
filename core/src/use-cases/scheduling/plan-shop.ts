import { eq } from 'drizzle-orm';
import { schema, withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { buildProblem } from '../../domain/index.ts';
import { refreshOrderStatus } from '../order-status/refresh-order-status.ts';
import { loadShopWorkflow } from '../shops/shop-workflow.ts';
import { loadPlanInput } from './load-plan-input.ts';
import { nextSchedule } from './next-schedule.ts';
import { persistPlan } from './persist-plan.ts';

/** A full solve's time budget: the re-plan holds the shop's schedule lock meanwhile. */
export const PLAN_BUDGET_MS = 2_000;

export interface PlanShopResult {
  method: string;
  planned: number;
  unscheduled: number;
  ordersWithNewEta: number;
}

/**
 * Re-plans a shop's live schedule: its jobs waiting for or on a machine, onto its
 * machines and calendars. Incremental from the last plan when the change is a list of
 * known events, else solved again. Planned times go onto the jobs, ETAs onto the
 * orders (each change an order event), and the problem and schedule are kept for the
 * next step, all in one transaction. One planner per shop at a time (row lock).
 */
export async function planShop(deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>, input: { shopId: string; budgetMs?: number }): Promise<PlanShopResult> {
  const { shopId } = input;
  return withShop(deps.db, shopId, async (tx) => {
    const s = schema.shopSchedules;
    await tx.insert(s).values({ shopId }).onConflictDoNothing();
    await tx.select({ shopId: s.shopId }).from(s).where(eq(s.shopId, shopId)).for('update');

    const at = deps.clock();
    const plan = await loadPlanInput(tx, shopId);
    const built = buildProblem({ nowMs: at.getTime(), machines: plan.machines, jobs: plan.jobs, setupMatrix: plan.setupMatrix });
    const { schedule, method } = nextSchedule({ problem: built.problem, previous: plan.previous, budgetMs: input.budgetMs ?? PLAN_BUDGET_MS, nowMs: () => Date.now() });

    const workflow = await loadShopWorkflow(tx, shopId);
    const keepMachineIn = workflow.stages.filter((stage) => stage.category === 'active' || stage.category === 'done').map((stage) => stage.key);
    const etaChanged = await persistPlan(tx, {
      shopId,
      at,
      schedule,
      jobIds: plan.jobs.map((job) => job.id),
      durations: built.durations,
      unplannable: built.unplannable,
      keepMachineIn,
      runningOn: new Map(plan.jobs.flatMap((job) => (job.running ? [[job.id, job.running.machineId] as const] : []))),
      waitingStages: workflow.stages.filter((stage) => stage.category === 'queued' || stage.category === 'hold').map((stage) => stage.key),
    });
    // An ETA past the promised date makes the order "delayed" for its customer (and back): pushed, e-mailed, announced.
    for (const order of etaChanged.filter((changed) => changed.promised)) {
      await refreshOrderStatus(tx, deps, { shopId, orderId: order.orderId, at, push: true });
    }
    await tx.update(s).set({ problem: built.problem, schedule, method, plannedAt: at, updatedAt: at }).where(eq(s.shopId, shopId));
    return { method, planned: schedule.jobs.length, unscheduled: schedule.unscheduled.length + built.unplannable.length, ordersWithNewEta: etaChanged.length };
  });
}
