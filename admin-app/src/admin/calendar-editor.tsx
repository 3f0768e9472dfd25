import { BlockStack, Button, Checkbox, InlineError, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { newClosed, newShift, offsetOptions, WEEKDAYS, type CalendarDraft, type ClosedDraft, type ShiftDraft } from './calendar-draft.ts';
import { CheckboxGroup } from './checkbox-group.tsx';

const DAY_OPTIONS = WEEKDAYS.map((label, day) => ({ label, value: String(day) }));

/** A machine's working hours: a UTC offset, weekly shifts and closed periods, or "always working". */
export function CalendarEditor({ draft, errors, onChange }: { draft: CalendarDraft; errors: Record<string, string>; onChange: (draft: CalendarDraft) => void }) {
  const setShift = (index: number, change: Partial<ShiftDraft>) => onChange({ ...draft, shifts: draft.shifts.map((shift, i) => (i === index ? { ...shift, ...change } : shift)) });
  const setClosed = (index: number, change: Partial<ClosedDraft>) => onChange({ ...draft, closed: draft.closed.map((period, i) => (i === index ? { ...period, ...change } : period)) });

  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">Working hours</Text>
      <Checkbox label="Always working (no calendar)" checked={draft.alwaysWorking} onChange={(alwaysWorking) => onChange({ ...draft, alwaysWorking })} />
      {!draft.alwaysWorking && (
        <>
          <Select
            label="Time zone (UTC offset)"
            options={offsetOptions(draft.utcOffsetMinutes)}
            value={String(draft.utcOffsetMinutes)}
            onChange={(value) => onChange({ ...draft, utcOffsetMinutes: Number(value) })}
            helpText="Shifts and closed periods are in this local time. It is a fixed offset: change it when the clocks change."
            error={errors['calendar.utcOffsetMinutes']}
          />
          {draft.shifts.map((shift, i) => {
            const at = `calendar.shifts.${i}`;
            return (
              <fieldset key={i} className="admin-fieldset">
                <legend>{`Shift ${i + 1}`}</legend>
                <BlockStack gap="200">
                  <CheckboxGroup id={`shift-${i}-days`} legend="Days" options={DAY_OPTIONS} selected={shift.days.map(String)} onChange={(days) => setShift(i, { days: days.map(Number) })} error={errors[`${at}.days`]} />
                  <InlineStack gap="300" blockAlign="start" wrap>
                    <div className="time-field">
                      <TextField label="From" type="time" value={shift.from} onChange={(from) => setShift(i, { from })} error={errors[`${at}.from`]} autoComplete="off" />
                    </div>
                    <div className="time-field">
                      <TextField label="To" type="time" value={shift.to} onChange={(to) => setShift(i, { to })} error={errors[`${at}.to`]} autoComplete="off" />
                    </div>
                    <div className="beside-fields">
                      <InlineStack gap="300">
                        <Checkbox label="Ends the next day" checked={shift.overnight} onChange={(overnight) => setShift(i, { overnight })} />
                        <Button tone="critical" variant="plain" onClick={() => onChange({ ...draft, shifts: draft.shifts.filter((_, other) => other !== i) })} accessibilityLabel={`Remove shift ${i + 1}`}>Remove</Button>
                      </InlineStack>
                    </div>
                  </InlineStack>
                </BlockStack>
              </fieldset>
            );
          })}
          {errors['calendar.shifts'] && <InlineError message={errors['calendar.shifts']} fieldID="calendar-shifts" />}
          <InlineStack>
            <Button onClick={() => onChange({ ...draft, shifts: [...draft.shifts, newShift()] })}>Add shift</Button>
          </InlineStack>
          <Text as="h3" variant="headingSm">Closed periods</Text>
          {draft.closed.length === 0 && <Text as="p" tone="subdued">None: holidays and planned maintenance go here.</Text>}
          {draft.closed.map((period, i) => {
            const at = `calendar.closed.${i}`;
            return (
              <fieldset key={i} className="admin-fieldset">
                <legend>{`Closed period ${i + 1}`}</legend>
                <InlineStack gap="300" blockAlign="start" wrap>
                  <div className="date-time-field">
                    <TextField label="Closed from" type="datetime-local" value={period.from} onChange={(from) => setClosed(i, { from })} error={errors[`${at}.from`]} autoComplete="off" />
                  </div>
                  <div className="date-time-field">
                    <TextField label="Closed until" type="datetime-local" value={period.to} onChange={(to) => setClosed(i, { to })} error={errors[`${at}.to`]} autoComplete="off" />
                  </div>
                  <div className="reason-field">
                    <TextField label="Reason" value={period.reason} onChange={(reason) => setClosed(i, { reason })} error={errors[`${at}.reason`]} autoComplete="off" />
                  </div>
                  <div className="beside-fields">
                    <Button tone="critical" variant="plain" onClick={() => onChange({ ...draft, closed: draft.closed.filter((_, other) => other !== i) })} accessibilityLabel={`Remove closed period ${i + 1}`}>Remove</Button>
                  </div>
                </InlineStack>
              </fieldset>
            );
          })}
          <InlineStack>
            <Button onClick={() => onChange({ ...draft, closed: [...draft.closed, newClosed()] })}>Add closed period</Button>
          </InlineStack>
        </>
      )}
    </BlockStack>
  );
}
