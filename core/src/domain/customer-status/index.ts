export { deriveOrderStatus } from './derive-order-status.ts';
export {
  ORDER_CUSTOMER_STATUSES,
  ORDER_STATUS_LABELS,
  type LineProgress,
  type LineStatus,
  type OrderCustomerStatus,
  type OrderStatus,
  type OrderStatusInput,
  type StatusJob,
  type StatusLine,
  type StatusShipment,
} from './order-status-types.ts';
export { orderTimeline, TIMELINE_STEPS, type TimelineEntry, type TimelineInput, type TimelineStep } from './order-timeline.ts';
