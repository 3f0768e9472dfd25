import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { draftFrom, draftToInputs, PROCESSES, PROFILE_FIELDS, type Profile, type ProfileDraft } from './profile-draft.ts';

const COLOR_MODES = [
  { label: 'Process default', value: '' },
  { label: 'CMYK', value: 'cmyk' },
  { label: 'RGB', value: 'rgb' },
  { label: 'Any', value: 'any' },
];

/** Creates or edits one production profile: its matches, main preflight rules and time model. */
export function ProfileForm({ profile, onSaved, onCancel }: { profile: Profile | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(profile));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: keyof ProfileDraft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  // Empty fields fall back to the process's default, shown as the placeholder when known.
  const fallback = (value: unknown) => (profile && profile.process === draft.process && typeof value === 'number' ? `default ${value}` : 'process default');
  const rules = profile?.rules ?? {};

  const save = async () => {
    setSaving(true);
    setProblem(null);
    const inputs = draftToInputs(draft, profile);
    try {
      const saved = await gql<{ saveProductionProfile: Profile }>(`mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { ${PROFILE_FIELDS} } }`, { input: inputs.profile });
      try {
        await gql('mutation ($id: ID!, $input: ProfileSchedulingInput!) { setProfileScheduling(profileId: $id, input: $input) { id } }', { id: saved.saveProductionProfile.id, input: inputs.scheduling });
      } catch (error) {
        setProblem(`Saved the profile, but not its time model: ${error instanceof ApiError ? error.message : 'that did not work'}`);
        return;
      }
      onSaved(saved.saveProductionProfile.name);
    } catch (error) {
      setProblem(`Not saved: ${error instanceof ApiError ? error.message : 'that did not work'}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{profile ? `Edit ${profile.name}` : 'New profile'}</Text>
        {problem && <Banner tone="critical">{problem}</Banner>}
        <FormLayout>
          <FormLayout.Group>
            <TextField label="Profile name" value={draft.name} onChange={field('name')} autoComplete="off" />
            <Select label="Process" options={PROCESSES} value={draft.process} onChange={field('process')} />
          </FormLayout.Group>
          <TextField label="Matches SKUs (comma-separated, * for every line)" value={draft.skus} onChange={field('skus')} autoComplete="off" />
          <FormLayout.Group>
            <TextField label="Trim width (mm)" type="number" value={draft.trimWidth} onChange={field('trimWidth')} autoComplete="off" />
            <TextField label="Trim height (mm)" type="number" value={draft.trimHeight} onChange={field('trimHeight')} autoComplete="off" />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField label="Minimum bleed (mm)" type="number" value={draft.minBleedMm} onChange={field('minBleedMm')} placeholder={fallback(rules.minBleedMm)} autoComplete="off" />
            <TextField label="Minimum image ppi" type="number" value={draft.minPpi} onChange={field('minPpi')} placeholder={fallback(rules.minPpi)} autoComplete="off" />
            <Select label="Colour mode" options={COLOR_MODES} value={draft.colorMode} onChange={field('colorMode')} />
          </FormLayout.Group>
          <FormLayout.Group condensed>
            <TextField label="Build volume X (mm)" type="number" value={draft.buildX} onChange={field('buildX')} autoComplete="off" />
            <TextField label="Build volume Y (mm)" type="number" value={draft.buildY} onChange={field('buildY')} autoComplete="off" />
            <TextField label="Build volume Z (mm)" type="number" value={draft.buildZ} onChange={field('buildZ')} autoComplete="off" />
          </FormLayout.Group>
          <Checkbox label="Gang runs: several jobs may share one sheet" checked={draft.gangable} onChange={(gangable) => setDraft((current) => ({ ...current, gangable }))} />
          <FormLayout.Group>
            <TextField label="Setup minutes" type="number" value={draft.setupMinutes} onChange={field('setupMinutes')} autoComplete="off" />
            <TextField label="Minutes per unit" type="number" value={draft.minutesPerUnit} onChange={field('minutesPerUnit')} autoComplete="off" />
            <TextField label="Setup family" value={draft.setupFamily} onChange={field('setupFamily')} autoComplete="off" />
          </FormLayout.Group>
        </FormLayout>
        <InlineStack gap="200">
          <Button variant="primary" onClick={() => void save()} loading={saving} disabled={!draft.name.trim()}>Save profile</Button>
          <Button onClick={onCancel}>Cancel</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
