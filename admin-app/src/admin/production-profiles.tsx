import { Banner, BlockStack, Button, Card, DataTable, Page, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';
import { PROFILE_FIELDS, type Profile } from './profile-draft.ts';
import { ProfileForm } from './profile-form.tsx';

const matchText = (match: Profile['matches'][number]) =>
  match.sku ? `SKU ${match.sku}` : match.variantExternalId ? `variant ${match.variantExternalId}` : match.productExternalId ? `product ${match.productExternalId}` : 'any';

/** Which products become which production: process, material, finishing, what they match; create and edit them. */
export function ProductionProfilesPage() {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  // undefined: no form open; null: a new profile.
  const [editing, setEditing] = useState<Profile | null | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useCallback(() => {
    gql<{ productionProfiles: Profile[] }>(`{ productionProfiles { ${PROFILE_FIELDS} } }`).then((data) => setProfiles(data.productionProfiles), () => setProfiles([]));
  }, []);
  useEffect(load, [load]);
  const onSaved = (name: string) => {
    setEditing(undefined);
    setSaved(`Saved ${name}`);
    load();
  };

  return (
    <Page title="Production profiles" primaryAction={{ content: 'New profile', onAction: () => { setSaved(null); setEditing(null); } }}>
      <BlockStack gap="400">
        {saved && <Banner tone="success" onDismiss={() => setSaved(null)}>{saved}</Banner>}
        {editing !== undefined && <ProfileForm key={editing?.id ?? 'new'} profile={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />}
        <Card>
          {profiles?.length === 0 ? (
            <Text as="p" tone="subdued">No profiles yet: products without one become jobs with the default rules.</Text>
          ) : (
            <DataTable
              columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text', 'text']}
              headings={['Name', 'Process', 'Material', 'Finishing', 'Gang runs', 'Matches', '']}
              rows={(profiles ?? []).map((profile) => [
                profile.name,
                profile.process,
                profile.material ?? '—',
                profile.finishing ?? '—',
                profile.gangable ? 'yes' : 'no',
                profile.matches.map(matchText).join('; '),
                <Button key={profile.id} size="slim" onClick={() => { setSaved(null); setEditing(profile); }} accessibilityLabel={`Edit ${profile.name}`}>Edit</Button>,
              ])}
            />
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
