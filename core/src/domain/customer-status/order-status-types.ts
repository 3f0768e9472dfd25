import type { CustomerStatus } from '../workflow/index.ts';

/** What a customer is told about a whole order: coarse on purpose. */
export const ORDER_CUSTOMER_STATUSES = ['paid', 'in_production', 'ready', 'shipped', 'delivered', 'on_hold', 'delayed', 'cancelled'] as const;
export type OrderCustomerStatus = (typeof ORDER_CUSTOMER_STATUSES)[number];

/** Labels a customer reads (the storefront shows these; operators see the stages). */
export const ORDER_STATUS_LABELS: Record<OrderCustomerStatus, string> = {
  paid: 'Paid',
  in_production: 'In production',
  ready: 'Ready',
  shipped: 'Shipped',
  delivered: 'Delivered',
  on_hold: 'On hold',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
};

export interface StatusLine {
  id: string;
  quantity: number;
}

export interface StatusJob {
  /** The customer status of the job's current stage (from the workflow mapping). */
  customerStatus: CustomerStatus;
  /** Why the job is held, when it is (the note of the move into hold). */
  holdReason: string | null;
  items: { orderLineId: string; quantity: number }[];
}

export interface StatusShipment {
  kind: 'carrier' | 'pickup';
  status: 'shipped' | 'delivered';
  lines: { orderLineId: string; quantity: number }[];
}

export interface OrderStatusInput {
  cancelled: boolean;
  lines: StatusLine[];
  jobs: StatusJob[];
  shipments: StatusShipment[];
  /** The order's expected completion (from the schedule), when known. */
  eta: Date | null;
  /** What the shop promised (the latest due date of the order's jobs), when known. */
  promisedAt: Date | null;
}

export type LineProgress = 'paid' | 'in_production' | 'ready' | 'shipped' | 'delivered' | 'on_hold' | 'cancelled';

export interface LineStatus {
  orderLineId: string;
  status: LineProgress;
  quantity: number;
  shipped: number;
  delivered: number;
}

export interface OrderStatus {
  status: OrderCustomerStatus;
  /** Set when `status` is on_hold. */
  holdReason: string | null;
  /** Some, not all, units have shipped. */
  partiallyShipped: boolean;
  lines: LineStatus[];
}
