import { BlockStack, ChoiceList, FormLayout, Select, Text, TextField } from '@shopify/polaris';
import { FILE_KINDS, ruleGroupsFor, type Choice, type RulesDraft } from './profile-rules-draft.ts';

const COLOR_MODES = [
  { label: 'Process default', value: '' },
  { label: 'CMYK', value: 'cmyk' },
  { label: 'RGB', value: 'rgb' },
  { label: 'Any', value: 'any' },
];

const CHOICES = [
  { label: 'Process default', value: '' },
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
];

interface Props {
  process: string;
  draft: RulesDraft;
  onChange: (draft: RulesDraft) => void;
  /** The rules in force for this process (shown as placeholders), when known. */
  defaults: Record<string, unknown> | null;
}

/** Every preflight rule a profile may state, grouped, showing the groups that matter for the process. */
export function ProfileRulesFields({ process, draft, onChange, defaults }: Props) {
  const groups = ruleGroupsFor(process);
  const set = (key: keyof RulesDraft) => (value: string) => onChange({ ...draft, [key]: value });
  const setChoice = (key: keyof RulesDraft) => (value: string) => onChange({ ...draft, [key]: value as Choice });
  const placeholder = (key: string) => {
    const value = defaults?.[key];
    return typeof value === 'number' ? `default ${value}` : 'process default';
  };
  const number = (label: string, key: keyof RulesDraft, defaultKey = key as string) => (
    <TextField label={label} type="number" value={draft[key] as string} onChange={set(key)} placeholder={placeholder(defaultKey)} autoComplete="off" />
  );
  // The default choice says what it means for this process, when known.
  const choices = (key: string) => {
    const value = defaults?.[key];
    return typeof value === 'boolean' ? [{ label: `Process default (${value ? 'yes' : 'no'})`, value: '' }, ...CHOICES.slice(1)] : CHOICES;
  };
  const yesNo = (label: string, key: keyof RulesDraft) => <Select label={label} options={choices(key)} value={draft[key] as string} onChange={setChoice(key)} />;
  const defaultKinds = Array.isArray(defaults?.acceptedKinds) ? (defaults.acceptedKinds as string[]).join(', ') : null;
  const cutting = process === 'laser' || process === 'cnc';

  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">File rules</Text>
      <div className="inline-choices">
        <ChoiceList
          title="Accepted file kinds"
          allowMultiple
          choices={FILE_KINDS.map((kind) => ({ label: kind, value: kind }))}
          selected={draft.acceptedKinds}
          onChange={(acceptedKinds) => onChange({ ...draft, acceptedKinds })}
        />
      </div>
      <Text as="p" tone="subdued">{`None ticked: the process's kinds${defaultKinds ? ` (${defaultKinds})` : ''}. An empty field keeps the process default.`}</Text>
      <FormLayout>
        {groups.includes('print') && (
          <>
            <FormLayout.Group condensed>
              <TextField label="Trim width (mm)" type="number" value={draft.trimWidth} onChange={set('trimWidth')} autoComplete="off" />
              <TextField label="Trim height (mm)" type="number" value={draft.trimHeight} onChange={set('trimHeight')} autoComplete="off" />
              {number('Trim tolerance (mm)', 'trimToleranceMm')}
              {number('Minimum bleed (mm)', 'minBleedMm')}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              {number('Minimum image ppi', 'minPpi')}
              {number('Recommended image ppi', 'recommendedPpi')}
              <Select label="Colour mode" options={COLOR_MODES} value={draft.colorMode} onChange={set('colorMode')} />
              {yesNo('Fonts must be embedded', 'requireEmbeddedFonts')}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              <TextField label="Pages at least" type="number" value={draft.pagesMin} onChange={set('pagesMin')} autoComplete="off" />
              <TextField label="Pages at most" type="number" value={draft.pagesMax} onChange={set('pagesMax')} autoComplete="off" />
            </FormLayout.Group>
          </>
        )}
        {groups.includes('size') && (
          <FormLayout.Group condensed>
            <TextField label={cutting ? 'Bed X (mm)' : 'Build volume X (mm)'} type="number" value={draft.buildX} onChange={set('buildX')} autoComplete="off" />
            <TextField label={cutting ? 'Bed Y (mm)' : 'Build volume Y (mm)'} type="number" value={draft.buildY} onChange={set('buildY')} autoComplete="off" />
            <TextField label={cutting ? 'Material thickness limit (mm)' : 'Build volume Z (mm)'} type="number" value={draft.buildZ} onChange={set('buildZ')} autoComplete="off" />
          </FormLayout.Group>
        )}
        {groups.includes('mesh') && (
          <FormLayout.Group condensed>
            {number('Most triangles in a model', 'maxTriangles')}
            {yesNo('Models must be watertight', 'requireWatertight')}
          </FormLayout.Group>
        )}
        {groups.includes('cut') && (
          <FormLayout.Group condensed>
            {number('Widest cut line (mm)', 'cutLineMaxStrokeMm')}
            {yesNo('Outlines must be closed', 'requireClosedPaths')}
            {yesNo('Text must be outlined', 'requireOutlinedText')}
          </FormLayout.Group>
        )}
      </FormLayout>
    </BlockStack>
  );
}
