import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Page, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';

interface ApiKey {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const FIELDS = 'id name hint createdAt lastUsedAt revokedAt';
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/** API keys for integrations: list them by hint, create one (its secret is shown only once), revoke one. */
export function ApiKeysPage() {
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work');
  const load = useCallback(() => {
    gql<{ apiKeys: ApiKey[] }>(`{ apiKeys { ${FIELDS} } }`).then((data) => setKeys(data.apiKeys), fail);
  }, []);
  useEffect(load, [load]);

  const create = () =>
    gql<{ createApiKey: { key: string; apiKey: ApiKey } }>(`mutation ($name: String!) { createApiKey(name: $name) { key apiKey { ${FIELDS} } } }`, { name: name.trim() }).then((data) => {
      setCreated({ name: data.createApiKey.apiKey.name, key: data.createApiKey.key });
      setProblem(null);
      setName('');
      load();
    }, fail);
  const revoke = (id: string) => gql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }).then(load, fail);

  return (
    <Page title="API keys">
      <BlockStack gap="400">
        {problem && <Banner tone="critical" onDismiss={() => setProblem(null)}>{problem}</Banner>}
        {created && (
          <Banner tone="success" title={`Key "${created.name}" created`} onDismiss={() => setCreated(null)}>
            <BlockStack gap="200">
              <Text as="p">Copy it now: it is shown only this once.</Text>
              {/* Read-only and selected on focus so the key can be copied from the keyboard. */}
              <TextField label="New API key" value={created.key} readOnly selectTextOnFocus autoComplete="off" monospaced />
            </BlockStack>
          </Banner>
        )}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Create a key</Text>
            <TextField label="Key name" value={name} onChange={setName} autoComplete="off" placeholder="ERP sync" />
            <InlineStack>
              <Button variant="primary" onClick={() => void create()} disabled={!name.trim()}>Create key</Button>
            </InlineStack>
          </BlockStack>
        </Card>
        <Card>
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text', 'text', 'text']}
            headings={['Name', 'Starts with', 'Created', 'Last used', 'Revoked', '']}
            rows={keys.map((key) => [
              key.name,
              `${key.hint}…`,
              day(key.createdAt),
              key.lastUsedAt ? day(key.lastUsedAt) : 'never',
              key.revokedAt ? day(key.revokedAt) : 'no',
              key.revokedAt ? '' : (
                <Button key={key.id} size="slim" tone="critical" onClick={() => void revoke(key.id)} accessibilityLabel={`Revoke key ${key.name}`}>Revoke</Button>
              ),
            ])}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
