import { describe, expect, it } from 'vitest';
import { machineDraftFrom, machineErrorFields, machineInputFrom, placeProblems, suggestedSizeKind, type Machine } from './machine-draft.ts';

const machine: Machine = {
  id: 'm1',
  name: 'Printer 1',
  processes: ['fdm'],
  materials: ['PLA', 'PETG'],
  capabilities: ['dual-extruder'],
  maxSizeMm: { x: 250, y: 210, z: 200 },
  timeFactor: 1.25,
  calendar: { utcOffsetMinutes: 0, shifts: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '00:00' }], closed: [] },
  state: 'UP',
  stateReason: null,
  queue: [],
};

describe('a machine draft', () => {
  it('saves unchanged the machine it read', () => {
    expect(machineInputFrom(machineDraftFrom(machine, 0), 'm1')).toEqual({
      ok: true,
      input: { id: 'm1', name: 'Printer 1', processes: ['fdm'], materials: ['PLA', 'PETG'], capabilities: ['dual-extruder'], maxSizeMm: { x: 250, y: 210, z: 200 }, timeFactor: 1.25, calendar: machine.calendar },
    });
  });

  it('reads comma lists, a sheet size and an always-working calendar for a new press', () => {
    const draft = { ...machineDraftFrom(null, 60), name: ' Press 1 ', processes: ['digital_press'], materials: 'coated, , uncoated,coated', width: '330', height: '488' };
    expect(draft.sizeKind).toBe('sheet');
    expect(machineInputFrom(draft, null)).toEqual({
      ok: true,
      input: { name: 'Press 1', processes: ['digital_press'], materials: ['coated', 'uncoated'], capabilities: [], maxSizeMm: { width: 330, height: 488 }, timeFactor: 1, calendar: null },
    });
    expect(machineInputFrom({ ...draft, timeFactor: '' }, null)).toMatchObject({ ok: true, input: { name: 'Press 1' } });
    expect(machineInputFrom({ ...draft, timeFactor: '' }, null)).not.toHaveProperty('input.timeFactor');
  });

  it('suggests a build volume for 3D printers and a sheet for the rest', () => {
    expect(suggestedSizeKind(['laser', 'sla'])).toBe('volume');
    expect(suggestedSizeKind(['cnc'])).toBe('sheet');
  });

  it('names its obvious mistakes and sends nothing', () => {
    const draft = { ...machineDraftFrom(null, 0), name: ' ', width: '330', timeFactor: 'fast' };
    draft.calendar = { ...draft.calendar, alwaysWorking: false, shifts: [{ days: [0], from: '16:00', to: '08:00', overnight: false }] };
    expect(machineInputFrom(draft, null)).toEqual({
      ok: false,
      errors: {
        name: 'Enter a name',
        processes: 'Tick at least one process',
        maxSizeMm: 'Fill in every side, or none for no limit',
        timeFactor: 'Enter a number, like 1 or 1.25',
        'calendar.shifts.0.to': 'Must be after From (tick "Ends the next day" for a night shift)',
      },
    });
  });

  it('places the API’s problems at the nearest field the form shows, the rest above it', () => {
    const draft = machineDraftFrom(machine, 0);
    const placed = placeProblems(
      ['timeFactor: must be at most 100', 'materials.1: must not be empty', 'materials.3: must be at most 100 characters', 'calendar.shifts.0.days.2: must be 0 (Monday) to 6 (Sunday)', 'calendar.shifts.4.from: must be HH:MM', 'input: bad'],
      machineErrorFields(draft),
    );
    expect(placed).toEqual({
      fields: { timeFactor: 'must be at most 100', materials: 'must not be empty; must be at most 100 characters', 'calendar.shifts.0.days': 'must be 0 (Monday) to 6 (Sunday)', 'calendar.shifts': 'must be HH:MM' },
      general: ['input: bad'],
    });
  });
});
