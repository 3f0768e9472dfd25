import { calendarDraftFrom, calendarFromDraft, type CalendarDraft, type CalendarJson } from './calendar-draft.ts';

export type MachineState = 'UP' | 'DOWN' | 'MAINTENANCE';
export type SizeMm = { width: number; height: number } | { x: number; y: number; z: number };

/** A machine as the admin reads it. */
export interface Machine {
  id: string;
  name: string;
  processes: string[];
  materials: string[];
  capabilities: string[];
  maxSizeMm: SizeMm | null;
  timeFactor: number;
  calendar: CalendarJson | null;
  state: MachineState;
  stateReason: string | null;
  queue: { job: { id: string } }[];
}

export const MACHINE_FIELDS = 'id name processes materials capabilities maxSizeMm timeFactor calendar state stateReason queue { job { id } }';

/** Processes whose machines have a build volume; the others take a sheet (or a bed) by width and height. */
const VOLUME_PROCESSES = ['fdm', 'sla'];
export type SizeKind = 'sheet' | 'volume';
export const suggestedSizeKind = (processes: readonly string[]): SizeKind => (processes.some((process) => VOLUME_PROCESSES.includes(process)) ? 'volume' : 'sheet');

/** The form's fields as typed; lists are comma-separated. */
export interface MachineDraft {
  name: string;
  processes: string[];
  materials: string;
  capabilities: string;
  sizeKind: SizeKind;
  width: string;
  height: string;
  x: string;
  y: string;
  z: string;
  timeFactor: string;
  calendar: CalendarDraft;
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value));

export function machineDraftFrom(machine: Machine | null, browserOffsetMinutes: number): MachineDraft {
  const size = machine?.maxSizeMm ?? null;
  const sheet = size && 'width' in size ? size : null;
  const volume = size && 'x' in size ? size : null;
  return {
    name: machine?.name ?? '',
    processes: machine?.processes ?? [],
    materials: (machine?.materials ?? []).join(', '),
    capabilities: (machine?.capabilities ?? []).join(', '),
    sizeKind: volume ? 'volume' : sheet ? 'sheet' : suggestedSizeKind(machine?.processes ?? []),
    width: text(sheet?.width),
    height: text(sheet?.height),
    x: text(volume?.x),
    y: text(volume?.y),
    z: text(volume?.z),
    timeFactor: machine ? String(machine.timeFactor) : '1',
    calendar: calendarDraftFrom(machine?.calendar ?? null, browserOffsetMinutes),
  };
}

export interface MachineInput {
  id?: string;
  name: string;
  processes: string[];
  materials: string[];
  capabilities: string[];
  maxSizeMm: SizeMm | null;
  timeFactor?: number;
  calendar: CalendarJson | null;
}

export type MachineCheck = { ok: true; input: MachineInput } | { ok: false; errors: Record<string, string> };

const list = (value: string) => [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];

/** Sides all blank: no limit; all numbers: the size; anything else is a mistake to point out. */
function sizeFrom(sides: string[]): { ok: true; sides: number[] | null } | { ok: false; error: string } {
  if (sides.every((side) => side.trim() === '')) return { ok: true, sides: null };
  if (sides.some((side) => side.trim() === '')) return { ok: false, error: 'Fill in every side, or none for no limit' };
  const numbers = sides.map(Number);
  return numbers.every(Number.isFinite) ? { ok: true, sides: numbers } : { ok: false, error: 'Sides are numbers in mm' };
}

/**
 * The draft as saveMachine's input, or the obvious mistakes keyed by the API's field paths.
 * Ranges (sizes above 0, time factor up to 100 …) are left to the API, whose refusal names the field.
 */
export function machineInputFrom(draft: MachineDraft, id: string | null): MachineCheck {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = 'Enter a name';
  if (draft.processes.length === 0) errors.processes = 'Tick at least one process';
  const size = sizeFrom(draft.sizeKind === 'sheet' ? [draft.width, draft.height] : [draft.x, draft.y, draft.z]);
  if (!size.ok) errors.maxSizeMm = size.error;
  const factor = draft.timeFactor.trim() === '' ? undefined : Number(draft.timeFactor);
  if (factor !== undefined && !Number.isFinite(factor)) errors.timeFactor = 'Enter a number, like 1 or 1.25';
  const calendar = calendarFromDraft(draft.calendar);
  if (!calendar.ok) Object.assign(errors, calendar.errors);
  if (Object.keys(errors).length > 0 || !size.ok || !calendar.ok) return { ok: false, errors };
  const sides = size.sides;
  return {
    ok: true,
    input: {
      ...(id ? { id } : {}),
      name: draft.name.trim(),
      processes: draft.processes,
      materials: list(draft.materials),
      capabilities: list(draft.capabilities),
      maxSizeMm: sides === null ? null : draft.sizeKind === 'sheet' ? { width: sides[0]!, height: sides[1]! } : { x: sides[0]!, y: sides[1]!, z: sides[2]! },
      ...(factor === undefined ? {} : { timeFactor: factor }),
      calendar: calendar.calendar,
    },
  };
}

/** Every field path the form shows an error next to. */
export function machineErrorFields(draft: MachineDraft): string[] {
  return [
    'name',
    'processes',
    'materials',
    'capabilities',
    'maxSizeMm',
    'timeFactor',
    'calendar.utcOffsetMinutes',
    'calendar.shifts',
    ...draft.calendar.shifts.flatMap((_, i) => ['days', 'from', 'to'].map((field) => `calendar.shifts.${i}.${field}`)),
    ...draft.calendar.closed.flatMap((_, i) => ['from', 'to', 'reason'].map((field) => `calendar.closed.${i}.${field}`)),
  ];
}

/**
 * The API's problems ("calendar.shifts.0.to: must be HH:MM") placed at the nearest field
 * the form shows (materials.2 goes to materials); the rest are shown above the form.
 */
export function placeProblems(problems: readonly string[], fields: readonly string[]): { fields: Record<string, string>; general: string[] } {
  const placed: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const colon = problem.indexOf(': ');
    const path = colon > 0 ? problem.slice(0, colon).split('.') : [];
    const message = colon > 0 ? problem.slice(colon + 2) : problem;
    while (path.length > 0 && !fields.includes(path.join('.'))) path.pop();
    const field = path.join('.');
    if (!field) general.push(problem);
    else placed[field] = placed[field] ? `${placed[field]}; ${message}` : message;
  }
  return { fields: placed, general };
}
