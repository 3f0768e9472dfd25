import { z } from 'zod';
import type { SplitRule } from './split-types.ts';

/** A match value: absent or null means "any"; a given one is trimmed and must not be blank. */
const matchValue = z
  .string()
  .trim()
  .min(1, 'must not be blank (leave it out to match any)')
  .max(200)
  .nullish()
  .transform((value) => value ?? undefined);

const ruleSchema = z
  .object({
    match: z.object({ sku: matchValue, productExternalId: matchValue, variantExternalId: matchValue }).strict(),
    mode: z.enum(['per_line', 'per_unit', 'combine'], { message: 'must be per_line, per_unit or combine' }),
    maxUnitsPerJob: z
      .number()
      .int('must be a whole number')
      .positive('must be at least 1')
      .nullish()
      .transform((value) => value ?? undefined),
  })
  .strict()
  .refine((rule) => !(rule.mode === 'per_unit' && rule.maxUnitsPerJob !== undefined), {
    message: 'per_unit makes one job per unit; leave the cap empty',
    path: ['maxUnitsPerJob'],
  });

export const MAX_SPLIT_RULES = 100;
const rulesSchema = z.array(ruleSchema).max(MAX_SPLIT_RULES, `at most ${MAX_SPLIT_RULES} rules`);

export type SplitRulesValidation = { ok: true; rules: SplitRule[] } | { ok: false; problems: string[] };

/** A shop's split rules as typed by a merchant or a developer; every problem names its field (`rules.2.mode`). */
export function validateSplitRules(input: unknown): SplitRulesValidation {
  const parsed = rulesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${['rules', ...issue.path].join('.')}: ${issue.message}`) };
  return { ok: true, rules: parsed.data.map(withoutAbsent) };
}

function withoutAbsent(rule: z.infer<typeof ruleSchema>): SplitRule {
  const match = Object.fromEntries(Object.entries(rule.match).filter(([, value]) => value !== undefined)) as SplitRule['match'];
  return { match, mode: rule.mode, ...(rule.maxUnitsPerJob !== undefined ? { maxUnitsPerJob: rule.maxUnitsPerJob } : {}) };
}
