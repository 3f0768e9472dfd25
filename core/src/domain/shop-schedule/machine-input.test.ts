import { describe, expect, it } from 'vitest';
import { parseMachineFields } from './machine-input.ts';

describe('machine input', () => {
  it('accepts a press or a printer and fills the defaults', () => {
    expect(parseMachineFields({ name: ' Press A ', processes: ['digital_press', 'digital_press'], maxSizeMm: { width: 330, height: 488 } })).toEqual({
      ok: true,
      fields: { name: 'Press A', processes: ['digital_press'], materials: [], capabilities: [], maxSizeMm: { width: 330, height: 488 }, timeFactor: 1, calendar: null },
    });
    expect(parseMachineFields({ name: 'FDM 1', processes: ['fdm'], maxSizeMm: { x: 250, y: 210, z: 220 }, timeFactor: 1.5 })).toMatchObject({ ok: true });
    // GraphQL clients send null for a list they leave out.
    expect(parseMachineFields({ name: 'Laser', processes: ['laser'], materials: null, capabilities: null, calendar: null })).toMatchObject({ ok: true, fields: { materials: [], capabilities: [] } });
  });

  it('names every bad field', () => {
    const checked = parseMachineFields({ name: '', processes: ['offset'], maxSizeMm: { width: -1 }, timeFactor: 0, materials: [''], calendar: { shifts: 'weekdays' } });
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? '' : checked.problems.join('\n');
    for (const field of ['name:', 'processes.0:', 'maxSizeMm:', 'timeFactor:', 'materials.0:', 'calendar.shifts:']) expect(problems).toContain(field);
    expect(parseMachineFields({ name: 'x', processes: [] })).toEqual({ ok: false, problems: ['processes: needs at least one process'] });
    expect(parseMachineFields(null)).toMatchObject({ ok: false });
  });
});
