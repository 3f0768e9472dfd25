import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../support/orders.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SAVE = 'mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id name position } }';
const MOVE = 'mutation ($id: ID!, $direction: ProfileMoveDirection!) { moveProductionProfile(id: $id, direction: $direction) { name position } }';
const LIST = '{ productionProfiles { name position } }';

describe('the order and deletion of production profiles', () => {
  let app: TestApp;
  let apiKey: string;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    app = await startTestApp({ workers: false });
    ({ apiKey } = await app.addShop('profiles-order.myshopify.com'));
  });
  afterAll(async () => {
    await app?.close();
  });

  const names = async () => (await app.graphql<{ productionProfiles: { name: string }[] }>(apiKey, LIST)).data!.productionProfiles.map((profile) => profile.name);

  it('puts a new profile last', async () => {
    // Named out of alphabetical order, so only the position can give this order.
    for (const [name, sku] of [['Posters', 'PO'], ['Cards', 'BC'], ['Banners', 'BA']]) {
      const saved = await app.graphql<{ saveProductionProfile: { id: string; name: string } }>(apiKey, SAVE, { input: { name, process: 'digital_press', matches: [{ sku }] } });
      expect(saved.errors).toBeUndefined();
      ids.set(name!, saved.data!.saveProductionProfile.id);
    }
    expect(await names()).toEqual(['Posters', 'Cards', 'Banners']);
  });

  it('moves a profile up and down, numbering them in order, and not past either end', async () => {
    // The saves above queued a re-check; clear it to see the move queue its own.
    await app.owner`delete from pgboss.job where name = 'preflight-recheck'`;
    const up = await app.graphql<{ moveProductionProfile: { name: string; position: number }[] }>(apiKey, MOVE, { id: ids.get('Banners'), direction: 'UP' });
    expect(up.data?.moveProductionProfile).toEqual([
      { name: 'Posters', position: 0 },
      { name: 'Banners', position: 1 },
      { name: 'Cards', position: 2 },
    ]);
    await app.graphql(apiKey, MOVE, { id: ids.get('Posters'), direction: 'DOWN' });
    expect(await names()).toEqual(['Banners', 'Posters', 'Cards']);
    const top = await app.graphql<{ moveProductionProfile: { name: string }[] }>(apiKey, MOVE, { id: ids.get('Banners'), direction: 'UP' });
    expect(top.data?.moveProductionProfile.map((profile) => profile.name)).toEqual(['Banners', 'Posters', 'Cards']);
    // A moved profile changes which lines match it: files are checked again.
    const recheck = await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'preflight-recheck'`;
    expect(recheck[0]!.n).toBeGreaterThan(0);
  });

  it('deletes softly: hidden from the list, kept in the database, its name free again', async () => {
    const deleted = await app.graphql<{ deleteProductionProfile: boolean }>(apiKey, 'mutation ($id: ID!) { deleteProductionProfile(id: $id) }', { id: ids.get('Posters') });
    expect(deleted.data?.deleteProductionProfile).toBe(true);
    expect(await names()).toEqual(['Banners', 'Cards']);
    const rows = await app.owner<{ deleted: boolean }[]>`select deleted_at is not null as deleted from production_profiles where id = ${ids.get('Posters')!}`;
    expect(rows).toEqual([{ deleted: true }]);
    const again = await app.graphql<{ saveProductionProfile: { name: string } }>(apiKey, SAVE, { input: { name: 'Posters', process: 'large_format', matches: [{ sku: 'PO' }] } });
    expect(again.errors).toBeUndefined();
    expect(await names()).toEqual(['Banners', 'Cards', 'Posters']);
  });

  it('refuses to move a deleted, unknown or malformed profile', async () => {
    expect(errorCodes(await app.graphql(apiKey, MOVE, { id: ids.get('Posters'), direction: 'UP' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.graphql(apiKey, MOVE, { id: 'not-an-id', direction: 'UP' }))).toEqual(['BAD_REQUEST']);
    const other = await app.addShop('profiles-other.myshopify.com');
    expect(errorCodes(await app.graphql(other.apiKey, MOVE, { id: ids.get('Cards'), direction: 'UP' }))).toEqual(['NOT_FOUND']);
    expect(await names()).toEqual(['Banners', 'Cards', 'Posters']);
  });

  it("gives each process's defaults, what a profile's empty field means", async () => {
    const fdm = await app.graphql<{ processDefaults: { process: string; requireWatertight: boolean; buildVolumeMm: unknown } }>(apiKey, '{ processDefaults(process: "fdm") }');
    expect(fdm.data!.processDefaults).toMatchObject({ process: 'fdm', requireWatertight: true, buildVolumeMm: { x: 256, y: 256, z: 256 } });
    const press = await app.graphql<{ processDefaults: { minBleedMm: number; colorMode: string } }>(apiKey, '{ processDefaults(process: "digital_press") }');
    expect(press.data!.processDefaults).toMatchObject({ minBleedMm: 3, colorMode: 'cmyk' });
    const unknown = await app.graphql(apiKey, '{ processDefaults(process: "offset_litho") }');
    expect(errorCodes(unknown)).toEqual(['BAD_REQUEST']);
    expect(unknown.errors![0]!.message).toMatch(/^process: one of digital_press, /);
  });
});
