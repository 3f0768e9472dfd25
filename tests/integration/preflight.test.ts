import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeStl } from '../support/design-files.ts';
import { startFileServer } from '../support/file-server.ts';
import { errorCodes, placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'layer-farm.myshopify.com';

const SAVE_PROFILE = /* GraphQL */ `
  mutation ($input: ProductionProfileInput!) {
    saveProductionProfile(input: $input) { id name process rules overrides matches { sku } }
  }
`;

const JOB_FILES = /* GraphQL */ `
  query ($id: ID!) {
    job(id: $id) {
      id stage { key } preflightStatus nextStages { key }
      files {
        id name kind source status failure thumbnail
        preflight { status errors { code severity message fix } warnings { code message } accepted { code } infos { code } facts profile { name } }
      }
      events { kind actor note }
    }
  }
`;

const TRANSITION = /* GraphQL */ `
  mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { stage { key } } }
`;

interface FileView {
  id: string;
  name: string;
  kind: string | null;
  source: string;
  status: string;
  failure: string | null;
  thumbnail: string | null;
  preflight: {
    status: string;
    errors: { code: string; severity: string; message: string; fix: string | null }[];
    warnings: { code: string; message: string }[];
    accepted: { code: string }[];
    infos: { code: string }[];
    facts: Record<string, unknown> | null;
    profile: { name: string } | null;
  };
}

interface JobView {
  id: string;
  stage: { key: string };
  preflightStatus: string;
  nextStages: { key: string }[];
  files: FileView[];
  events: { kind: string; actor: string; note: string | null }[];
}

describe('preflight of every file a job carries', () => {
  let app: TestApp;
  let apiKey: string;
  let shopId: string;
  let files: Awaited<ReturnType<typeof startFileServer>>;

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey, shopId } = await app.addShop(DOMAIN));
    files = await startFileServer({
      '/uploads/open-box.stl': cubeStl(20, { openFace: true }),
      '/uploads/tiny.stl': cubeStl(1),
      '/uploads/big.stl': cubeStl(150),
    });
    const saved = await app.graphql<{ saveProductionProfile: { rules: { process: string; requireWatertight: boolean; buildVolumeMm: unknown } } }>(apiKey, SAVE_PROFILE, {
      input: { name: 'Figurine (FDM)', process: 'fdm', matches: [{ sku: 'FIG-1' }], rules: { buildVolumeMm: { x: 100, y: 100, z: 100 } } },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveProductionProfile.rules).toMatchObject({ process: 'fdm', requireWatertight: true, buildVolumeMm: { x: 100, y: 100, z: 100 } });
  });
  afterAll(async () => {
    await app?.close();
    await files?.close();
  });

  async function orderWithFile(id: string, path: string): Promise<string> {
    await placeOrder(app, DOMAIN, {
      id,
      name: `#${1000 + Number(id.slice(-4))}`,
      email: 'maker@example.com',
      lines: [{ id: `${id}1`, title: 'Figurine', quantity: 1, sku: 'FIG-1', properties: [{ name: 'Model file', value: files.url(path) }, { name: 'Colour', value: 'Red' }] }],
    });
    const [job] = await app.owner<{ id: string }[]>`select j.id from jobs j join orders o on o.id = j.order_id where o.shop_id = ${shopId} and o.external_id = ${id}`;
    return job!.id;
  }

  async function jobView(jobId: string): Promise<JobView> {
    const result = await app.graphql<{ job: JobView }>(apiKey, JOB_FILES, { id: jobId });
    expect(result.errors).toBeUndefined();
    return result.data!.job;
  }

  const checked = (jobId: string, until: (job: JobView) => boolean = (job) => job.files.length > 0 && job.files.every((file) => file.preflight.status !== 'PENDING')) =>
    eventually(async () => {
      const job = await jobView(jobId);
      return until(job) ? job : undefined;
    }, 30_000);

  async function move(jobId: string, to: string) {
    return app.graphql<{ transitionJob: { stage: { key: string } } }>(apiKey, TRANSITION, { id: jobId, to });
  }

  it('fetches a linked model, finds the hole, and keeps the job out of production until a fixed file passes', async () => {
    const jobId = await orderWithFile('7100000000000000001', '/uploads/open-box.stl');
    expect((await move(jobId, 'preflight')).errors).toBeUndefined();

    const failed = await checked(jobId);
    expect(failed.preflightStatus).toBe('FAILED');
    const [file] = failed.files;
    expect(file).toMatchObject({ name: 'open-box.stl', kind: 'stl', source: 'storefront', status: 'stored' });
    expect(file!.preflight.status).toBe('FAILED');
    expect(file!.preflight.profile).toEqual({ name: 'Figurine (FDM)' });
    expect(file!.preflight.errors.map((e) => e.code)).toEqual(['mesh.not_watertight']);
    expect(file!.preflight.errors[0]!.message).toContain('4 open edges');
    expect(file!.preflight.errors[0]!.fix).toBeTruthy();
    // A shaded preview for the operator's card and the customer's status page.
    expect(file!.thumbnail).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(file!.preflight.facts).toMatchObject({ triangles: 10, watertight: false, openEdges: 4, boundingBoxMm: { size: { x: 20, y: 20, z: 20 } } });
    expect(failed.nextStages.map((s) => s.key)).not.toContain('approved');
    const refused = await move(jobId, 'approved');
    expect(errorCodes(refused)).toEqual(['ILLEGAL_TRANSITION']);
    expect(refused.errors![0]!.message).toContain('preflight found 1 error');
    expect(failed.events.map((e) => e.kind)).toContain('preflight_checked');

    // The operator replaces the customer's file with a repaired one.
    const upload = await uploadFile(jobId, 'repaired-box.stl', cubeStl(20), file!.id);
    expect(upload.errors).toBeUndefined();
    const passed = await checked(jobId, (job) => job.files.length === 1 && job.files[0]!.name === 'repaired-box.stl' && job.files[0]!.preflight.status !== 'PENDING');
    expect(passed.files[0]!.preflight).toMatchObject({ status: 'PASSED', errors: [] });
    expect(passed.files[0]!.preflight.facts).toMatchObject({ watertight: true, volumeMm3: 8000 });
    expect(passed.preflightStatus).toBe('PASSED');
    expect(passed.events.map((e) => e.kind)).toContain('file_replaced');
    expect((await move(jobId, 'approved')).data?.transitionJob.stage.key).toBe('approved');
    // The file was downloaded once, however often it was looked at.
    expect(files.requests.get('/uploads/open-box.stl')).toBe(1);
  });

  it('lets an operator accept a warning (audited) but never an error', async () => {
    const jobId = await orderWithFile('7100000000000000002', '/uploads/tiny.stl');
    const warned = await checked(jobId);
    expect(warned.preflightStatus).toBe('WARNINGS');
    const file = warned.files[0]!;
    expect(file.preflight.warnings.map((w) => w.code)).toEqual(['mesh.suspiciously_small']);

    const accepted = await app.graphql<{ acceptPreflightWarning: FileView }>(
      apiKey,
      `mutation ($jobId: ID!, $fileId: ID!) { acceptPreflightWarning(jobId: $jobId, fileId: $fileId, code: "mesh.suspiciously_small", note: "Customer wants a 1 mm charm") { preflight { status warnings { code } accepted { code } } } }`,
      { jobId, fileId: file.id },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptPreflightWarning.preflight).toEqual({ status: 'PASSED', warnings: [], accepted: [{ code: 'mesh.suspiciously_small' }] });
    const after = await jobView(jobId);
    expect(after.preflightStatus).toBe('PASSED');
    expect(after.events.find((e) => e.kind === 'warning_accepted')).toMatchObject({ note: 'mesh.suspiciously_small: Customer wants a 1 mm charm' });

    const big = await orderWithFile('7100000000000000003', '/uploads/big.stl');
    const failing = (await checked(big)).files[0]!;
    expect(failing.preflight.errors.map((e) => e.code)).toEqual(['mesh.exceeds_build_volume']);
    const refused = await app.graphql(apiKey, `mutation ($jobId: ID!, $fileId: ID!) { acceptPreflightWarning(jobId: $jobId, fileId: $fileId, code: "mesh.exceeds_build_volume") { id } }`, { jobId: big, fileId: failing.id });
    expect(errorCodes(refused)).toEqual(['BAD_REQUEST']);
    expect(refused.errors![0]!.message).toContain('cannot be accepted');
  });

  it('checks the files again under the new rules when the profile changes', async () => {
    const jobId = await orderWithFile('7100000000000000004', '/uploads/big.stl');
    const before = await checked(jobId);
    expect(before.files[0]!.preflight.errors.map((e) => e.code)).toEqual(['mesh.exceeds_build_volume']);
    const [profile] = (await app.graphql<{ productionProfiles: { id: string }[] }>(apiKey, '{ productionProfiles { id } }')).data!.productionProfiles;
    const saved = await app.graphql(apiKey, SAVE_PROFILE, {
      input: { id: profile!.id, name: 'Figurine (FDM)', process: 'fdm', matches: [{ sku: 'FIG-1' }], rules: { buildVolumeMm: { x: 300, y: 300, z: 300 } } },
    });
    expect(saved.errors).toBeUndefined();
    const after = await checked(jobId, (job) => job.files[0]!.preflight.status === 'PASSED');
    expect(after.files[0]!.preflight.errors).toEqual([]);
  });

  it('refuses a profile with bad rules, naming each field, and stores nothing', async () => {
    const result = await app.graphql(apiKey, SAVE_PROFILE, {
      input: { name: 'Broken', process: 'fdm', matches: [{ sku: 'X' }], rules: { minPpi: -3, buildVolumeMm: { x: 0 } } },
    });
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
    expect(result.errors![0]!.message).toMatch(/rules\.minPpi/);
    expect(result.errors![0]!.message).toMatch(/rules\.buildVolumeMm/);
    const [count] = await app.owner<{ n: number }[]>`select count(*)::int as n from production_profiles where shop_id = ${shopId} and name = 'Broken'`;
    expect(count!.n).toBe(0);
  });

  it('reports a dead link as an error on the file and keeps the job out of production', async () => {
    const jobId = await orderWithFile('7100000000000000005', '/uploads/missing.stl');
    const job = await checked(jobId);
    expect(job.files[0]).toMatchObject({ status: 'unavailable', failure: 'The link answered HTTP 404.' });
    expect(job.files[0]!.preflight.errors.map((e) => e.code)).toEqual(['file.unavailable']);
    expect(job.preflightStatus).toBe('FAILED');
  });

  it('keeps an uploaded file\'s name as the operator gave it, quotes and all', async () => {
    const jobId = await orderWithFile('7100000000000000009', '/uploads/tiny.stl');
    await checked(jobId);
    const upload = await uploadFile(jobId, 'The "final" box.stl', cubeStl(20));
    expect(upload.errors).toBeUndefined();
    const job = await checked(jobId, (view) => view.files.length === 2 && view.files.every((file) => file.preflight.status !== 'PENDING'));
    expect(job.files.map((file) => file.name)).toContain('The "final" box.stl');
  });

  function uploadFile(jobId: string, name: string, bytes: Uint8Array, replaces?: string) {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation ($jobId: ID!, $file: File!, $replaces: ID) { uploadJobFile(jobId: $jobId, file: $file, replaces: $replaces) { id name preflight { status } } }',
        variables: { jobId, file: null, replaces: replaces ?? null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob([Buffer.from(bytes)]), name);
    return fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body: form }).then(
      async (response) => (await response.json()) as { data?: unknown; errors?: { message: string }[] },
    );
  }
});
