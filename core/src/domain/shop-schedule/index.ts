/**
 * From a shop's rows to the scheduler's plain problem and back: the time axis, machine
 * calendars, job durations from time models, capabilities, and the events between two
 * problems that let a re-plan be incremental.
 */
export { AXIS_EPOCH_MS, toAxisMinutes, fromAxisMinutes } from './time-axis.ts';
export { parseMachineCalendar, calendarFromJson, type MachineCalendar, type CalendarCheck } from './machine-calendar.ts';
export { parseTimeModel, jobDuration, DEFAULT_TIME_MODEL, MAX_JOB_MINUTES, type TimeModel, type TimeModelCheck } from './job-duration.ts';
export {
  buildProblem,
  capabilitiesOf,
  requirementsOf,
  fitsPart,
  fitsSize,
  type PartMm,
  type PlanJob,
  type PlanMachine,
  type PlanProfile,
  type ProblemBuild,
  type PlannedDuration,
  type SizeMm as MachineSizeMm,
} from './build-problem.ts';
export { eventsBetween } from './plan-events.ts';
export { planStages, type PlanStages } from './plan-stages.ts';
export { parseMachineFields, type MachineFields, type MachineFieldsCheck } from './machine-input.ts';
