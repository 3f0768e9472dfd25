export type { CoreDeps } from './deps.ts';
export * from './errors.ts';
export { createServer, type ServerOptions } from './api/server.ts';
export { addShop, findShopId, normaliseShopDomain, type AddShopInput } from './use-cases/shops/add-shop.ts';
export { createApiKey } from './use-cases/api-keys/create-api-key.ts';
export { authenticateApiKey, type ApiPrincipal } from './use-cases/api-keys/authenticate-api-key.ts';
export { receiveWebhook, type ReceiveOutcome } from './use-cases/intake/receive-webhook.ts';
export { processDelivery, type ProcessOutcome } from './use-cases/intake/process-delivery.ts';
export { transitionJob } from './use-cases/jobs/transition-job.ts';
