import { gql } from '../api/graphql.ts';
import type { TimelineEvent } from '../ops/event-timeline.tsx';

export interface OrderDetail {
  id: string;
  name: string;
  customerName: string | null;
  customerEmail: string | null;
  placedAt: string;
  status: string;
  financialStatus: string;
  shippingMethod: string | null;
  eta: string | null;
  promisedAt: string | null;
  delayed: boolean;
  total: { amountMinor: number; currency: string };
  customerStatus: { label: string; holdReason: string | null };
  lines: { id: string; title: string; variantTitle: string | null; sku: string | null; quantity: number }[];
  jobs: {
    id: string;
    number: string;
    title: string;
    stage: { label: string };
    location: string | null;
    machine: { name: string } | null;
    preflightStatus: string;
    files: { id: string; name: string; role: string; status: string; preflight: { status: string; errors: { code: string; message: string }[]; warnings: { code: string; message: string }[] } }[];
    events: TimelineEvent[];
  }[];
  shipments: { id: string; localPickup: boolean; carrier: string | null; trackingNumbers: string[]; trackingUrl: string | null; status: string; statusAt: string; lines: { quantity: number; orderLine: { title: string } }[] }[];
  events: TimelineEvent[];
}


const FINDING = 'code message';
const QUERY = `query Order($id: ID!) { order(id: $id) {
  id name customerName customerEmail placedAt status financialStatus shippingMethod eta promisedAt delayed
  total { amountMinor currency } customerStatus { label holdReason }
  lines { id title variantTitle sku quantity }
  jobs { id number title stage { label } location machine { name } preflightStatus
    files { id name role status preflight { status errors { ${FINDING} } warnings { ${FINDING} } } }
    events { at actor kind note from to } }
  shipments { id localPickup carrier trackingNumbers trackingUrl status statusAt lines { quantity orderLine { title } } }
  events { at actor kind note } } }`;

export async function loadOrderDetail(id: string): Promise<OrderDetail | null> {
  return (await gql<{ order: OrderDetail | null }>(QUERY, { id })).order;
}

/** The order's own events and its jobs' events in one list, oldest first, each saying whose it is. */
export function orderTimeline(order: Pick<OrderDetail, 'events' | 'jobs'>): (TimelineEvent & { subject: string })[] {
  const entries = [
    ...order.events.map((event) => ({ ...event, subject: 'Order' })),
    ...order.jobs.flatMap((job) => job.events.map((event) => ({ ...event, subject: job.number }))),
  ];
  // A stable sort keeps each trail's own order for events at the same instant.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
