export { shops } from './shops.ts';
export { apiKeys } from './api-keys.ts';
export { orders, orderLines } from './orders.ts';
export { jobs, jobItems, jobEvents, orderEvents } from './jobs.ts';
export { webhookDeliveries } from './webhook-deliveries.ts';
export { outbox } from './outbox.ts';
export { shopCredentials } from './shop-credentials.ts';
