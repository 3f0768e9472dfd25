export { readEnv, type Env } from './env.ts';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.ts';
export { startWorkers } from './worker.ts';
export { startHttp } from './http.ts';
export { sendShopifyOrder, type SimulatedDelivery } from './demo/simulated-storefront.ts';
export { demoOrders, DEMO_SHOP_DOMAIN } from './demo/demo-orders.ts';
export { runDemo } from './demo/run-demo.ts';
export { startDemoStorefront } from './demo/demo-storefront.ts';
