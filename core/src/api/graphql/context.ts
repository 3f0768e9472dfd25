import DataLoader from 'dataloader';
import { withShop, type Tx } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import type { Workflow } from '../../domain/index.ts';
import type { ApiPrincipal } from '../../use-cases/api-keys/authenticate-api-key.ts';
import * as reads from '../../use-cases/batch-reads.ts';
import { jobFilesOf, type JobFileView } from '../../use-cases/preflight/job-file-reads.ts';
import * as scheduling from '../../use-cases/scheduling/scheduling-reads.ts';
import { loadShopWorkflow } from '../../use-cases/shops/shop-workflow.ts';

export interface GraphQLContext {
  deps: CoreDeps;
  principal: ApiPrincipal;
  /** Runs a read in the caller's tenant. */
  inShop<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  loaders: Loaders;
  workflow(): Promise<Workflow>;
}

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export type Loaders = ReturnType<typeof createLoaders>;

/** Per-request batching: one query per kind of child, whatever the page size. */
function createLoaders(inShop: GraphQLContext['inShop'], shopId: string) {
  const one = <R extends { id: string }>(load: (tx: Tx, ids: readonly string[]) => Promise<R[]>) =>
    new DataLoader<string, R | null>(async (ids) => {
      const rows = await inShop((tx) => load(tx, ids));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  const many = <R>(load: (tx: Tx, keys: readonly string[]) => Promise<R[]>, keyOf: (row: R) => string) =>
    new DataLoader<string, R[]>(async (keys) => {
      const rows = await inShop((tx) => load(tx, keys));
      const grouped = new Map<string, R[]>();
      for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
      return keys.map((key) => grouped.get(key) ?? []);
    });
  return {
    job: one((tx, ids) => reads.jobsByIds(tx, shopId, ids)),
    order: one((tx, ids) => reads.ordersByIds(tx, shopId, ids)),
    line: one((tx, ids) => reads.linesByIds(tx, shopId, ids)),
    jobsOfOrder: many((tx, ids) => reads.jobsByOrderIds(tx, shopId, ids), (row: Row<typeof reads.jobsByOrderIds>) => row.orderId),
    linesOfOrder: many((tx, ids) => reads.linesByOrderIds(tx, shopId, ids), (row: Row<typeof reads.linesByOrderIds>) => row.orderId),
    itemsOfJob: many((tx, ids) => reads.itemsByJobIds(tx, shopId, ids), (row: Row<typeof reads.itemsByJobIds>) => row.jobId),
    eventsOfOrder: many((tx, ids) => reads.orderEventsByOrderIds(tx, shopId, ids), (row: Row<typeof reads.orderEventsByOrderIds>) => row.orderId),
    eventsOfJob: many((tx, ids) => reads.eventsByJobIds(tx, shopId, ids), (row: Row<typeof reads.eventsByJobIds>) => row.jobId),
    filesOfJob: many((tx, ids) => jobFilesOf(tx, shopId, ids), (row: JobFileView) => row.jobId),
    profile: one((tx, ids) => reads.profilesByIds(tx, shopId, ids)),
    machine: one((tx, ids) => scheduling.machinesByIds(tx, shopId, ids)),
    queueOfMachine: many((tx, ids) => scheduling.queuesByMachineIds(tx, shopId, ids), (row: Row<typeof scheduling.queuesByMachineIds>) => row.machineId!),
  };
}

export function createContext(deps: CoreDeps, principal: ApiPrincipal): GraphQLContext {
  const inShop = <T>(fn: (tx: Tx) => Promise<T>) => withShop(deps.db, principal.shopId, fn);
  let workflow: Promise<Workflow> | undefined;
  return {
    deps,
    principal,
    inShop,
    loaders: createLoaders(inShop, principal.shopId),
    workflow: () => (workflow ??= inShop((tx) => loadShopWorkflow(tx, principal.shopId))),
  };
}
