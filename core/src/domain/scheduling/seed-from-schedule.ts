import type { Model } from './compile-problem.ts';
import type { Schedule } from './scheduling-types.ts';

/**
 * The previous schedule's queues mapped onto a freshly compiled problem: each machine
 * keeps its order for the jobs that may still run there (after its lock), manual
 * orders are put back in rank order, and every other placeable job is left over.
 */
export function seedFromSchedule(model: Model, previous: Schedule): { seqs: number[][]; leftover: number[] } {
  const M = model.machines.length;
  const used = new Uint8Array(model.n);
  const queues = new Map(previous.machines.map((q) => [q.machineId, q.queue]));
  const seqs = model.machines.map((machine, m) => {
    const seq = [...machine.locked];
    for (const j of seq) used[j] = 1;
    if (!machine.up) return seq;
    for (const planned of queues.get(machine.id) ?? []) {
      if (planned.running) continue;
      const j = model.index.get(planned.jobId);
      if (j === undefined || used[j] || !model.allowed[j * M + m]) continue;
      used[j] = 1;
      seq.push(j);
    }
    const slots = seq.map((j, k) => (model.rank[j]! >= 0 ? k : -1)).filter((k) => k >= 0);
    const ranked = slots.map((k) => seq[k]!).sort((a, b) => model.rank[a]! - model.rank[b]!);
    slots.forEach((k, i) => (seq[k] = ranked[i]!));
    return seq;
  });
  const leftover: number[] = [];
  for (let j = 0; j < model.n; j++) if (!used[j]) leftover.push(j);
  return { seqs, leftover };
}
