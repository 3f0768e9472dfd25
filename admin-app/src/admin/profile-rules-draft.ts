/** The preflight rules a profile may state (the API's preflight rules schema), as form text. */

export const FILE_KINDS = ['pdf', 'ai', 'svg', 'stl', 'obj', '3mf', 'dxf', 'png', 'jpeg', 'tiff'];

/** A yes/no rule: '' keeps the process's default. */
export type Choice = '' | 'yes' | 'no';

/** Every field empty (or no kind ticked) means "the process's default". */
export interface RulesDraft {
  acceptedKinds: string[];
  trimWidth: string;
  trimHeight: string;
  trimToleranceMm: string;
  minBleedMm: string;
  minPpi: string;
  recommendedPpi: string;
  colorMode: string;
  requireEmbeddedFonts: Choice;
  pagesMin: string;
  pagesMax: string;
  buildX: string;
  buildY: string;
  buildZ: string;
  maxTriangles: string;
  requireWatertight: Choice;
  cutLineMaxStrokeMm: string;
  requireClosedPaths: Choice;
  requireOutlinedText: Choice;
}

/** Rules that belong together; the form shows the accepted file kinds and the groups that matter for the chosen process. */
export type RuleGroup = 'print' | 'size' | 'mesh' | 'cut';

const PRINT = ['digital_press', 'large_format', 'label_roll'];
const MESH = ['fdm', 'sla'];
const CUT = ['laser', 'cnc'];

export function ruleGroupsFor(process: string): RuleGroup[] {
  if (PRINT.includes(process)) return ['print'];
  if (MESH.includes(process)) return ['size', 'mesh'];
  if (CUT.includes(process)) return ['size', 'cut'];
  // The bench takes print, 3D and cutting files alike.
  return ['print', 'size', 'mesh', 'cut'];
}

const text = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const dims = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const choice = (value: unknown): Choice => (value === true ? 'yes' : value === false ? 'no' : '');

export function rulesDraftFrom(overrides: Record<string, unknown>): RulesDraft {
  const trim = dims(overrides.trimMm);
  const volume = dims(overrides.buildVolumeMm);
  const pages = dims(overrides.pages);
  return {
    acceptedKinds: Array.isArray(overrides.acceptedKinds) ? overrides.acceptedKinds.filter((kind): kind is string => typeof kind === 'string') : [],
    trimWidth: text(trim.width),
    trimHeight: text(trim.height),
    trimToleranceMm: text(overrides.trimToleranceMm),
    minBleedMm: text(overrides.minBleedMm),
    minPpi: text(overrides.minPpi),
    recommendedPpi: text(overrides.recommendedPpi),
    colorMode: typeof overrides.colorMode === 'string' ? overrides.colorMode : '',
    requireEmbeddedFonts: choice(overrides.requireEmbeddedFonts),
    pagesMin: text(pages.min),
    pagesMax: text(pages.max),
    buildX: text(volume.x),
    buildY: text(volume.y),
    buildZ: text(volume.z),
    maxTriangles: text(overrides.maxTriangles),
    requireWatertight: choice(overrides.requireWatertight),
    cutLineMaxStrokeMm: text(overrides.cutLineMaxStrokeMm),
    requireClosedPaths: choice(overrides.requireClosedPaths),
    requireOutlinedText: choice(overrides.requireOutlinedText),
  };
}

/** A number where one was typed; anything else goes to the API as typed, so its refusal names the field. */
export const num = (value: string): unknown => (value.trim() === '' ? undefined : Number.isFinite(Number(value)) ? Number(value) : value);
const bool = (value: Choice) => (value === '' ? undefined : value === 'yes');
/** A pair or triple of sides: sent when any side is filled, so a missing side is named by the API. */
const sides = <K extends string>(parts: Record<K, string>) =>
  Object.values<string>(parts).every((part) => part.trim() === '') ? undefined : (Object.fromEntries(Object.entries<string>(parts).map(([key, part]) => [key, num(part)])) as Record<K, unknown>);

/** The rules input: the overrides it read, with every rule the form holds set or (when empty) dropped. */
export function rulesFromDraft(draft: RulesDraft, overrides: Record<string, unknown>): Record<string, unknown> {
  const rules: Record<string, unknown> = { ...overrides };
  const values: Record<string, unknown> = {
    acceptedKinds: draft.acceptedKinds.length > 0 ? FILE_KINDS.filter((kind) => draft.acceptedKinds.includes(kind)) : undefined,
    trimMm: sides({ width: draft.trimWidth, height: draft.trimHeight }),
    trimToleranceMm: num(draft.trimToleranceMm),
    minBleedMm: num(draft.minBleedMm),
    minPpi: num(draft.minPpi),
    recommendedPpi: num(draft.recommendedPpi),
    colorMode: draft.colorMode || undefined,
    requireEmbeddedFonts: bool(draft.requireEmbeddedFonts),
    pages: sides({ min: draft.pagesMin, max: draft.pagesMax }),
    buildVolumeMm: sides({ x: draft.buildX, y: draft.buildY, z: draft.buildZ }),
    maxTriangles: num(draft.maxTriangles),
    requireWatertight: bool(draft.requireWatertight),
    cutLineMaxStrokeMm: num(draft.cutLineMaxStrokeMm),
    requireClosedPaths: bool(draft.requireClosedPaths),
    requireOutlinedText: bool(draft.requireOutlinedText),
  };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete rules[key];
    else rules[key] = value;
  }
  return rules;
}
