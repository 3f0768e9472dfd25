// Pure production domain: no I/O, no clock, no environment. Everything in core calls into it.
export * from './ids.ts';
export * from './workflow/index.ts';
export * from './events/index.ts';
export * from './jobs/index.ts';
export * from './split/index.ts';
export * from './orders/index.ts';
export * from './preflight/index.ts';
export * from './gangup/index.ts';
export * from './profiles/index.ts';
export * from './scheduling/index.ts';
export * from './customer-status/index.ts';
export * from './shipments/index.ts';
export * from './shop-schedule/index.ts';
export * from './messages/index.ts';
