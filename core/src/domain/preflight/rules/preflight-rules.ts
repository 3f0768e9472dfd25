import { z } from 'zod';
import type { FileKind } from '../facts.ts';

export const PROCESSES = ['digital_press', 'large_format', 'label_roll', 'fdm', 'sla', 'laser', 'cnc', 'bench'] as const;
export type Process = (typeof PROCESSES)[number];

export const FILE_KINDS = ['pdf', 'ai', 'svg', 'stl', 'obj', '3mf', 'dxf', 'png', 'jpeg', 'tiff'] as const satisfies readonly FileKind[];

const sizeSchema = z.object({ width: z.number().positive(), height: z.number().positive() }).strict();
const volumeSchema = z.object({ x: z.number().positive(), y: z.number().positive(), z: z.number().positive() }).strict();

/**
 * What a production profile asks of its files. Every field but `process` has a default
 * per process (`defaultRules`); a profile states only where it differs.
 */
export const preflightRulesSchema = z
  .object({
    process: z.enum(PROCESSES),
    /** File kinds this product is made from. */
    acceptedKinds: z.array(z.enum(FILE_KINDS)).min(1),
    /** The finished (trimmed) size; pages and artwork are compared with it. */
    trimMm: sizeSchema.nullable(),
    trimToleranceMm: z.number().min(0),
    minBleedMm: z.number().min(0),
    /** Below this an image is an error… */
    minPpi: z.number().min(0),
    /** …and below this a warning. */
    recommendedPpi: z.number().min(0),
    colorMode: z.enum(['cmyk', 'rgb', 'any']),
    requireEmbeddedFonts: z.boolean(),
    /** Page count bounds, e.g. 1–2 for a two-sided card. */
    pages: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }).strict().nullable(),
    maxTriangles: z.number().int().positive(),
    /** The largest machine's build volume (3D) or bed (laser/CNC: z is the material thickness limit). */
    buildVolumeMm: volumeSchema.nullable(),
    requireWatertight: z.boolean(),
    /** Cut lines must be at most this wide (lasers cut hairlines); null: no cut-line rule. */
    cutLineMaxStrokeMm: z.number().positive().nullable(),
    /** Cutting needs closed outlines and text converted to outlines. */
    requireClosedPaths: z.boolean(),
    requireOutlinedText: z.boolean(),
  })
  .strict();

export type PreflightRules = z.infer<typeof preflightRulesSchema>;
export type PreflightRulesInput = Partial<PreflightRules> & { process?: Process };

const PRINT_KINDS: FileKind[] = ['pdf', 'ai', 'svg', 'png', 'jpeg', 'tiff'];
const MESH_KINDS: FileKind[] = ['stl', 'obj', '3mf'];
const CUT_KINDS: FileKind[] = ['svg', 'dxf', 'pdf', 'ai'];

const base: Omit<PreflightRules, 'process'> = {
  acceptedKinds: PRINT_KINDS,
  trimMm: null,
  trimToleranceMm: 0.5,
  minBleedMm: 0,
  minPpi: 0,
  recommendedPpi: 0,
  colorMode: 'any',
  requireEmbeddedFonts: false,
  pages: null,
  maxTriangles: 5_000_000,
  buildVolumeMm: null,
  requireWatertight: false,
  cutLineMaxStrokeMm: null,
  requireClosedPaths: false,
  requireOutlinedText: false,
};

/** Sane defaults per process, from what print, 3D and cutting shops ask of customer files. */
export const defaultRules: Record<Process, PreflightRules> = {
  digital_press: { ...base, process: 'digital_press', minBleedMm: 3, minPpi: 150, recommendedPpi: 300, colorMode: 'cmyk', requireEmbeddedFonts: true },
  label_roll: { ...base, process: 'label_roll', minBleedMm: 1.5, minPpi: 150, recommendedPpi: 300, colorMode: 'cmyk', requireEmbeddedFonts: true },
  // Seen from metres away: 100 ppi is plenty, 72 still acceptable.
  large_format: { ...base, process: 'large_format', minBleedMm: 0, minPpi: 72, recommendedPpi: 100, requireEmbeddedFonts: true },
  fdm: { ...base, process: 'fdm', acceptedKinds: MESH_KINDS, requireWatertight: true, buildVolumeMm: { x: 256, y: 256, z: 256 } },
  sla: { ...base, process: 'sla', acceptedKinds: MESH_KINDS, requireWatertight: true, buildVolumeMm: { x: 145, y: 145, z: 175 } },
  // A hairline (0.025 mm, "0.001 in") is what laser drivers read as a cut rather than an engrave.
  laser: { ...base, process: 'laser', acceptedKinds: CUT_KINDS, cutLineMaxStrokeMm: 0.025, requireClosedPaths: true, requireOutlinedText: true },
  cnc: { ...base, process: 'cnc', acceptedKinds: ['dxf', 'svg'], requireClosedPaths: true, requireOutlinedText: true },
  bench: { ...base, process: 'bench', acceptedKinds: [...PRINT_KINDS, ...MESH_KINDS, 'dxf'], requireWatertight: true },
};

export type RulesResolution = { ok: true; rules: PreflightRules } | { ok: false; problems: string[] };

/** A profile's own settings over its process's defaults, validated; problems name the field. */
export function resolveRules(input: unknown): RulesResolution {
  const partial = preflightRulesSchema.partial().safeParse(input ?? {});
  if (!partial.success) return { ok: false, problems: partial.error.issues.map(describeIssue) };
  const process = partial.data.process ?? 'digital_press';
  const merged = preflightRulesSchema.safeParse({ ...defaultRules[process], ...stripUndefined(partial.data) });
  if (!merged.success) return { ok: false, problems: merged.error.issues.map(describeIssue) };
  if (merged.data.pages && merged.data.pages.min > merged.data.pages.max) return { ok: false, problems: ['pages: min must not exceed max'] };
  if (merged.data.recommendedPpi < merged.data.minPpi) return { ok: false, problems: ['recommendedPpi: must be at least minPpi'] };
  return { ok: true, rules: merged.data };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : 'profile';
  return `${path}: ${issue.message}`;
}

/**
 * A stable fingerprint of the rules: a report made under other rules is stale and is
 * re-run. Keys are sorted so the same rules always print the same.
 */
export function rulesFingerprint(rules: PreflightRules): string {
  return JSON.stringify(rules, Object.keys(flattenKeys(rules)).sort());
}

function flattenKeys(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys[key] = true;
      flattenKeys(child, keys);
    }
  }
  return keys;
}
