import type { CustomerStatus } from '../workflow/index.ts';
import type { OrderCustomerStatus } from './order-status-types.ts';

/** The steps a customer's timeline shows, in order; hold, delay and cancel are shown beside them. */
export const TIMELINE_STEPS = ['paid', 'in_production', 'ready', 'shipped', 'delivered'] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

const STEP_OF_STAGE: Partial<Record<CustomerStatus, TimelineStep>> = {
  in_production: 'in_production',
  ready: 'ready',
  shipped: 'shipped',
  completed: 'delivered',
};

export interface TimelineInput {
  placedAt: Date;
  status: OrderCustomerStatus;
  /** Every job's moves from the audit trail, with the customer status of the stage entered. */
  moves: { jobId: string; at: Date; customerStatus: CustomerStatus }[];
  jobIds: string[];
  shipments: { createdAt: Date; status: 'shipped' | 'delivered'; statusAt: Date }[];
}

export interface TimelineEntry {
  step: TimelineStep;
  /** When the whole order reached it; null for steps not reached (or not provable from the trail). */
  at: Date | null;
  reached: boolean;
  current: boolean;
}

/**
 * The order's timeline: a step is reached when every job has reached it (a split order
 * is as far as its slowest job), at the moment the last one did; shipping steps come
 * from the shipments. The current step is the furthest one the order's status proves.
 */
export function orderTimeline(input: TimelineInput): TimelineEntry[] {
  const currentIndex = currentStepIndex(input);
  return TIMELINE_STEPS.map((step, index) => {
    const reached = index <= currentIndex;
    return { step, at: reached ? reachedAt(step, index, input) : null, reached, current: index === currentIndex };
  });
}

function currentStepIndex(input: TimelineInput): number {
  const direct = TIMELINE_STEPS.indexOf(input.status as TimelineStep);
  if (direct >= 0) return direct;
  // On hold, delayed or cancelled: as far as the moves before it got.
  let furthest = 0;
  for (const [index, step] of TIMELINE_STEPS.entries()) {
    if (index > 0 && index < 3 && reachedAt(step, index, input) !== null) furthest = index;
  }
  return furthest;
}

function reachedAt(step: TimelineStep, index: number, input: TimelineInput): Date | null {
  if (step === 'paid') return input.placedAt;
  if (step === 'shipped') return latest(input.shipments.map((shipment) => shipment.createdAt));
  if (step === 'delivered') {
    const delivered = input.shipments.filter((shipment) => shipment.status === 'delivered').map((shipment) => shipment.statusAt);
    return delivered.length > 0 ? latest(delivered) : latestJobArrival(index, input);
  }
  return latestJobArrival(index, input);
}

/** When the slowest job first entered a stage at or past the step. */
function latestJobArrival(index: number, input: TimelineInput): Date | null {
  if (input.jobIds.length === 0) return null;
  let last: Date | null = null;
  for (const jobId of input.jobIds) {
    const first = input.moves
      .filter((move) => move.jobId === jobId && TIMELINE_STEPS.indexOf(STEP_OF_STAGE[move.customerStatus] ?? 'paid') >= index)
      .reduce<Date | null>((min, move) => (min === null || move.at < min ? move.at : min), null);
    if (first === null) return null;
    if (last === null || first > last) last = first;
  }
  return last;
}

function latest(dates: Date[]): Date | null {
  return dates.reduce<Date | null>((max, date) => (max === null || date > max ? date : max), null);
}
