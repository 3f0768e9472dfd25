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
export { reschedule, applyEvent, etaChanges, type ScheduleEvent, type EtaChange, type RescheduleResult } from './reschedule.ts';
export { autoAssign, type AutoAssignment } from './auto-assign.ts';
