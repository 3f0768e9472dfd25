import { withShop } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { transitionJob } from '../jobs/transition-job.ts';
import { jobFilesOf } from '../preflight/job-file-reads.ts';
import { PROOF_STAGE } from './customer-order-view.ts';
import { customerJob } from './customer-orders.ts';
import { customerActor, type StorefrontCustomer } from './storefront-customer.ts';

/** Where each decision moves a job waiting for proof approval (both moves of the default workflow). */
export const PROOF_DECISION_STAGES = { approve: 'approved', request_changes: 'on_hold' } as const;
export type ProofDecision = keyof typeof PROOF_DECISION_STAGES;

const MAX_COMMENT = 2000;

/**
 * The customer's answer to a proof: approval moves the job on, a change request holds it
 * with the comment as the hold reason. Either is a workflow move by the customer, so it
 * is guarded, audited and re-derives the order's status like an operator's move.
 */
export async function decideProof(
  deps: Pick<CoreDeps, 'db' | 'boss' | 'clock'>,
  customer: StorefrontCustomer,
  input: { jobId: string; decision: ProofDecision; comment?: string | null },
): Promise<{ jobId: string; stage: string }> {
  const comment = input.comment?.trim().slice(0, MAX_COMMENT) ?? '';
  if (input.decision === 'request_changes' && !comment) throw new BadRequestError('Tell the shop what to change');
  const { job } = await withShop(deps.db, customer.shopId, async (tx) => {
    const found = await customerJob(tx, customer, input.jobId);
    const proofs = (await jobFilesOf(tx, customer.shopId, [found.job.id])).filter((view) => view.role === 'proof');
    if (found.job.stageKey !== PROOF_STAGE || proofs.length === 0) throw new ConflictError('This job is not waiting for your approval');
    return found;
  });
  const note = input.decision === 'approve' ? `Proof approved by the customer${comment ? `: ${comment}` : ''}` : `Changes requested by the customer: ${comment}`;
  const moved = await transitionJob(deps, {
    shopId: customer.shopId,
    jobId: job.id,
    to: PROOF_DECISION_STAGES[input.decision],
    expectedStage: PROOF_STAGE,
    note,
    actor: customerActor(customer),
  });
  return { jobId: moved.jobId, stage: moved.to };
}
