import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';

/** Batched reads behind the API's per-request loaders (one query per kind, not per row). */

export function jobsByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const j = schema.jobs;
  return tx.select().from(j).where(and(eq(j.shopId, shopId), inArray(j.id, [...ids]), isNull(j.deletedAt)));
}

export function jobsByOrderIds(tx: Tx, shopId: string, orderIds: readonly string[]) {
  const j = schema.jobs;
  return tx.select().from(j).where(and(eq(j.shopId, shopId), inArray(j.orderId, [...orderIds]), isNull(j.deletedAt))).orderBy(asc(j.number));
}

export function itemsByJobIds(tx: Tx, shopId: string, jobIds: readonly string[]) {
  const i = schema.jobItems;
  return tx.select().from(i).where(and(eq(i.shopId, shopId), inArray(i.jobId, [...jobIds]))).orderBy(asc(i.createdAt));
}

export function eventsByJobIds(tx: Tx, shopId: string, jobIds: readonly string[]) {
  const e = schema.jobEvents;
  return tx.select().from(e).where(and(eq(e.shopId, shopId), inArray(e.jobId, [...jobIds]))).orderBy(asc(e.id));
}

export function orderEventsByOrderIds(tx: Tx, shopId: string, orderIds: readonly string[]) {
  const e = schema.orderEvents;
  return tx.select().from(e).where(and(eq(e.shopId, shopId), inArray(e.orderId, [...orderIds]))).orderBy(asc(e.id));
}

export function linesByOrderIds(tx: Tx, shopId: string, orderIds: readonly string[]) {
  const l = schema.orderLines;
  return tx.select().from(l).where(and(eq(l.shopId, shopId), inArray(l.orderId, [...orderIds]))).orderBy(asc(l.createdAt), asc(l.externalId));
}

export function linesByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const l = schema.orderLines;
  return tx.select().from(l).where(and(eq(l.shopId, shopId), inArray(l.id, [...ids])));
}

export function ordersByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const o = schema.orders;
  return tx.select().from(o).where(and(eq(o.shopId, shopId), inArray(o.id, [...ids]), isNull(o.deletedAt)));
}

export function profilesByIds(tx: Tx, shopId: string, ids: readonly string[]) {
  const p = schema.productionProfiles;
  return tx.select().from(p).where(and(eq(p.shopId, shopId), inArray(p.id, [...ids])));
}
