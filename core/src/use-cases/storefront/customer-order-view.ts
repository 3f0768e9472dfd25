import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { customerStatusOf, ORDER_STATUS_LABELS, orderTimeline, type OrderCustomerStatus, type TimelineEntry } from '../../domain/index.ts';
import { orderStatusOf, readOrder, type OrderRow } from '../order-status/load-order-status.ts';
import { jobFilesOf, type JobFileView } from '../preflight/job-file-reads.ts';
import { plainPreflight, type PlainPreflight } from './plain-preflight.ts';

export interface CustomerFileView {
  id: string;
  name: string;
  /** Null until preflight drew it; always a PNG. */
  thumbnailUrl: string | null;
  preflight: PlainPreflight;
}

export interface CustomerOrderView {
  id: string;
  name: string;
  placedAt: string;
  status: OrderCustomerStatus;
  statusLabel: string;
  holdReason: string | null;
  partiallyShipped: boolean;
  eta: string | null;
  timeline: { step: TimelineEntry['step']; label: string; at: string | null; reached: boolean; current: boolean }[];
  lines: {
    id: string;
    title: string;
    variantTitle: string | null;
    quantity: number;
    options: { name: string; value: string }[];
    status: string;
    shipped: number;
    delivered: number;
  }[];
  jobs: {
    id: string;
    title: string;
    lineIds: string[];
    files: CustomerFileView[];
    photos: CustomerFileView[];
    /** Set while the job waits for the customer to approve this proof. */
    proof: CustomerFileView | null;
  }[];
  shipments: {
    id: string;
    kind: 'carrier' | 'pickup';
    carrier: string | null;
    trackingNumbers: string[];
    trackingUrl: string | null;
    status: 'shipped' | 'delivered';
    pickup: { address: string; hours: string | null } | null;
    lines: { orderLineId: string; quantity: number }[];
  }[];
}

/** The stage a job sits in while its proof waits for the customer's decision. */
export const PROOF_STAGE = 'preflight';

/**
 * Everything a customer's status widget shows of one order: the customer status and its
 * timeline from the audit trail, per-line progress, the files being produced (as
 * thumbnails), a proof waiting for approval, and the shipments with tracking or pickup.
 * Operator-only details (stages, machines, notes) stay out.
 */
export async function customerOrderView(tx: Tx, shopId: string, order: OrderRow): Promise<CustomerOrderView> {
  // Read once: the status and the view are made from the same rows.
  const reads = await readOrder(tx, shopId, order);
  const status = await orderStatusOf(tx, shopId, order, reads);
  const { workflow, lines, jobs, items, shipments } = reads;
  const jobIds = jobs.map((job) => job.id);
  const moves =
    jobIds.length === 0
      ? []
      : await tx
          .select({ jobId: schema.jobEvents.jobId, at: schema.jobEvents.at, toStage: schema.jobEvents.toStage })
          .from(schema.jobEvents)
          .where(and(eq(schema.jobEvents.shopId, shopId), inArray(schema.jobEvents.jobId, jobIds), eq(schema.jobEvents.kind, 'transition')));
  const files = await jobFilesOf(tx, shopId, jobIds);

  const timeline = orderTimeline({
    placedAt: order.placedAt,
    status: status.status,
    jobIds,
    moves: moves.map((move) => ({ jobId: move.jobId, at: move.at, customerStatus: customerStatusOf(workflow, move.toStage) ?? 'received' })),
    shipments: shipments.map((shipment) => ({ createdAt: shipment.createdAt, status: shipment.status, statusAt: shipment.statusAt })),
  });
  const fileView = (view: JobFileView): CustomerFileView => ({
    id: view.file.id,
    name: view.file.name,
    thumbnailUrl: view.file.thumbnailSha256 ? `files/${view.file.id}/thumbnail.png` : null,
    preflight: plainPreflight(view),
  });

  return {
    id: order.id,
    name: order.name,
    placedAt: order.placedAt.toISOString(),
    status: status.status,
    statusLabel: ORDER_STATUS_LABELS[status.status],
    holdReason: status.holdReason,
    partiallyShipped: status.partiallyShipped,
    eta: order.eta?.toISOString() ?? null,
    timeline: timeline.map((entry) => ({ ...entry, label: ORDER_STATUS_LABELS[entry.step], at: entry.at?.toISOString() ?? null })),
    lines: lines.map((line) => {
      const progress = status.lines.find((candidate) => candidate.orderLineId === line.id);
      return {
        id: line.id,
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        // Properties whose name starts with "_" are the platform's hidden ones.
        options: line.properties.filter((property) => !property.name.startsWith('_')),
        status: progress?.status ?? 'paid',
        shipped: progress?.shipped ?? 0,
        delivered: progress?.delivered ?? 0,
      };
    }),
    jobs: jobs.map((job) => {
      const own = files.filter((view) => view.jobId === job.id);
      const proofs = own.filter((view) => view.role === 'proof');
      return {
        id: job.id,
        title: job.title,
        lineIds: items.filter((item) => item.jobId === job.id).map((item) => item.orderLineId),
        files: own.filter((view) => view.role === 'design').map(fileView),
        photos: own.filter((view) => view.role === 'photo').map(fileView),
        proof: job.stageKey === PROOF_STAGE && proofs.length > 0 ? fileView(proofs[proofs.length - 1]!) : null,
      };
    }),
    shipments: shipments.map((shipment) => ({
      id: shipment.id,
      kind: shipment.kind,
      carrier: shipment.carrier,
      trackingNumbers: shipment.trackingNumbers,
      trackingUrl: shipment.trackingUrl,
      status: shipment.status,
      pickup: shipment.pickup ?? null,
      lines: shipment.lines,
    })),
  };
}
