/**
 * `pnpm bench schedule [--seed n] [--time-limit s]`: the scheduler against its own
 * baselines, side by side in one run. (a) identical machines: makespan against the lower
 * bound max(max p, Σp/m); (b) 5,000 jobs × 30 machines with eligibility, setups and due
 * dates: construction time, and the objective (weighted tardiness + setup minutes) after
 * the time limit against the best ATCS dispatch of a k1 × k2 grid; (c) 200 jobs × 10
 * machines: incremental reschedule after a machine goes down against a full re-solve.
 * Every schedule is checked by the independent verifier; a violation fails the run.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { reschedule, solveSchedule, verifySchedule, type Schedule, type SchedulingProblem } from '@pressline/core/domain';
import { identicalInstance, shopInstance } from './schedule-instances.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const pct = (x: number) => `${x.toFixed(3)}%`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function deadline(seconds: number): () => boolean {
  const end = performance.now() + seconds * 1000;
  return () => performance.now() >= end;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { seed: { type: 'string', default: '7' }, 'time-limit': { type: 'string', default: '10' } }, strict: true });
  const seed = Number(values.seed);
  const limit = Number(values['time-limit']);
  if (!Number.isInteger(seed) || !(limit > 0)) throw new RangeError('--seed takes an integer, --time-limit a positive number of seconds');
  const failures: string[] = [];
  const check = (label: string, problem: SchedulingProblem, schedule: Schedule) => {
    const { violations } = verifySchedule(problem, schedule);
    for (const v of violations.slice(0, 5)) failures.push(`${label}: ${v}`);
  };

  say('(a) identical machines: makespan against the lower bound max(max p, Σp/m), target within 0.1%');
  say(`    ${'jobs × machines'.padEnd(17)} ${'lower bound'.padStart(12)} ${'ATCS'.padStart(10)} ${'ours'.padStart(10)} ${'gap'.padStart(9)}  time`);
  for (const [n, m] of [[1000, 10], [1000, 37], [2000, 50]] as const) {
    const problem = identicalInstance(n, m, seed + n + m);
    const sum = problem.jobs.reduce((s, j) => s + j.duration, 0);
    const bound = Math.max(Math.max(...problem.jobs.map((j) => j.duration)), sum / m);
    const dispatched = solveSchedule(problem, { improve: false });
    const t = performance.now();
    const ours = solveSchedule(problem, { seed, shouldStop: deadline(Math.min(2, limit)) });
    const took = performance.now() - t;
    check(`(a) ${n}×${m}`, problem, ours);
    const gap = (ours.metrics.makespan / bound - 1) * 100;
    say(`    ${`${n} × ${m}`.padEnd(17)} ${bound.toFixed(1).padStart(12)} ${String(dispatched.metrics.makespan).padStart(10)} ${String(ours.metrics.makespan).padStart(10)} ${pct(gap).padStart(9)}  ${ms(took)}  ${gap <= 0.1 ? 'ok' : 'MISSED'}`);
  }

  say('');
  say(`(b) 5,000 jobs × 30 machines, eligibility, setups, due dates (τ 0.5, R 0.6): weighted tardiness + setup minutes`);
  const shop = shopInstance({ n: 5000, m: 30, seed });
  const grid: Array<{ k1: number; k2: number; objective: number; wt: number; setup: number; time: number }> = [];
  for (const k1 of [0.5, 1, 2, 4]) {
    for (const k2 of [0.2, 1]) {
      const t = performance.now();
      const s = solveSchedule(shop, { atcs: { k1, k2 }, improve: false });
      grid.push({ k1, k2, objective: s.metrics.objective, wt: s.metrics.weightedTardiness, setup: s.metrics.setupTime, time: performance.now() - t });
      check(`(b) ATCS k1=${k1} k2=${k2}`, shop, s);
    }
  }
  for (const g of grid) say(`    ATCS k1=${String(g.k1).padEnd(3)} k2=${String(g.k2).padEnd(3)}  objective ${g.objective.toFixed(0).padStart(9)}  (tardiness ${g.wt.toFixed(0).padStart(9)}, setup ${g.setup.toFixed(0).padStart(6)})  ${ms(g.time)}`);
  const best = grid.reduce((a, b) => (b.objective < a.objective ? b : a));
  const constructionTimes: number[] = [];
  let constructed = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    constructed = solveSchedule(shop, { improve: false }).metrics.objective;
    constructionTimes.push(performance.now() - t);
  }
  const t0 = performance.now();
  const ours = solveSchedule(shop, { seed, shouldStop: deadline(limit) });
  const took = performance.now() - t0;
  check('(b) ours', shop, ours);
  const improvement = (1 - ours.metrics.objective / best.objective) * 100;
  const construction = median(constructionTimes);
  say(`    best grid point: k1=${best.k1} k2=${best.k2}, objective ${best.objective.toFixed(0)}`);
  say(`    ours: construction (ATCS, k1 and k2 from the instance) ${ms(construction)} (median of 3, target ≤ 1000 ms) ${construction <= 1000 ? 'ok' : 'MISSED'}, objective ${constructed.toFixed(0)}`);
  say(`    ours after ${(took / 1000).toFixed(1)} s: objective ${ours.metrics.objective.toFixed(0)} (tardiness ${ours.metrics.weightedTardiness.toFixed(0)}, setup ${ours.metrics.setupTime.toFixed(0)}, ${ours.metrics.tardyJobs} late jobs)`);
  say(`    improvement over the best grid point: ${improvement.toFixed(1)}% (target ≥ 15%) ${improvement >= 15 ? 'ok' : 'MISSED'}`);

  say('');
  say('(c) 200 jobs × 10 machines (half on two shifts): one machine goes down');
  const small = shopInstance({ n: 200, m: 10, seed: seed + 1, calendars: true });
  const before = solveSchedule(small, { seed });
  check('(c) before', small, before);
  const incremental: number[] = [];
  const full: number[] = [];
  const objectives: Array<[number, number]> = [];
  for (let round = 0; round < 3; round++) {
    for (const machine of small.machines) {
      const t = performance.now();
      const result = reschedule({ problem: small, previous: before, event: { type: 'machine-down', machineId: machine.id } });
      incremental.push(performance.now() - t);
      const t2 = performance.now();
      const resolved = solveSchedule(result.problem, { seed });
      full.push(performance.now() - t2);
      if (round > 0) continue;
      check(`(c) incremental, ${machine.id} down`, result.problem, result.schedule);
      check(`(c) full re-solve, ${machine.id} down`, result.problem, resolved);
      if (result.schedule.jobs.some((p) => p.machineId === machine.id)) failures.push(`(c) a job is still planned on ${machine.id}, which is down`);
      objectives.push([result.schedule.metrics.objective, resolved.metrics.objective]);
    }
  }
  say(`    incremental reschedule: best ${ms(Math.min(...incremental))}, median ${ms(median(incremental))} over ${incremental.length} (target ≤ 50 ms) ${median(incremental) <= 50 ? 'ok' : 'MISSED'}`);
  say(`    full re-solve (default budget): best ${ms(Math.min(...full))}, median ${ms(median(full))}`);
  const ratio = objectives.map(([a, b]) => a / Math.max(1, b));
  say(`    objective incremental / full re-solve: median ${median(ratio).toFixed(3)} (range ${Math.min(...ratio).toFixed(3)}–${Math.max(...ratio).toFixed(3)})`);

  say('');
  if (failures.length > 0) {
    for (const failure of failures) say(`FEASIBILITY: ${failure}`);
    return 1;
  }
  say('every schedule passed the independent feasibility check');
  return 0;
}
