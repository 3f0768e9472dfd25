import { z } from 'zod';
import type { GangUpInput } from '@pressline/core/domain';
import { parseJsonWith } from './command-io.ts';

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
  const parsed = parseJsonWith(text, schema);
  if (!parsed.ok) return parsed;
  const { sheet, roll, plate, gutter, bleed, items } = parsed.value;
  const targets = [sheet && ({ kind: 'sheet', ...sheet } as const), roll && ({ kind: 'roll', ...roll } as const), plate && ({ kind: 'plate', ...plate } as const)].filter((t) => t !== undefined);
  if (targets.length !== 1) return { ok: false, problems: [`input: give exactly one of sheet, roll or plate (found ${targets.length})`] };
  return { ok: true, input: { target: targets[0]!, gutter, bleed, items } };
}
