import type { Schedule } from '@pressline/core/domain';

/** The JSON form: assignments, unscheduled jobs with their reason, metrics. */
export interface ScheduleJson {
  assignments: Array<{ jobId: string; machineId: string; start: number; end: number; segments?: Array<[number, number]> }>;
  unscheduled: Array<{ jobId: string; reason: string; detail: string }>;
  metrics: { makespan: number; weightedTardiness: number; setupTime: number };
}

export function scheduleJson(schedule: Schedule): ScheduleJson {
  return {
    assignments: schedule.jobs.map((p) => ({ jobId: p.jobId, machineId: p.machineId, start: p.start, end: p.end, ...(p.segments ? { segments: p.segments } : {}) })),
    unscheduled: schedule.unscheduled.map((u) => ({ jobId: u.jobId, reason: u.reason, detail: u.detail })),
    metrics: { makespan: schedule.metrics.makespan, weightedTardiness: schedule.metrics.weightedTardiness, setupTime: schedule.metrics.setupTime },
  };
}

/** A short, readable plan: one block per machine, then what could not be placed. */
export function scheduleSummary(schedule: Schedule): string[] {
  const lines: string[] = [];
  for (const machine of schedule.machines) {
    lines.push(`${machine.machineId}: ${machine.queue.length} job${machine.queue.length === 1 ? '' : 's'}`);
    for (const p of machine.queue) {
      const late = p.tardiness > 0 ? `  late ${round(p.tardiness)}` : '';
      const setup = p.setup > 0 ? `  setup ${round(p.setup)}` : '';
      lines.push(`  ${p.jobId.padEnd(12)} ${String(round(p.start)).padStart(8)} → ${String(round(p.end)).padEnd(8)}${setup}${late}`);
    }
  }
  for (const u of schedule.unscheduled) lines.push(`unscheduled ${u.jobId}: ${u.detail} (${u.reason})`);
  const m = schedule.metrics;
  lines.push(`makespan ${round(m.makespan)}, weighted tardiness ${round(m.weightedTardiness)}, setup ${round(m.setupTime)} minutes, ${m.tardyJobs} late`);
  return lines;
}

const round = (x: number): number => Math.round(x * 100) / 100;
