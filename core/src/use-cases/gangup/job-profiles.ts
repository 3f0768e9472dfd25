import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { profileForLine, type PreflightRules } from '../../domain/index.ts';
import { listProductionProfiles, profileRules } from '../profiles/save-profile.ts';

type ProfileRow = typeof schema.productionProfiles.$inferSelect;
type ItemRow = typeof schema.jobItems.$inferSelect;

export interface JobProfile {
  profile: ProfileRow;
  rules: PreflightRules;
}

export interface JobMaking {
  items: ItemRow[];
  /** The one profile all the job's lines are made with; null when none or they differ. */
  made: JobProfile | null;
}

/** How each job is made: its items and the production profile its lines match (two queries plus one for the profiles). */
export async function jobMakings(tx: Tx, shopId: string, jobIds: readonly string[]): Promise<Map<string, JobMaking>> {
  const result = new Map<string, JobMaking>(jobIds.map((id) => [id, { items: [], made: null }]));
  if (jobIds.length === 0) return result;
  const i = schema.jobItems;
  const l = schema.orderLines;
  const rows = await tx
    .select({ item: i, line: l })
    .from(i)
    .innerJoin(l, and(eq(l.shopId, i.shopId), eq(l.id, i.orderLineId)))
    .where(and(eq(i.shopId, shopId), inArray(i.jobId, [...jobIds])))
    .orderBy(i.createdAt, i.id);
  const profiles = await listProductionProfiles(tx, shopId);

  const profileOf = new Map<string, ProfileRow | null>();
  for (const { item, line } of rows) {
    const making = result.get(item.jobId)!;
    making.items.push(item);
    const profile = profileForLine(profiles, line);
    const seen = profileOf.get(item.jobId);
    profileOf.set(item.jobId, seen === undefined ? profile : seen && profile && seen.id === profile.id ? seen : null);
  }
  for (const [jobId, profile] of profileOf) {
    if (!profile) continue;
    const resolved = profileRules(profile);
    if (resolved.ok) result.get(jobId)!.made = { profile, rules: resolved.rules };
  }
  return result;
}
