import { and, eq } from 'drizzle-orm';
import { schema, type Tx } from '@pressline/db';
import { defaultRules, profileForLine, rulesFingerprint, type PreflightRules } from '../../domain/index.ts';
import { listProductionProfiles, profileRules } from '../profiles/save-profile.ts';

export interface LineRules {
  profileId: string | null;
  profileName: string | null;
  rules: PreflightRules;
  fingerprint: string;
}

/**
 * The rules a line's files are checked against: its production profile's, or with no
 * profile the general bench checks, which accept every kind and judge only what any
 * shop would (unreadable files, open meshes, missing fonts are still reported).
 */
export async function rulesForLine(tx: Tx, shopId: string, orderLineId: string | null): Promise<LineRules> {
  const profiles = await listProductionProfiles(tx, shopId);
  const [line] = orderLineId
    ? await tx.select().from(schema.orderLines).where(and(eq(schema.orderLines.shopId, shopId), eq(schema.orderLines.id, orderLineId)))
    : [];
  const profile = line ? profileForLine(profiles, line) : null;
  if (!profile) return { profileId: null, profileName: null, rules: defaultRules.bench, fingerprint: rulesFingerprint(defaultRules.bench) };
  const resolved = profileRules(profile);
  // Profiles are validated when saved; one that no longer resolves is a bug, not user input.
  if (!resolved.ok) throw new Error(`production profile ${profile.id} no longer validates: ${resolved.problems.join('; ')}`);
  return { profileId: profile.id, profileName: profile.name, rules: resolved.rules, fingerprint: rulesFingerprint(resolved.rules) };
}
