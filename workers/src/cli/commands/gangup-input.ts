import { z } from 'zod';
import type { GangUpInput } from '@pressline/core/domain';

const size = z.number().finite().positive();
const gap = z.number().finite().nonnegative();

const schema = z
  .object({
    sheet: z.object({ width: size, height: size }).strict().optional(),
    roll: z.object({ width: size }).strict().optional(),
    plate: z.object({ width: size, height: size }).strict().optional(),
    gutter: gap.default(0),
    bleed: gap.default(0),
    items: z.array(
      z
        .object({
          id: z.string().min(1),
          width: size,
          height: size,
          quantity: z.number().int().nonnegative().optional(),
          rotatable: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type GangupInputResult = { ok: true; input: GangUpInput } | { ok: false; problems: string[] };

/**
 * The `pressline gangup` input file, checked: `{ sheet:{width,height} | roll:{width} |
 * plate:{width,height}, gutter?, bleed?, items:[{id, width, height, quantity?, rotatable?}] }`.
 * Each problem names its field, e.g. `items[2].width: …`.
 */
export function parseGangupInput(text: string): GangupInputResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${fieldOf(issue.path) || 'input'}: ${issue.message}`) };
  const { sheet, roll, plate, gutter, bleed, items } = parsed.data;
  const targets = [sheet && ({ kind: 'sheet', ...sheet } as const), roll && ({ kind: 'roll', ...roll } as const), plate && ({ kind: 'plate', ...plate } as const)].filter((t) => t !== undefined);
  if (targets.length !== 1) return { ok: false, problems: [`input: give exactly one of sheet, roll or plate (found ${targets.length})`] };
  return { ok: true, input: { target: targets[0]!, gutter, bleed, items } };
}

/** `items[2].width` from zod's path. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}
