import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { draftFrom, draftToInputs, PROCESSES, PROFILE_FIELDS, type Profile, type ProfileDraft } from './profile-draft.ts';
import { ProfileMatchesField } from './profile-matches-field.tsx';
import { ProfileRulesFields } from './profile-rules-fields.tsx';

/** Creates or edits one production profile: what it is, what it matches, its file rules and its time model. */
export function ProfileForm({ profile, onSaved, onCancel }: { profile: Profile | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(profile));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: keyof ProfileDraft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  // What an empty field means: the chosen process's defaults, shown as placeholders.
  const [defaults, setDefaults] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    setDefaults(null);
    gql<{ processDefaults: Record<string, unknown> }>('query ($process: String!) { processDefaults(process: $process) }', { process: draft.process }).then(
      (data) => setDefaults(data.processDefaults),
      () => setDefaults(null),
    );
  }, [draft.process]);

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
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">{profile ? `Edit ${profile.name}` : 'New profile'}</Text>
        {problem && <Banner tone="critical">{problem}</Banner>}
        <FormLayout>
          <FormLayout.Group>
            <TextField label="Profile name" value={draft.name} onChange={field('name')} autoComplete="off" />
            <Select label="Process" options={PROCESSES} value={draft.process} onChange={field('process')} />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField label="Material" value={draft.material} onChange={field('material')} placeholder="e.g. 350gsm silk" autoComplete="off" />
            <TextField label="Finishing" value={draft.finishing} onChange={field('finishing')} placeholder="e.g. matte laminate" autoComplete="off" />
          </FormLayout.Group>
          <Checkbox label="Gang runs: several jobs may share one sheet" checked={draft.gangable} onChange={(gangable) => setDraft((current) => ({ ...current, gangable }))} />
        </FormLayout>
        <ProfileMatchesField matches={draft.matches} onChange={(matches) => setDraft((current) => ({ ...current, matches }))} />
        <ProfileRulesFields process={draft.process} draft={draft.rules} defaults={defaults} onChange={(rules) => setDraft((current) => ({ ...current, rules }))} />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">Time model and machines</Text>
          <FormLayout>
            <FormLayout.Group condensed>
              <TextField label="Setup minutes" type="number" value={draft.setupMinutes} onChange={field('setupMinutes')} autoComplete="off" />
              <TextField label="Minutes per unit" type="number" value={draft.minutesPerUnit} onChange={field('minutesPerUnit')} autoComplete="off" />
              <TextField label="Minutes per m²" type="number" value={draft.minutesPerSquareMeter} onChange={field('minutesPerSquareMeter')} autoComplete="off" />
              <TextField label="Minutes per cm³" type="number" value={draft.minutesPerCubicCm} onChange={field('minutesPerCubicCm')} autoComplete="off" />
            </FormLayout.Group>
            <FormLayout.Group>
              <TextField label="Setup family" value={draft.setupFamily} onChange={field('setupFamily')} autoComplete="off" />
              <TextField label="Machine capabilities needed (comma-separated)" value={draft.requiredCapabilities} onChange={field('requiredCapabilities')} autoComplete="off" />
            </FormLayout.Group>
          </FormLayout>
        </BlockStack>
        <InlineStack gap="200">
          <Button variant="primary" onClick={() => void save()} loading={saving} disabled={!draft.name.trim()}>Save profile</Button>
          <Button onClick={onCancel}>Cancel</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
