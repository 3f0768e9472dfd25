import { describe, expect, it } from 'vitest';
import { packGangUp } from '@pressline/core/domain';
import { parseGangupInput } from './gangup-input.ts';
import { gangupJson } from './gangup-output.ts';

describe('pressline gangup input', () => {
  it('reads a sheet job, defaulting gutter and bleed to 0', () => {
    const parsed = parseGangupInput(JSON.stringify({ sheet: { width: 450, height: 320 }, items: [{ id: 'cards', width: 85, height: 55, quantity: 40, rotatable: true }] }));
    expect(parsed).toEqual({ ok: true, input: { target: { kind: 'sheet', width: 450, height: 320 }, gutter: 0, bleed: 0, items: [{ id: 'cards', width: 85, height: 55, quantity: 40, rotatable: true }] } });
  });

  it('names every bad field', () => {
    const parsed = parseGangupInput(JSON.stringify({ roll: { width: 0 }, gutter: -1, items: [{ id: 'a', width: 10, height: '5' }, { id: '', width: 1, height: 1, quantity: 2.5, colour: 'red' }] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['roll.width', 'gutter', 'items[0].height', 'items[1].id', 'items[1].quantity', 'items[1]']));
  });

  it('wants exactly one of sheet, roll or plate, and JSON', () => {
    expect(parseGangupInput(JSON.stringify({ sheet: { width: 1, height: 1 }, roll: { width: 1 }, items: [] }))).toEqual({ ok: false, problems: ['input: give exactly one of sheet, roll or plate (found 2)'] });
    expect(parseGangupInput(JSON.stringify({ items: [] }))).toEqual({ ok: false, problems: ['input: give exactly one of sheet, roll or plate (found 0)'] });
    const notJson = parseGangupInput('{ sheet: ');
    expect(notJson.ok === false && notJson.problems[0]).toMatch(/^not JSON/);
  });
});

describe('pressline gangup --json output', () => {
  it('gives sheets of trim-box placements with utilisation', () => {
    const parsed = parseGangupInput(JSON.stringify({ sheet: { width: 100, height: 60 }, bleed: 2, items: [{ id: 'q', width: 46, height: 26, quantity: 4 }] }));
    if (!parsed.ok) throw new Error(parsed.problems.join());
    const outcome = packGangUp(parsed.input);
    if (!outcome.ok) throw new Error(outcome.problems.join());
    const json = gangupJson(parsed.input, outcome) as { sheets: { placements: { x: number; y: number; width: number; height: number }[] }[]; utilization: number };
    expect(json.sheets).toHaveLength(1);
    expect(json.sheets[0]!.placements.map((p) => [p.x, p.y, p.width, p.height]).sort()).toEqual([
      [2, 2, 46, 26],
      [2, 32, 46, 26],
      [52, 2, 46, 26],
      [52, 32, 46, 26],
    ]);
    expect(json.utilization).toBeCloseTo((4 * 46 * 26) / 6000, 12);
  });

  it('gives a roll its length, and plates under their own name', () => {
    const roll = parseGangupInput(JSON.stringify({ roll: { width: 100 }, items: [{ id: 'l', width: 50, height: 20, quantity: 6 }] }));
    const plate = parseGangupInput(JSON.stringify({ plate: { width: 200, height: 200 }, gutter: 5, items: [{ id: 'part', width: 60, height: 40, quantity: 3 }] }));
    if (!roll.ok || !plate.ok) throw new Error('inputs refused');
    const rolled = packGangUp(roll.input);
    const plated = packGangUp(plate.input);
    if (!rolled.ok || !plated.ok) throw new Error('packing refused');
    expect(gangupJson(roll.input, rolled)).toMatchObject({ roll: { length: 60 }, utilization: 1 });
    expect(Object.keys(gangupJson(plate.input, plated))).toContain('plates');
  });
});
