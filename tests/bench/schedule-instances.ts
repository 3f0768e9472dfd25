/**
 * Seeded instances for `pnpm bench schedule`. The shop instance mimics a print shop's
 * backlog: three process groups (digital, large format, laser), machines holding a
 * subset of their group's materials (eligibility), colour/material families with
 * changeovers of 10–55 minutes that grow with the distance between families, durations
 * log-uniform in 10–180 minutes, a tenth of the jobs rush (weight 10), a fifth released
 * later, and due dates drawn per group from the classic tardiness factor τ and range R
 * (d ~ U[(1 − τ − R/2)·H, (1 − τ + R/2)·H], H the group's load per machine), so about
 * half the work cannot be on time and tardiness is far from trivial.
 */
import type { SchedulingJob, SchedulingMachine, SchedulingProblem, WorkingCalendar } from '@pressline/core/domain';

/** mulberry32: the benchmark's own seeded generator. */
export function seeded(seed: number): { next(): number; int(n: number): number } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Identical machines, no setups or due dates: the objective left is load balance. */
export function identicalInstance(n: number, m: number, seed: number): SchedulingProblem {
  const rng = seeded(seed);
  return {
    now: 0,
    machines: Array.from({ length: m }, (_, i) => ({ id: `M${i + 1}`, capabilities: ['press'] })),
    jobs: Array.from({ length: n }, (_, j) => ({ id: `J${j + 1}`, duration: 1 + rng.int(120), requires: ['press'], weight: 1 })),
  };
}

export function shopInstance(input: { n: number; m: number; seed: number; tau?: number; range?: number; calendars?: boolean }): SchedulingProblem {
  const { n, m, seed, tau = 0.5, range = 0.6 } = input;
  const rng = seeded(seed);
  const groups = ['digital', 'large-format', 'laser'];
  const share = [0.4, 0.35, 0.25];
  const familiesPerGroup = 8;
  // Two shifts a day, Monday to Friday, on an axis starting Monday 06:00.
  const twoShifts: WorkingCalendar = { windows: [0, 1, 2, 3, 4].map((d) => [d * 1440, d * 1440 + 960] as [number, number]), repeatEvery: 10080 };
  const machines: SchedulingMachine[] = [];
  const byGroup: number[][] = groups.map(() => []);
  for (let i = 0; i < m; i++) {
    const g = i % groups.length;
    const materials = new Set<string>();
    while (materials.size < 3 + rng.int(3)) materials.add(`${groups[g]}-mat${rng.int(6)}`);
    byGroup[g]!.push(i);
    machines.push({
      id: `M${String(i + 1).padStart(2, '0')}`,
      capabilities: [groups[g]!, ...materials],
      ...(input.calendars && i % 2 === 1 ? { calendar: twoShifts } : {}),
    });
  }
  const setupMatrix: Record<string, Record<string, number>> = {};
  for (const group of groups) {
    for (let a = 0; a < familiesPerGroup; a++) {
      const row: Record<string, number> = {};
      for (let b = 0; b < familiesPerGroup; b++) if (a !== b) row[`${group}-f${b}`] = 10 + 5 * Math.abs(a - b) + rng.int(10);
      setupMatrix[`${group}-f${a}`] = row;
    }
  }
  const load = groups.map(() => 0);
  const drafts: Array<{ g: number; job: SchedulingJob }> = [];
  for (let j = 0; j < n; j++) {
    const u = rng.next();
    const g = u < share[0]! ? 0 : u < share[0]! + share[1]! ? 1 : 2;
    const offered = [...new Set(byGroup[g]!.flatMap((i) => machines[i]!.capabilities.slice(1)))];
    const duration = Math.round(Math.exp(Math.log(10) + rng.next() * Math.log(18)));
    const rush = rng.next() < 0.1;
    load[g]! += duration + 15;
    drafts.push({
      g,
      job: {
        id: `J${j + 1}`,
        duration,
        requires: [groups[g]!, offered[rng.int(offered.length)]!],
        weight: rush ? 10 : 1 + rng.int(3),
        setupFamily: `${groups[g]}-f${rng.int(familiesPerGroup)}`,
      },
    });
  }
  // Calendars stretch the horizon: working time is 80 of 168 hours a week on those machines.
  const stretch = input.calendars ? 1.5 : 1;
  const jobs = drafts.map(({ g, job }) => {
    const horizon = (stretch * load[g]!) / byGroup[g]!.length;
    const release = rng.next() < 0.2 ? Math.round(rng.next() * 0.5 * horizon) : 0;
    const due = Math.round(horizon * (1 - tau - range / 2 + rng.next() * range));
    return { ...job, ...(release > 0 ? { release } : {}), due: Math.max(due, release + job.duration) };
  });
  return { now: 0, machines, jobs, setupMatrix };
}
