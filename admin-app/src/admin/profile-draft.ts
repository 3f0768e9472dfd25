/** A production profile as the admin reads it (overrides: only what differs from the process's defaults). */
export interface Profile {
  id: string;
  name: string;
  process: string;
  material: string | null;
  finishing: string | null;
  gangable: boolean;
  matches: { sku: string | null; productExternalId: string | null; variantExternalId: string | null }[];
  overrides: Record<string, unknown>;
  rules: Record<string, unknown>;
  timeModel: Record<string, unknown> | null;
  requiredCapabilities: string[];
  setupFamily: string | null;
}

export const PROFILE_FIELDS = 'id name process material finishing gangable matches { sku productExternalId variantExternalId } overrides rules timeModel requiredCapabilities setupFamily';
export const PROCESSES = ['digital_press', 'large_format', 'label_roll', 'fdm', 'sla', 'laser', 'cnc', 'bench'];

/** The form's text fields; an empty one means "the process's default". */
export interface ProfileDraft {
  name: string;
  process: string;
  skus: string;
  gangable: boolean;
  trimWidth: string;
  trimHeight: string;
  minBleedMm: string;
  minPpi: string;
  colorMode: string;
  buildX: string;
  buildY: string;
  buildZ: string;
  setupMinutes: string;
  minutesPerUnit: string;
  setupFamily: string;
}

const text = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const dims = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

export function draftFrom(profile: Profile | null): ProfileDraft {
  const rules = profile?.overrides ?? {};
  const trim = dims(rules.trimMm);
  const volume = dims(rules.buildVolumeMm);
  const time = profile?.timeModel ?? {};
  return {
    name: profile?.name ?? '',
    process: profile?.process ?? 'digital_press',
    skus: (profile?.matches ?? []).flatMap((match) => (match.sku ? [match.sku] : [])).join(', '),
    gangable: profile?.gangable ?? false,
    trimWidth: text(trim.width),
    trimHeight: text(trim.height),
    minBleedMm: text(rules.minBleedMm),
    minPpi: text(rules.minPpi),
    colorMode: typeof rules.colorMode === 'string' ? rules.colorMode : '',
    buildX: text(volume.x),
    buildY: text(volume.y),
    buildZ: text(volume.z),
    setupMinutes: text(time.setupMinutes),
    minutesPerUnit: text(time.minutesPerUnit),
    setupFamily: profile?.setupFamily ?? '',
  };
}

/** A number where one was typed; anything else goes to the API as typed, so its refusal names the field. */
const num = (value: string): unknown => (value.trim() === '' ? undefined : Number.isFinite(Number(value)) ? Number(value) : value);

/** The draft as saveProductionProfile and setProfileScheduling inputs; overrides the form doesn't show are kept. */
export function draftToInputs(draft: ProfileDraft, profile: Profile | null) {
  const rules: Record<string, unknown> = { ...(profile?.overrides ?? {}) };
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete rules[key];
    else rules[key] = value;
  };
  const trim = [draft.trimWidth, draft.trimHeight].every((part) => part.trim() === '') ? undefined : { width: num(draft.trimWidth), height: num(draft.trimHeight) };
  const volume = [draft.buildX, draft.buildY, draft.buildZ].every((part) => part.trim() === '') ? undefined : { x: num(draft.buildX), y: num(draft.buildY), z: num(draft.buildZ) };
  set('trimMm', trim);
  set('minBleedMm', num(draft.minBleedMm));
  set('minPpi', num(draft.minPpi));
  set('colorMode', draft.colorMode || undefined);
  set('buildVolumeMm', volume);
  const skus = draft.skus.split(',').map((sku) => sku.trim()).filter(Boolean);
  const timed = draft.setupMinutes.trim() !== '' || draft.minutesPerUnit.trim() !== '';
  return {
    profile: {
      ...(profile ? { id: profile.id } : {}),
      name: draft.name,
      process: draft.process,
      material: profile?.material ?? null,
      finishing: profile?.finishing ?? null,
      // Product and variant matches are kept; the form edits the SKUs.
      matches: [...(profile?.matches ?? []).filter((match) => !match.sku), ...skus.map((sku) => ({ sku }))],
      rules,
      gangable: draft.gangable,
    },
    scheduling: {
      timeModel: timed ? { ...(profile?.timeModel ?? {}), setupMinutes: num(draft.setupMinutes) ?? 0, minutesPerUnit: num(draft.minutesPerUnit) ?? 0 } : null,
      requiredCapabilities: profile?.requiredCapabilities ?? [],
      setupFamily: draft.setupFamily.trim() || null,
    },
  };
}
