import { Card, DataTable, Page, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';

interface Profile {
  id: string;
  name: string;
  process: string;
  material: string | null;
  finishing: string | null;
  gangable: boolean;
  matches: { sku: string | null; productExternalId: string | null; variantExternalId: string | null }[];
}

const QUERY = '{ productionProfiles { id name process material finishing gangable matches { sku productExternalId variantExternalId } } }';
const matchText = (match: Profile['matches'][number]) =>
  match.sku ? `SKU ${match.sku}` : match.variantExternalId ? `variant ${match.variantExternalId}` : match.productExternalId ? `product ${match.productExternalId}` : 'any';

/** Which products become which production: process, material, finishing, and what they match. */
export function ProductionProfilesPage() {
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  useEffect(() => {
    gql<{ productionProfiles: Profile[] }>(QUERY).then((data) => setProfiles(data.productionProfiles), () => setProfiles([]));
  }, []);
  return (
    <Page title="Production profiles">
      <Card>
        {profiles?.length === 0 ? (
          <Text as="p" tone="subdued">No profiles yet: products without one become jobs with the default rules.</Text>
        ) : (
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text']}
            headings={['Name', 'Process', 'Material', 'Finishing', 'Gang runs', 'Matches']}
            rows={(profiles ?? []).map((profile) => [profile.name, profile.process, profile.material ?? '—', profile.finishing ?? '—', profile.gangable ? 'yes' : 'no', profile.matches.map(matchText).join('; ')])}
          />
        )}
      </Card>
    </Page>
  );
}
