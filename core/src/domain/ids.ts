/**
 * Branded ids: at runtime they are plain strings (large platform ids exceed 2^53, so
 * ids are never numbers), but the compiler keeps a job id out of an order id's place.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type ShopId = Brand<string, 'ShopId'>;
export type OrderId = Brand<string, 'OrderId'>;
export type OrderLineId = Brand<string, 'OrderLineId'>;
export type JobId = Brand<string, 'JobId'>;

export const asShopId = (s: string): ShopId => s as ShopId;
export const asOrderId = (s: string): OrderId => s as OrderId;
export const asOrderLineId = (s: string): OrderLineId => s as OrderLineId;
export const asJobId = (s: string): JobId => s as JobId;
