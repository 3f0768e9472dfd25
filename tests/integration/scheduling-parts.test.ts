import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeStl } from '../support/design-files.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const JOB = 'query ($id: ID!) { job(id: $id) { machine { name } unscheduled { reason detail } preflightStatus } }';

describe('3D parts on printers', () => {
  let app: TestApp;
  let apiKey: string;
  let jobId: string;
  const gql = async <T>(query: string, variables?: Record<string, unknown>) => {
    const result = await app.graphql<T>(apiKey, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const job = () => gql<{ job: { machine: { name: string } | null; unscheduled: { reason: string; detail: string } | null; preflightStatus: string } }>(JOB, { id: jobId }).then((data) => data.job);
  const upload = async (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'mutation ($jobId: ID!, $file: File!) { uploadJobFile(jobId: $jobId, file: $file) { id } }', variables: { jobId, file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([Buffer.from(bytes)]), name);
    const response = await fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body: form });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  };
  const machineIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey } = await app.addShop('print-farm.myshopify.com'));
    const profile = await gql<{ saveProductionProfile: { id: string } }>('mutation { saveProductionProfile(input: { name: "Figures", process: "fdm", matches: [{ sku: "FIG" }] }) { id } }');
    await gql('mutation ($id: ID!) { setProfileScheduling(profileId: $id, input: { timeModel: { setupMinutes: 5, minutesPerUnit: 60 } }) { id } }', { id: profile.saveProductionProfile.id });
    for (const [name, side] of [['Mini', 200], ['Maxi', 300]] as const) {
      const saved = await gql<{ saveMachine: { id: string } }>('mutation ($input: MachineInput!) { saveMachine(input: $input) { id } }', { input: { name, processes: ['fdm'], maxSizeMm: { x: side, y: side, z: side } } });
      machineIds[name] = saved.saveMachine.id;
    }
    const order = await gql<{ createManualOrder: { jobs: { id: string }[] } }>('mutation { createManualOrder(input: { customerName: "Farm Fay", items: [{ title: "Bust", sku: "FIG", quantity: 1 }] }) { jobs { id } } }');
    jobId = order.createManualOrder.jobs[0]!.id;
  }, 60_000);
  afterAll(() => app?.close());

  it("plans a job on a printer its part fits, and on none when no printer up can hold it", async () => {
    await upload(cubeStl(230), 'bust.stl');
    await eventually(async () => ((await job()).preflightStatus === 'PENDING' ? undefined : true), 30_000);
    for (const to of ['preflight', 'approved', 'scheduled']) await gql('mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }', { id: jobId, to });
    // 230 mm: the 200 mm printer cannot take it.
    await eventually(async () => ((await job()).machine?.name === 'Maxi' ? true : undefined), 20_000);

    await gql('mutation ($id: ID!) { setMachineState(id: $id, state: DOWN, reason: "nozzle") { id } }', { id: machineIds['Maxi'] });
    const set = await eventually(async () => {
      const now = await job();
      return now.unscheduled ? now : undefined;
    }, 20_000);
    // The 200 mm printer is up, but only the one that is down holds the part.
    expect(set.machine).toBeNull();
    expect(set.unscheduled).toEqual({ reason: 'no-machine-up', detail: `every compatible machine is down (${machineIds['Maxi']})` });
  });
});
