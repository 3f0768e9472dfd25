import type { CustomerStatus } from '../workflow/index.ts';
import type { LineProgress, LineStatus, OrderStatus, OrderStatusInput, StatusJob } from './order-status-types.ts';

// Forward order of progress; hold and cancel sit outside it.
const RANK: Record<'paid' | 'in_production' | 'ready' | 'shipped' | 'delivered', number> = { paid: 0, in_production: 1, ready: 2, shipped: 3, delivered: 4 };
type Progress = keyof typeof RANK;

const FROM_STAGE: Record<CustomerStatus, Progress | 'on_hold' | 'cancelled'> = {
  received: 'paid',
  in_review: 'paid',
  in_production: 'in_production',
  ready: 'ready',
  shipped: 'shipped',
  // A job completed without a shipment was handed over (pickup) or needs none.
  completed: 'delivered',
  on_hold: 'on_hold',
  cancelled: 'cancelled',
};

/**
 * An order's customer status from everything it holds: each line's progress is the
 * furthest its jobs and its shipments prove for every unit; the order stands where its
 * least advanced line stands. A hold on any live job shows as on hold (with its reason);
 * an ETA past the promised date shows as delayed until the goods are out of the door.
 */
export function deriveOrderStatus(input: OrderStatusInput): OrderStatus {
  const lines = input.lines.map((line) => lineStatus(line, input));
  const live = lines.filter((line) => line.status !== 'cancelled');
  const shippedUnits = live.reduce((sum, line) => sum + Math.min(line.shipped, line.quantity), 0);
  const units = live.reduce((sum, line) => sum + line.quantity, 0);
  const partiallyShipped = shippedUnits > 0 && shippedUnits < units;

  if (input.cancelled || (lines.length > 0 && live.length === 0)) return { status: 'cancelled', holdReason: null, partiallyShipped: false, lines };
  const held = input.jobs.find((job) => FROM_STAGE[job.customerStatus] === 'on_hold');
  if (held) return { status: 'on_hold', holdReason: held.holdReason, partiallyShipped, lines };

  const least = live.reduce<Progress>((min, line) => {
    const progress = line.status as Progress;
    return RANK[progress] < RANK[min] ? progress : min;
  }, live.length === 0 ? 'paid' : 'delivered');
  const late = input.eta !== null && input.promisedAt !== null && input.eta.getTime() > input.promisedAt.getTime();
  const status = late && RANK[least] < RANK.shipped ? 'delayed' : least;
  return { status, holdReason: null, partiallyShipped, lines };
}

function lineStatus(line: { id: string; quantity: number }, input: OrderStatusInput): LineStatus {
  const jobs = input.jobs.filter((job) => job.items.some((item) => item.orderLineId === line.id));
  const sum = (filter: (status: 'shipped' | 'delivered') => boolean) =>
    input.shipments
      .filter((shipment) => filter(shipment.status))
      .flatMap((shipment) => shipment.lines.filter((entry) => entry.orderLineId === line.id))
      .reduce((total, entry) => total + entry.quantity, 0);
  const shipped = sum(() => true);
  const delivered = sum((status) => status === 'delivered');
  return { orderLineId: line.id, status: progressOf(line.quantity, jobs, shipped, delivered), quantity: line.quantity, shipped, delivered };
}

function progressOf(quantity: number, jobs: StatusJob[], shipped: number, delivered: number): LineProgress {
  const stages = jobs.map((job) => FROM_STAGE[job.customerStatus]);
  if (stages.length > 0 && stages.every((stage) => stage === 'cancelled')) return 'cancelled';
  if (stages.includes('on_hold')) return 'on_hold';
  if (quantity > 0 && delivered >= quantity) return 'delivered';
  if (quantity > 0 && shipped >= quantity) return 'shipped';
  // Jobs of one line may sit in different stages: the line is as far as its slowest job.
  const fromJobs = stages.filter((stage): stage is Progress => stage !== 'cancelled' && stage !== 'on_hold');
  if (fromJobs.length === 0) return 'paid';
  const slowest = fromJobs.reduce((min, stage) => (RANK[stage] < RANK[min] ? stage : min));
  // A job marked shipped or delivered without the shipment recorded counts as ready to go.
  return RANK[slowest] > RANK.ready && shipped < quantity ? (slowest === 'delivered' ? 'delivered' : 'ready') : slowest;
}
