import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('API keys managed through GraphQL', () => {
  let app: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    app = await startTestApp({ workers: false });
    ({ apiKey } = await app.addShop('keyring-print.myshopify.com'));
  });
  afterAll(() => app?.close());

  it('creates a key shown once, lists only its hint, and revokes it at once', async () => {
    const created = await app.graphql<{ createApiKey: { key: string; apiKey: { id: string; name: string; hint: string; revokedAt: string | null } } }>(
      apiKey,
      `mutation { createApiKey(name: "  Zapier  ") { key apiKey { id name hint revokedAt } } }`,
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey: row } = created.data!.createApiKey;
    expect(row).toMatchObject({ name: 'Zapier', revokedAt: null });
    expect(key.startsWith('plk_')).toBe(true);

    // The new key works, and the list never shows a secret.
    const listed = await app.graphql<{ apiKeys: { id: string; name: string; hint: string }[] }>(key, `{ apiKeys { id name hint } }`);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.apiKeys.map((k) => k.name)).toEqual(['Zapier', 'test']);
    expect(JSON.stringify(listed.data)).not.toContain(key.split('_').slice(2).join('_'));

    const revoked = await app.graphql<{ revokeApiKey: { revokedAt: string | null } }>(apiKey, `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: row.id });
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
    const refused = await app.graphql(key, `{ apiKeys { id } }`);
    expect(refused.status).toBe(401);
  });

  it('refuses a blank name and an unknown key', async () => {
    expect(errorCodes(await app.graphql(apiKey, `mutation { createApiKey(name: "   ") { key } }`))).toEqual(['BAD_REQUEST']);
    expect(errorCodes(await app.graphql(apiKey, `mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }`))).toEqual(['NOT_FOUND']);
  });
});
