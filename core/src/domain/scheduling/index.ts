/**
 * The scheduler: pure, deterministic for a given seed and step budget, no clock.
 *
 * - Hard constraints always hold: capabilities, machine up, pins, operator locks
 *   (`lockedSequence` runs first in order; `manualOrder` keeps relative order), working
 *   calendars, release times, one job at a time per machine, running jobs keep machine
 *   and start. A job that cannot be placed is listed in `unscheduled` with a reason.
 * - Calendars: a job may continue in the next working window with the same working
 *   minutes (shops split long runs across shifts); `splittable: false` keeps it in one
 *   window. Changeovers also take working time and may be done before a job's release.
 * - Objective, lexicographic: weighted tardiness + setup minutes, then Σ (last end − now)²
 *   over machines (load balance).
 * - Machine down: its queue goes to other machines; a job running on it is interrupted
 *   and queued again with its full duration (its pin, if any, makes it unscheduled).
 */
export type {
  MachineQueue,
  PlannedJob,
  RunningJob,
  Schedule,
  ScheduleMetrics,
  SchedulingJob,
  SchedulingMachine,
  SchedulingProblem,
  SetupMatrix,
  SolveOptions,
  UnscheduledJob,
  UnscheduledReason,
  WorkingCalendar,
} from './scheduling-types.ts';
export { solveSchedule } from './solve-schedule.ts';
export { verifySchedule, type ScheduleCheck } from './verify-schedule.ts';
export { weeklyWindows } from './calendar.ts';
export { planOvertaken, retimeSchedule } from './retime-schedule.ts';
export { reschedule, applyEvent, etaChanges, type ScheduleEvent, type EtaChange, type RescheduleResult } from './reschedule.ts';
export { autoAssign, type AutoAssignment } from './auto-assign.ts';
export { tardinessWeight, RUSH_FACTOR } from './tardiness-weight.ts';
