import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { defaultWorkflow, validateWorkflow, type Workflow } from '../../domain/index.ts';

/** The shop's configured workflow, or the default one. */
export async function loadShopWorkflow(tx: Tx, shopId: string): Promise<Workflow> {
  const [shop] = await tx.select({ workflow: schema.shops.workflow }).from(schema.shops).where(eq(schema.shops.id, shopId));
  if (!shop?.workflow) return defaultWorkflow;
  const validated = validateWorkflow(JSON.parse(shop.workflow));
  // A stored workflow was validated when it was saved; one that no longer validates is a bug, not user input.
  if (!validated.ok) throw new Error(`stored workflow of shop ${shopId} is invalid: ${validated.problems.join('; ')}`);
  return validated.workflow;
}
