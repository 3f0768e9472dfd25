import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const SET = 'mutation ($jobId: ID!, $location: String) { setJobLocation(jobId: $jobId, location: $location) { id location locationChangedAt } }';

describe('where a job physically is', () => {
  let app: TestApp;
  let apiKey: string;
  let otherKey: string;
  let jobIds: string[];
  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop('floor.myshopify.com'));
    ({ apiKey: otherKey } = await app.addShop('elsewhere.myshopify.com'));
    const created = await app.graphql<{ createManualOrder: { jobs: { id: string }[] } }>(
      apiKey,
      'mutation ($input: ManualOrderInput!) { createManualOrder(input: $input) { jobs { id } } }',
      { input: { customerName: 'Shelf Sam', items: [{ title: 'Poster A2', quantity: 4 }, { title: 'Sticker sheet', quantity: 10 }] } },
    );
    jobIds = created.data!.createManualOrder.jobs.map((job) => job.id);
    expect(jobIds.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await app?.close();
  });

  const locationEvents = async (jobId: string) => {
    const result = await app.graphql<{ job: { events: { kind: string; note: string | null }[] } }>(apiKey, 'query ($id: ID!) { job(id: $id) { events { kind note } } }', { id: jobId });
    return result.data!.job.events.filter((event) => event.kind === 'location_changed').map((event) => event.note);
  };

  it('is set by an operator, audited on the timeline, and found by search', async () => {
    const jobId = jobIds[0]!;
    const result = await app.graphql<{ setJobLocation: { location: string; locationChangedAt: string } }>(apiKey, SET, { jobId, location: '  Shelf   B3 ' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setJobLocation.location).toBe('Shelf B3');
    expect(result.data!.setJobLocation.locationChangedAt).not.toBeNull();

    // The same place again writes nothing; a move and a clear are both on the trail.
    await app.graphql(apiKey, SET, { jobId, location: 'Shelf B3' });
    await app.graphql(apiKey, SET, { jobId, location: 'Dryer 2' });
    await app.graphql(apiKey, SET, { jobId, location: '' });
    expect(await locationEvents(jobId)).toEqual(['at Shelf B3', 'at Dryer 2', 'location cleared']);

    await app.graphql(apiKey, SET, { jobId, location: 'Cart 7' });
    const found = await app.graphql<{ jobs: { nodes: { id: string; location: string }[] } }>(apiKey, '{ jobs(first: 10, filter: { search: "cart 7" }) { nodes { id location } } }');
    expect(found.data!.jobs.nodes).toEqual([{ id: jobId, location: 'Cart 7' }]);
  });

  it('suggests the places used lately, most recent first', async () => {
    if (jobIds[1]) await app.graphql(apiKey, SET, { jobId: jobIds[1], location: 'Rack 1' });
    const result = await app.graphql<{ jobLocations: string[] }>(apiKey, '{ jobLocations }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.jobLocations[0]).toBe(jobIds[1] ? 'Rack 1' : 'Cart 7');
    // Places used before stay suggested after the piece moved on, each once.
    expect(result.data!.jobLocations.slice(jobIds[1] ? 1 : 0)).toEqual(['Cart 7', 'Dryer 2', 'Shelf B3']);
  });

  it('refuses a location with control characters or too long, changing nothing', async () => {
    const jobId = jobIds[0]!;
    for (const location of ['Rack\u00071', 'x'.repeat(81)]) {
      const result = await app.graphql(apiKey, SET, { jobId, location });
      expect(result.errors?.[0]?.extensions?.['code'], location).toBe('BAD_REQUEST');
      expect(result.errors?.[0]?.message).toMatch(/^location: /);
    }
    const job = await app.graphql<{ job: { location: string } }>(apiKey, 'query ($id: ID!) { job(id: $id) { location } }', { id: jobId });
    expect(job.data!.job.location).toBe('Cart 7');
  });

  it("cannot touch another shop's job", async () => {
    const result = await app.graphql(otherKey, SET, { jobId: jobIds[0]!, location: 'Stolen' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const job = await app.graphql<{ job: { location: string } }>(apiKey, 'query ($id: ID!) { job(id: $id) { location } }', { id: jobIds[0]! });
    expect(job.data!.job.location).toBe('Cart 7');
  });
});
