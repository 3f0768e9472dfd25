import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import type { CalendarDraft } from './calendar-draft.ts';
import { CalendarEditor } from './calendar-editor.tsx';
import { CheckboxGroup } from './checkbox-group.tsx';
import { MACHINE_FIELDS, machineDraftFrom, machineErrorFields, machineInputFrom, placeProblems, suggestedSizeKind, type Machine, type MachineDraft, type SizeKind } from './machine-draft.ts';
import { PROCESSES } from './profile-draft.ts';

const PROCESS_OPTIONS = PROCESSES.map((process) => ({ label: process, value: process }));
const SIZE_KINDS = [
  { label: 'Sheet or bed (width × height)', value: 'sheet' },
  { label: 'Build volume (x × y × z)', value: 'volume' },
];
/** The browser's offset now, the starting point for a new machine's calendar. */
const browserOffset = () => -new Date().getTimezoneOffset();

/** Creates or edits a machine: what it makes, its size limit, speed and working hours. Nothing is saved while a field is wrong. */
export function MachineForm({ machine, onSaved, onCancel }: { machine: Machine | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<MachineDraft>(() => machineDraftFrom(machine, browserOffset()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: 'name' | 'materials' | 'capabilities' | 'width' | 'height' | 'x' | 'y' | 'z' | 'timeFactor') => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const sizeBlank = [draft.width, draft.height, draft.x, draft.y, draft.z].every((side) => side.trim() === '');
  const setProcesses = (processes: string[]) => setDraft((current) => ({ ...current, processes, sizeKind: sizeBlank ? suggestedSizeKind(processes) : current.sizeKind }));
  const setCalendar = (calendar: CalendarDraft) => {
    // Errors are placed by row number: a row added or removed moves them.
    if (calendar.shifts.length !== draft.calendar.shifts.length || calendar.closed.length !== draft.calendar.closed.length) setErrors({});
    setDraft((current) => ({ ...current, calendar }));
  };

  const save = async () => {
    setProblem(null);
    const check = machineInputFrom(draft, machine?.id ?? null);
    if (!check.ok) {
      setErrors(check.errors);
      setProblem('Not saved: correct the marked fields.');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await gql<{ saveMachine: Machine }>(`mutation ($input: MachineInput!) { saveMachine(input: $input) { ${MACHINE_FIELDS} } }`, { input: check.input });
      onSaved(saved.saveMachine.name);
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0) {
        const placed = placeProblems(error.problems, machineErrorFields(draft));
        setErrors(placed.fields);
        setProblem(`Not saved: ${placed.general.length > 0 ? placed.general.join('; ') : 'correct the marked fields.'}`);
      } else setProblem(`Not saved: ${error instanceof ApiError ? error.message : 'that did not work'}`);
    } finally {
      setSaving(false);
    }
  };

  const sides: { key: 'width' | 'height' | 'x' | 'y' | 'z'; label: string }[] =
    draft.sizeKind === 'sheet'
      ? [{ key: 'width', label: 'Max width (mm)' }, { key: 'height', label: 'Max height (mm)' }]
      : [{ key: 'x', label: 'Build volume X (mm)' }, { key: 'y', label: 'Build volume Y (mm)' }, { key: 'z', label: 'Build volume Z (mm)' }];

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{machine ? `Edit ${machine.name}` : 'New machine'}</Text>
        {problem && <Banner tone="critical">{problem}</Banner>}
        <FormLayout>
          <TextField label="Machine name" value={draft.name} onChange={field('name')} error={errors.name} autoComplete="off" />
          <CheckboxGroup id="machine-processes" legend="Processes" options={PROCESS_OPTIONS} selected={draft.processes} onChange={setProcesses} error={errors.processes} />
          <FormLayout.Group>
            <TextField label="Materials (comma-separated; blank: any)" value={draft.materials} onChange={field('materials')} error={errors.materials} autoComplete="off" />
            <TextField label="Capabilities (comma-separated)" value={draft.capabilities} onChange={field('capabilities')} error={errors.capabilities} autoComplete="off" />
          </FormLayout.Group>
          <FormLayout.Group condensed>
            <Select label="Max size as" options={SIZE_KINDS} value={draft.sizeKind} onChange={(sizeKind) => setDraft((current) => ({ ...current, sizeKind: sizeKind as SizeKind }))} />
            {sides.map((side, i) => (
              <TextField key={side.key} label={side.label} type="number" value={draft[side.key]} onChange={field(side.key)} placeholder="no limit" error={i === 0 ? errors.maxSizeMm : Boolean(errors.maxSizeMm)} autoComplete="off" />
            ))}
          </FormLayout.Group>
          <TextField
            label="Time factor"
            type="number"
            value={draft.timeFactor}
            onChange={field('timeFactor')}
            error={errors.timeFactor}
            helpText="Minutes on this machine per planned minute: 1.25 is a quarter slower than the profiles' time models."
            autoComplete="off"
          />
          <CalendarEditor draft={draft.calendar} errors={errors} onChange={setCalendar} />
        </FormLayout>
        <InlineStack gap="200">
          <Button variant="primary" onClick={() => void save()} loading={saving}>Save machine</Button>
          <Button onClick={onCancel}>Cancel</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
