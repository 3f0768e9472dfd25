import { Banner, BlockStack, Button, ButtonGroup, Card, DataTable, InlineStack, Page, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { PROFILE_FIELDS, type Profile } from './profile-draft.ts';
import { ProfileForm } from './profile-form.tsx';

const matchText = (match: Profile['matches'][number]) =>
  [match.sku && `SKU ${match.sku}`, match.productExternalId && `product ${match.productExternalId}`, match.variantExternalId && `variant ${match.variantExternalId}`].filter(Boolean).join(' + ') || 'any';

type Message = { tone: 'success' | 'critical'; text: string };

/**
 * Which products become which production: process, material, finishing, what they match.
 * A line takes the first profile in this order whose match fits (a more specific match wins).
 */
export function ProductionProfilesPage() {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  // undefined: no form open; null: a new profile.
  const [editing, setEditing] = useState<Profile | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const problem = (error: unknown, what: string) => setMessage({ tone: 'critical', text: `${what}: ${error instanceof ApiError ? error.message : 'that did not work'}` });
  const load = useCallback(() => {
    gql<{ productionProfiles: Profile[] }>(`{ productionProfiles { ${PROFILE_FIELDS} } }`).then((data) => setProfiles(data.productionProfiles), () => setProfiles([]));
  }, []);
  useEffect(load, [load]);
  const onSaved = (name: string) => {
    setEditing(undefined);
    setMessage({ tone: 'success', text: `Saved ${name}` });
    load();
  };
  const move = async (profile: Profile, direction: 'UP' | 'DOWN') => {
    setMessage(null);
    try {
      const moved = await gql<{ moveProductionProfile: Profile[] }>(`mutation ($id: ID!, $direction: ProfileMoveDirection!) { moveProductionProfile(id: $id, direction: $direction) { ${PROFILE_FIELDS} } }`, { id: profile.id, direction });
      setProfiles(moved.moveProductionProfile);
    } catch (error) {
      problem(error, `${profile.name} was not moved`);
    }
  };
  const remove = async (profile: Profile) => {
    setDeleting(null);
    try {
      await gql('mutation ($id: ID!) { deleteProductionProfile(id: $id) }', { id: profile.id });
      if (editing?.id === profile.id) setEditing(undefined);
      setMessage({ tone: 'success', text: `Deleted ${profile.name}` });
      load();
    } catch (error) {
      problem(error, `${profile.name} was not deleted`);
    }
  };
  const list = profiles ?? [];

  return (
    <Page title="Production profiles" primaryAction={{ content: 'New profile', onAction: () => { setMessage(null); setEditing(null); } }}>
      <BlockStack gap="400">
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        {deleting && (
          <Banner tone="warning" title={`Delete ${deleting.name}?`}>
            <BlockStack gap="200">
              <Text as="p">Lines it matches fall to the next matching profile, and unfinished jobs&apos; files are checked again.</Text>
              <InlineStack gap="200">
                <Button variant="primary" tone="critical" onClick={() => void remove(deleting)}>{`Yes, delete ${deleting.name}`}</Button>
                <Button onClick={() => setDeleting(null)}>Keep it</Button>
              </InlineStack>
            </BlockStack>
          </Banner>
        )}
        {editing !== undefined && <ProfileForm key={editing?.id ?? 'new'} profile={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />}
        <Card>
          {profiles?.length === 0 ? (
            <Text as="p" tone="subdued">No profiles yet: products without one become jobs with the default rules.</Text>
          ) : (
            <DataTable
              columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text', 'text']}
              headings={['Name', 'Process', 'Material', 'Finishing', 'Gang runs', 'Matches', '']}
              rows={list.map((profile, index) => [
                profile.name,
                profile.process,
                profile.material ?? '—',
                profile.finishing ?? '—',
                profile.gangable ? 'yes' : 'no',
                profile.matches.map(matchText).join('; '),
                <ButtonGroup key={profile.id}>
                  <Button size="slim" onClick={() => { setMessage(null); setEditing(profile); }} accessibilityLabel={`Edit ${profile.name}`}>Edit</Button>
                  <Button size="slim" disabled={index === 0} onClick={() => void move(profile, 'UP')} accessibilityLabel={`Move ${profile.name} up`}>↑</Button>
                  <Button size="slim" disabled={index === list.length - 1} onClick={() => void move(profile, 'DOWN')} accessibilityLabel={`Move ${profile.name} down`}>↓</Button>
                  <Button size="slim" tone="critical" onClick={() => { setMessage(null); setDeleting(profile); }} accessibilityLabel={`Delete ${profile.name}`}>Delete</Button>
                </ButtonGroup>,
              ])}
            />
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
