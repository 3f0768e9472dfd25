import { Checkbox, InlineError, InlineStack } from '@shopify/polaris';

/** A labelled set of checkboxes in a row (a fieldset, so each box is read with its group's name), with one inline error. */
export function CheckboxGroup({ id, legend, options, selected, onChange, error }: { id: string; legend: string; options: { label: string; value: string }[]; selected: readonly string[]; onChange: (selected: string[]) => void; error?: string | undefined }) {
  const toggle = (value: string, on: boolean) => onChange(options.map((option) => option.value).filter((other) => (other === value ? on : selected.includes(other))));
  return (
    <fieldset className="checkbox-group" aria-describedby={error ? `${id}Error` : undefined}>
      <legend>{legend}</legend>
      <InlineStack gap="300" wrap>
        {options.map((option) => (
          <Checkbox key={option.value} label={option.label} checked={selected.includes(option.value)} onChange={(on) => toggle(option.value, on)} />
        ))}
      </InlineStack>
      {error && <InlineError message={error} fieldID={id} />}
    </fieldset>
  );
}
