import { num, rulesDraftFrom, rulesFromDraft, type RulesDraft } from './profile-rules-draft.ts';

/** A production profile as the admin reads it (overrides: only what differs from the process's defaults). */
export interface Profile {
  id: string;
  name: string;
  process: string;
  material: string | null;
  finishing: string | null;
  gangable: boolean;
  position: number;
  matches: { sku: string | null; productExternalId: string | null; variantExternalId: string | null }[];
  overrides: Record<string, unknown>;
  rules: Record<string, unknown>;
  timeModel: Record<string, unknown> | null;
  requiredCapabilities: string[];
  setupFamily: string | null;
}

export const PROFILE_FIELDS = 'id name process material finishing gangable position matches { sku productExternalId variantExternalId } overrides rules timeModel requiredCapabilities setupFamily';
export const PROCESSES = ['digital_press', 'large_format', 'label_roll', 'fdm', 'sla', 'laser', 'cnc', 'bench'];

/** One "this profile is for…" row: every filled field must equal the order line's. */
export interface MatchDraft {
  sku: string;
  productExternalId: string;
  variantExternalId: string;
}

export const EMPTY_MATCH: MatchDraft = { sku: '', productExternalId: '', variantExternalId: '' };

/** The form's text fields; an empty one means "the process's default". */
export interface ProfileDraft {
  name: string;
  process: string;
  material: string;
  finishing: string;
  matches: MatchDraft[];
  gangable: boolean;
  rules: RulesDraft;
  setupMinutes: string;
  minutesPerUnit: string;
  minutesPerSquareMeter: string;
  minutesPerCubicCm: string;
  requiredCapabilities: string;
  setupFamily: string;
}

const text = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export function draftFrom(profile: Profile | null): ProfileDraft {
  const time = profile?.timeModel ?? {};
  const matches = (profile?.matches ?? []).map((match) => ({ sku: match.sku ?? '', productExternalId: match.productExternalId ?? '', variantExternalId: match.variantExternalId ?? '' }));
  return {
    name: profile?.name ?? '',
    process: profile?.process ?? 'digital_press',
    material: profile?.material ?? '',
    finishing: profile?.finishing ?? '',
    // A new profile starts with one empty row to fill in.
    matches: matches.length > 0 ? matches : [{ ...EMPTY_MATCH }],
    gangable: profile?.gangable ?? false,
    rules: rulesDraftFrom(profile?.overrides ?? {}),
    setupMinutes: text(time.setupMinutes),
    minutesPerUnit: text(time.minutesPerUnit),
    minutesPerSquareMeter: text(time.minutesPerSquareMeter),
    minutesPerCubicCm: text(time.minutesPerCubicCm),
    requiredCapabilities: (profile?.requiredCapabilities ?? []).join(', '),
    setupFamily: profile?.setupFamily ?? '',
  };
}

/** A match row with only its filled fields; a row left empty is no match. */
function matchInput(row: MatchDraft): Record<string, string> | null {
  const entries = Object.entries(row)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

const orNull = (value: string) => value.trim() || null;

/** The draft as saveProductionProfile and setProfileScheduling inputs. */
export function draftToInputs(draft: ProfileDraft, profile: Profile | null) {
  const time = [draft.setupMinutes, draft.minutesPerUnit, draft.minutesPerSquareMeter, draft.minutesPerCubicCm];
  const timed = time.some((part) => part.trim() !== '');
  const perArea = num(draft.minutesPerSquareMeter);
  const perVolume = num(draft.minutesPerCubicCm);
  return {
    profile: {
      ...(profile ? { id: profile.id } : {}),
      name: draft.name,
      process: draft.process,
      material: orNull(draft.material),
      finishing: orNull(draft.finishing),
      matches: draft.matches.map(matchInput).filter((match) => match !== null),
      rules: rulesFromDraft(draft.rules, profile?.overrides ?? {}),
      gangable: draft.gangable,
    },
    scheduling: {
      timeModel: timed
        ? {
            setupMinutes: num(draft.setupMinutes) ?? 0,
            minutesPerUnit: num(draft.minutesPerUnit) ?? 0,
            ...(perArea === undefined ? {} : { minutesPerSquareMeter: perArea }),
            ...(perVolume === undefined ? {} : { minutesPerCubicCm: perVolume }),
          }
        : null,
      requiredCapabilities: draft.requiredCapabilities.split(',').map((capability) => capability.trim()).filter(Boolean),
      setupFamily: orNull(draft.setupFamily),
    },
  };
}
