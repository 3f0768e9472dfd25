import { withShop, type QueueClient } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError } from '../../errors.ts';
import { uploadJobFile } from '../preflight/upload-job-file.ts';
import { customerJob } from './customer-orders.ts';
import { customerActor, type StorefrontCustomer } from './storefront-customer.ts';

/** What a customer may send: design files the inspectors read. */
export const CUSTOMER_FILE_EXTENSIONS = ['stl', 'obj', '3mf', 'dxf', 'svg', 'ai', 'pdf', 'png', 'jpg', 'jpeg'] as const;
/** Smaller than an operator's limit: a storefront upload is one customer's file. */
export const MAX_CUSTOMER_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * A new or revised design file for a job of the customer's own order, through the same
 * pipeline as an operator's upload (stored once, linked, queued for preflight, audited).
 */
export async function uploadCustomerFile(
  deps: Pick<CoreDeps, 'db' | 'files' | 'clock'> & { boss: QueueClient },
  customer: StorefrontCustomer,
  input: { jobId: string; name: string; bytes: Uint8Array; replaces?: string | null },
): Promise<{ fileId: string }> {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(input.name)?.[1]?.toLowerCase();
  if (!extension || !(CUSTOMER_FILE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new BadRequestError(`Send one of these file types: ${CUSTOMER_FILE_EXTENSIONS.map((ext) => ext.toUpperCase()).join(', ')}`);
  }
  if (input.bytes.length > MAX_CUSTOMER_UPLOAD_BYTES) throw new BadRequestError(`Files are limited to ${MAX_CUSTOMER_UPLOAD_BYTES / 1048576} MB`);
  const { job } = await withShop(deps.db, customer.shopId, (tx) => customerJob(tx, customer, input.jobId));
  return uploadJobFile(deps, {
    shopId: customer.shopId,
    jobId: job.id,
    name: input.name,
    bytes: input.bytes,
    replaces: input.replaces ?? null,
    source: 'customer',
    actor: customerActor(customer),
  });
}
