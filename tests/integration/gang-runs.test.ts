import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessCardPdf } from '../support/card-pdf.ts';
import { cubeStl } from '../support/design-files.ts';
import { startFileServer } from '../support/file-server.ts';
import { errorCodes, placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'card-shop.myshopify.com';
const MM = 72 / 25.4;
const SRA3 = { kind: 'sheet', width: 320, height: 450 };

const RUN_FIELDS = /* GraphQL */ `
  id label status sheets utilization layoutVersion bleed gutter
  target { kind width height }
  jobs { id stage { key } }
  items { id copies remake width height orderLine { id } job { id } }
  placements { id sheet x y width height rotated copy item { id } orderLine { id } job { id } }
  outputs { id kind sha256 sizeBytes pages layoutVersion }
`;

interface RunView {
  id: string;
  label: string;
  status: string;
  sheets: number;
  utilization: number;
  layoutVersion: number;
  bleed: number;
  gutter: number;
  target: { kind: string; width: number; height: number | null };
  jobs: { id: string; stage: { key: string } }[];
  items: { id: string; copies: number; remake: boolean; width: number; height: number; orderLine: { id: string }; job: { id: string } }[];
  placements: { id: string; sheet: number; x: number; y: number; width: number; height: number; rotated: boolean; copy: number; item: { id: string }; orderLine: { id: string }; job: { id: string } }[];
  outputs: { id: string; kind: string; sha256: string; sizeBytes: number; pages: number; layoutVersion: number }[];
}

interface Production {
  ordered: number;
  made: number;
  spoiled: number;
  remade: number;
  inProduction: number;
  owed: number;
  unplanned: number;
}

describe('gang runs: jobs of many orders on shared sheets, rolls and build plates', () => {
  let app: TestApp;
  let apiKey: string;
  let shopId: string;
  let files: Awaited<ReturnType<typeof startFileServer>>;

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey, shopId } = await app.addShop(DOMAIN));
    const cards: Record<string, Uint8Array> = {};
    for (let i = 0; i < 8; i++) cards[`/cards/card-${i}.pdf`] = await businessCardPdf(i / 10);
    files = await startFileServer({ ...cards, '/parts/cube-20.stl': cubeStl(20), '/parts/cube-30.stl': cubeStl(30) });
    const saved = await app.graphql(apiKey, `mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id gangable } }`, {
      input: { name: 'Business cards', process: 'digital_press', material: '350gsm silk', finishing: 'none', matches: [{ sku: 'BC-1' }], rules: { trimMm: { width: 85, height: 55 } }, gangable: true },
    });
    expect(saved.errors).toBeUndefined();
  });
  afterAll(async () => {
    await app?.close();
    await files?.close();
  });

  /** Places an order of business cards and waits until its job's card passed preflight. */
  const cardOrderOf = (id: string, card: number, quantity: number) => ({
    id,
    name: `#${2000 + Number(id.slice(-3))}`,
    email: 'buyer@example.com',
    createdAt: '2026-11-20T10:00:00Z',
    lines: [{ id: `${id}1`, title: 'Business cards', quantity, sku: 'BC-1', properties: [{ name: 'Artwork', value: files.url(`/cards/card-${card}.pdf`) }] }],
  });

  async function cardOrder(id: string, card: number, quantity: number): Promise<{ jobId: string; lineId: string }> {
    await placeOrder(app, DOMAIN, cardOrderOf(id, card, quantity));
    const [row] = await app.owner<{ jobId: string; lineId: string }[]>`
      select j.id as "jobId", i.order_line_id as "lineId" from jobs j join orders o on o.id = j.order_id join job_items i on i.job_id = j.id
      where o.shop_id = ${shopId} and o.external_id = ${id}`;
    await eventually(async () => {
      const result = await app.graphql<{ job: { preflightStatus: string } }>(apiKey, `query ($id: ID!) { job(id: $id) { preflightStatus } }`, { id: row!.jobId });
      const status = result.data?.job.preflightStatus;
      if (status === 'FAILED' || status === 'WARNINGS') throw new Error(`card ${card} did not pass preflight: ${JSON.stringify(result)}`);
      return status === 'PASSED' ? status : undefined;
    }, 30_000);
    return row!;
  }

  async function createRun(jobIds: string[], extra: Record<string, unknown> = {}): Promise<RunView> {
    const result = await app.graphql<{ createGangRun: RunView }>(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { ${RUN_FIELDS} } }`, {
      input: { jobIds, target: SRA3, gutter: 2, ...extra },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createGangRun;
  }

  async function step(name: 'startGangRun' | 'finishGangRun', runId: string): Promise<RunView> {
    const result = await app.graphql<Record<string, RunView>>(apiKey, `mutation ($id: ID!) { ${name}(id: $id) { ${RUN_FIELDS} } }`, { id: runId });
    expect(result.errors).toBeUndefined();
    return result.data![name]!;
  }

  async function production(lineId: string): Promise<Production> {
    const [row] = await app.owner<{ orderId: string }[]>`select order_id as "orderId" from order_lines where id = ${lineId}`;
    const result = await app.graphql<{ order: { lines: { id: string; production: Production }[] } }>(
      apiKey,
      `query ($id: ID!) { order(id: $id) { lines { id production { ordered made spoiled remade inProduction owed unplanned } } } }`,
      { id: row!.orderId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.order.lines.find((line) => line.id === lineId)!.production;
  }

  async function stagesOf(jobIds: string[]): Promise<string[]> {
    const rows = await app.owner<{ id: string; stage: string }[]>`select id, stage_key as stage from jobs where id in ${app.owner(jobIds)}`;
    return jobIds.map((jobId) => rows.find((row) => row.id === jobId)!.stage);
  }

  it('gangs three orders onto one run whose imposed PDF matches its placements, and finishing it advances all three', async () => {
    const a = await cardOrder('8100000000000000001', 0, 25);
    const b = await cardOrder('8100000000000000002', 1, 15);
    const c = await cardOrder('8100000000000000003', 2, 10);
    const jobIds = [a.jobId, b.jobId, c.jobId];

    const candidates = await app.graphql<{ gangCandidates: { groups: { targetKind: string; process: string; material: string; jobs: { id: string }[] }[] } }>(
      apiKey,
      '{ gangCandidates { groups { targetKind process material jobs { id } } excluded { job { id } reason } } }',
    );
    expect(candidates.errors).toBeUndefined();
    const [group] = candidates.data!.gangCandidates.groups;
    expect(group).toMatchObject({ targetKind: 'sheet', process: 'digital_press', material: '350gsm silk' });
    expect(group!.jobs.map((job) => job.id).sort()).toEqual([...jobIds].sort());

    const run = await createRun(jobIds);
    expect(run.status).toBe('PLANNED');
    expect(run.bleed).toBe(3);
    // 21 cards (3 × 7 with bleed and gutter) fit an SRA3 sheet: 50 cards need 3 sheets.
    expect(run.sheets).toBe(3);
    expect(run.placements).toHaveLength(50);
    const perLine = new Map<string, number>();
    for (const p of run.placements) perLine.set(p.orderLine.id, (perLine.get(p.orderLine.id) ?? 0) + 1);
    expect(Object.fromEntries(perLine)).toEqual({ [a.lineId]: 25, [b.lineId]: 15, [c.lineId]: 10 });
    for (const p of run.placements) {
      expect([p.width, p.height]).toEqual([85, 55]);
      expect(p.x).toBeGreaterThanOrEqual(3);
      expect(p.x + p.width + 3).toBeLessThanOrEqual(320 + 1e-9);
      expect(p.y + p.height + 3).toBeLessThanOrEqual(450 + 1e-9);
    }
    expect(run.jobs.map((job) => job.stage.key)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    const events = await app.owner<{ from: string; to: string; note: string }[]>`select from_stage as from, to_stage as to, note from job_events where job_id = ${a.jobId} and kind = 'transition' order by id`;
    expect(events.map((e) => `${e.from}→${e.to}`)).toEqual(['received→preflight', 'preflight→approved', 'approved→scheduled']);
    expect(events[2]!.note).toContain(run.label);

    // The imposed PDF: one page per sheet, the sheet's size, one embedded card per placement.
    const [output] = run.outputs;
    expect(output).toMatchObject({ kind: 'pdf', pages: 3, layoutVersion: run.layoutVersion });
    const bytes = await app.deps.files.get(output!.sha256);
    expect(bytes?.length).toBe(output!.sizeBytes);
    const pdf = await PDFDocument.load(bytes!);
    expect(pdf.getPageCount()).toBe(3);
    for (const [sheet, page] of pdf.getPages().entries()) {
      expect(page.getWidth()).toBeCloseTo(320 * MM, 3);
      expect(page.getHeight()).toBeCloseTo(450 * MM, 3);
      const content = pageContent(page);
      expect(content.match(/\bDo\b/g)?.length).toBe(run.placements.filter((p) => p.sheet === sheet).length);
      const slug = shownText(content);
      expect(slug).toContain(`${run.label} | sheet ${sheet + 1}/3`);
      for (const order of ["#2001", "#2002", "#2003"]) expect(slug).toContain(order);
    }

    const started = await step('startGangRun', run.id);
    expect(started.status).toBe('RUNNING');
    expect(await stagesOf(jobIds)).toEqual(['in_production', 'in_production', 'in_production']);
    expect(await production(a.lineId)).toMatchObject({ ordered: 25, made: 0, inProduction: 25, owed: 25, unplanned: 0 });

    const finished = await step('finishGangRun', run.id);
    expect(finished.status).toBe('FINISHED');
    expect(await stagesOf(jobIds)).toEqual(['post_processing', 'post_processing', 'post_processing']);
    for (const [line, quantity] of [[a.lineId, 25], [b.lineId, 15], [c.lineId, 10]] as const) {
      expect(await production(line)).toEqual({ ordered: quantity, made: quantity, spoiled: 0, remade: 0, inProduction: 0, owed: 0, unplanned: 0 });
    }

    // Spoiled copies are owed again, and a remake run makes exactly those.
    const spoiled = await app.graphql(apiKey, `mutation ($id: ID!, $line: ID!) { recordGangRunResult(id: $id, spoiled: [{ orderLineId: $line, copies: 4 }], note: "Smudged") { id } }`, { id: run.id, line: a.lineId });
    expect(spoiled.errors).toBeUndefined();
    expect(await production(a.lineId)).toEqual({ ordered: 25, made: 21, spoiled: 4, remade: 0, inProduction: 0, owed: 4, unplanned: 4 });
    const tooMany = await app.graphql(apiKey, `mutation ($id: ID!, $line: ID!) { recordGangRunResult(id: $id, spoiled: [{ orderLineId: $line, copies: 30 }]) { id } }`, { id: run.id, line: b.lineId });
    expect(errorCodes(tooMany)).toEqual(['BAD_REQUEST']);
    expect(await production(b.lineId)).toMatchObject({ made: 15, spoiled: 0 });

    const remake = await createRun([a.jobId]);
    expect(remake.items).toEqual([expect.objectContaining({ copies: 4, remake: true })]);
    expect(remake.placements).toHaveLength(4);
    expect(await production(a.lineId)).toMatchObject({ made: 21, owed: 4, inProduction: 4, unplanned: 0 });
    await step('finishGangRun', remake.id);
    expect(await production(a.lineId)).toEqual({ ordered: 25, made: 25, spoiled: 4, remade: 4, inProduction: 0, owed: 0, unplanned: 0 });
    // The job was already in production and stays where it was.
    expect(await stagesOf([a.jobId])).toEqual(['post_processing']);
    const again = await app.graphql(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { id } }`, { input: { jobIds: [a.jobId], target: SRA3 } });
    expect(errorCodes(again)).toEqual(['BAD_REQUEST']);
    expect(again.errors![0]!.message).toContain('already made');
  });

  it('takes operator edits before the run starts, refusing an overlap or an item off the sheet with BAD_REQUEST', async () => {
    const a = await cardOrder('8100000000000000011', 3, 4);
    const b = await cardOrder('8100000000000000012', 4, 3);
    const run = await createRun([a.jobId, b.jobId]);
    expect(run.sheets).toBe(1);
    const first = run.placements.find((p) => p.orderLine.id === a.lineId)!;
    const second = run.placements.find((p) => p.id !== first.id)!;
    const edit = (changes: unknown[]) => app.graphql<{ updateGangRunPlacements: RunView }>(apiKey, `mutation ($id: ID!, $changes: [PlacementChangeInput!]!) { updateGangRunPlacements(id: $id, changes: $changes) { ${RUN_FIELDS} } }`, { id: run.id, changes });

    const overlap = await edit([{ kind: 'move', placementId: second!.id, x: first!.x + 10, y: first!.y }]);
    expect(errorCodes(overlap)).toEqual(['BAD_REQUEST']);
    expect(overlap.errors![0]!.message).toMatch(/overlap/);
    const offSheet = await edit([{ kind: 'move', placementId: second!.id, x: 300, y: 10 }]);
    expect(errorCodes(offSheet)).toEqual(['BAD_REQUEST']);
    expect(offSheet.errors![0]!.message).toMatch(/leaves the sheet/);
    const unchanged = await app.graphql<{ gangRun: RunView }>(apiKey, `query ($id: ID!) { gangRun(id: $id) { ${RUN_FIELDS} } }`, { id: run.id });
    expect(unchanged.data!.gangRun.layoutVersion).toBe(run.layoutVersion);

    // Remove one copy and put one back at the far corner of the sheet: accepted and re-imposed.
    const far = { x: 320 - 3 - 85, y: 450 - 6 - 3 - 55 };
    const edited = await edit([
      { kind: 'remove', placementId: first!.id },
      { kind: 'add', runItemId: run.items.find((item) => item.orderLine.id === a.lineId)!.id, sheet: 0, ...far },
    ]);
    expect(edited.errors).toBeUndefined();
    const after = edited.data!.updateGangRunPlacements;
    expect(after.layoutVersion).toBe(run.layoutVersion + 1);
    expect(after.placements).toHaveLength(7);
    expect(after.placements.some((p) => p.x === far.x && p.y === far.y && p.orderLine.id === a.lineId)).toBe(true);
    expect(after.outputs).toEqual([expect.objectContaining({ kind: 'pdf', pages: 1, layoutVersion: after.layoutVersion })]);

    // Order b's line leaves the run (its order changed): the rest is re-packed, b's job is free again.
    const removed = await app.graphql<{ removeOrderLineFromGangRun: RunView }>(apiKey, `mutation ($id: ID!, $line: ID!) { removeOrderLineFromGangRun(id: $id, orderLineId: $line) { ${RUN_FIELDS} } }`, { id: run.id, line: b.lineId });
    expect(removed.errors).toBeUndefined();
    const rest = removed.data!.removeOrderLineFromGangRun;
    expect(rest.placements.map((p) => p.orderLine.id)).toEqual(Array(4).fill(a.lineId));
    expect(rest.jobs.map((job) => job.id)).toEqual([a.jobId]);
    expect(await production(b.lineId)).toMatchObject({ inProduction: 0, owed: 3, unplanned: 3 });

    await step('startGangRun', run.id);
    const late = await edit([{ kind: 'remove', placementId: rest.placements[0]!.id }]);
    expect(errorCodes(late)).toEqual(['CONFLICT']);
  });

  it('takes a cancelled order out of a planned run, leaving its place empty, and imposes the new layout', async () => {
    const a = await cardOrder('8100000000000000031', 6, 3);
    const b = await cardOrder('8100000000000000032', 7, 2);
    const run = await createRun([a.jobId, b.jobId]);
    expect(run.placements).toHaveLength(5);
    const kept = run.placements.filter((p) => p.orderLine.id === a.lineId);

    await placeOrder(app, DOMAIN, { ...cardOrderOf('8100000000000000032', 7, 2), financialStatus: 'refunded', cancelledAt: '2026-11-20T12:00:00Z', updatedAt: '2026-11-20T12:00:00Z' }, { topic: 'orders/cancelled', webhookId: 'cancel-032' });
    expect(await stagesOf([b.jobId])).toEqual(['cancelled']);
    const after = (await app.graphql<{ gangRun: RunView }>(apiKey, `query ($id: ID!) { gangRun(id: $id) { ${RUN_FIELDS} } }`, { id: run.id })).data!.gangRun;
    expect(after.status).toBe('PLANNED');
    expect(after.jobs.map((job) => job.id)).toEqual([a.jobId]);
    const withoutId = ({ id: _id, ...rest }: RunView['placements'][number]) => rest;
    expect(after.placements.map(withoutId)).toEqual(kept.map(withoutId));
    expect(after.layoutVersion).toBe(run.layoutVersion + 1);
    // The old sheet still showed the cancelled cards: it is no longer the run's output.
    expect(after.outputs).toEqual([]);
    const imposed = await app.graphql<{ imposeGangRun: RunView }>(apiKey, `mutation ($id: ID!) { imposeGangRun(id: $id) { ${RUN_FIELDS} } }`, { id: run.id });
    expect(imposed.errors).toBeUndefined();
    const [output] = imposed.data!.imposeGangRun.outputs;
    expect(output).toMatchObject({ kind: 'pdf', pages: 1, layoutVersion: after.layoutVersion });
    const pdf = await PDFDocument.load((await app.deps.files.get(output!.sha256))!);
    expect(pageContent(pdf.getPage(0)).match(/\bDo\b/g)).toHaveLength(3);
    expect(shownText(pageContent(pdf.getPage(0)))).not.toContain('#2032');
    expect(await production(b.lineId)).toMatchObject({ inProduction: 0, made: 0 });
  });

  it('gangs 3D parts of two orders onto one build plate with a plate layout JSON, footprints measured by preflight', async () => {
    const profile = await app.graphql(apiKey, `mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id } }`, {
      input: { name: 'Figurines (FDM)', process: 'fdm', material: 'PLA', matches: [{ sku: 'FIG-G' }], gangable: true },
    });
    expect(profile.errors).toBeUndefined();
    const jobIds: string[] = [];
    for (const [id, path, quantity] of [['8100000000000000041', '/parts/cube-20.stl', 3], ['8100000000000000042', '/parts/cube-30.stl', 2]] as const) {
      await placeOrder(app, DOMAIN, { id, name: `#${2000 + Number(id.slice(-3))}`, email: 'maker@example.com', lines: [{ id: `${id}1`, title: 'Figurine', quantity, sku: 'FIG-G', properties: [{ name: 'Model', value: files.url(path) }] }] });
      const [row] = await app.owner<{ id: string }[]>`select j.id from jobs j join orders o on o.id = j.order_id where o.shop_id = ${shopId} and o.external_id = ${id}`;
      await eventually(async () => {
        const result = await app.graphql<{ job: { preflightStatus: string } }>(apiKey, `query ($id: ID!) { job(id: $id) { preflightStatus } }`, { id: row!.id });
        return result.data?.job.preflightStatus === 'PASSED' ? true : undefined;
      }, 30_000);
      jobIds.push(row!.id);
    }
    const created = await app.graphql<{ createGangRun: RunView }>(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { ${RUN_FIELDS} } }`, {
      input: { jobIds, target: { kind: 'plate', width: 256, height: 256 }, gutter: 5 },
    });
    expect(created.errors).toBeUndefined();
    const run = created.data!.createGangRun;
    expect(run).toMatchObject({ sheets: 1, bleed: 0, gutter: 5 });
    expect(run.items.map((item) => [item.width, item.height, item.copies]).sort()).toEqual([[20, 20, 3], [30, 30, 2]]);
    const [output] = run.outputs;
    expect(output).toMatchObject({ kind: 'json', pages: 1 });
    const layout = JSON.parse(new TextDecoder().decode((await app.deps.files.get(output!.sha256))!)) as { plate: unknown; plates: { parts: { fileId: string; width: number }[] }[] };
    expect(layout.plate).toEqual({ width: 256, depth: 256 });
    expect(layout.plates).toHaveLength(1);
    expect(layout.plates[0]!.parts).toHaveLength(5);
    expect(new Set(layout.plates[0]!.parts.map((part) => part.fileId)).size).toBe(2);
  });

  it('gangs labels onto a roll: one imposed page as long as the roll plus the slug strip', async () => {
    const profile = await app.graphql(apiKey, `mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id } }`, {
      input: { name: 'Labels', process: 'label_roll', material: 'white PP', matches: [{ sku: 'LBL-1' }], rules: { trimMm: { width: 85, height: 55 } }, gangable: true },
    });
    expect(profile.errors).toBeUndefined();
    const jobIds: string[] = [];
    for (const [id, card, quantity] of [['8100000000000000051', 0, 6], ['8100000000000000052', 1, 5]] as const) {
      await placeOrder(app, DOMAIN, { ...cardOrderOf(id, card, quantity), lines: [{ id: `${id}1`, title: 'Labels', quantity, sku: 'LBL-1', properties: [{ name: 'Artwork', value: files.url(`/cards/card-${card}.pdf`) }] }] });
      const [row] = await app.owner<{ id: string }[]>`select j.id from jobs j join orders o on o.id = j.order_id where o.shop_id = ${shopId} and o.external_id = ${id}`;
      await eventually(async () => {
        const result = await app.graphql<{ job: { preflightStatus: string } }>(apiKey, `query ($id: ID!) { job(id: $id) { preflightStatus } }`, { id: row!.id });
        return result.data?.job.preflightStatus === 'PASSED' ? true : undefined;
      }, 30_000);
      jobIds.push(row!.id);
    }
    const created = await app.graphql<{ createGangRun: RunView & { rollLength: number } }>(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { rollLength ${RUN_FIELDS} } }`, {
      input: { jobIds, target: { kind: 'roll', width: 200 }, gutter: 2, bleed: 1.5 },
    });
    expect(created.errors).toBeUndefined();
    const run = created.data!.createGangRun;
    expect(run.placements).toHaveLength(11);
    expect(run.target).toEqual({ kind: 'roll', width: 200, height: null });
    // Two labels across (2 × (85 + 3) + 2 ≤ 200), so at least six rows of 58 mm.
    expect(run.rollLength).toBeGreaterThanOrEqual(6 * 58);
    const [output] = run.outputs;
    const pdf = await PDFDocument.load((await app.deps.files.get(output!.sha256))!);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getWidth()).toBeCloseTo(200 * MM, 3);
    expect(pdf.getPage(0).getHeight()).toBeCloseTo((run.rollLength + 6) * MM, 3);
    expect(pageContent(pdf.getPage(0)).match(/\bDo\b/g)).toHaveLength(11);
  });

  it('keeps per-shop gang rules and refuses runs that cannot be made, saying why', async () => {
    const saved = await app.graphql<{ saveGangRules: Record<string, unknown> }>(apiKey, `mutation { saveGangRules(input: { windowDays: 2, rush: "exclude" }) { windowDays rush rushTag plannedStage } }`);
    expect(saved.data?.saveGangRules).toEqual({ windowDays: 2, rush: 'exclude', rushTag: 'rush', plannedStage: 'scheduled' });
    const bad = await app.graphql(apiKey, `mutation { saveGangRules(input: { windowDays: -1, plannedStage: "printing" }) { windowDays } }`);
    expect(errorCodes(bad)).toEqual(['BAD_REQUEST']);
    expect(bad.errors![0]!.message).toContain('windowDays');
    expect(bad.errors![0]!.message).toContain('no stage "printing"');
    expect((await app.graphql<{ gangRules: { windowDays: number } }>(apiKey, '{ gangRules { windowDays } }')).data!.gangRules.windowDays).toBe(2);

    const a = await cardOrder('8100000000000000021', 5, 2);
    const onRoll = await app.graphql(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { id } }`, { input: { jobIds: [a.jobId], target: { kind: 'roll', width: 330 } } });
    expect(errorCodes(onRoll)).toEqual(['BAD_REQUEST']);
    expect(onRoll.errors![0]!.message).toContain('onto a sheet');
    const tiny = await app.graphql(apiKey, `mutation ($input: CreateGangRunInput!) { createGangRun(input: $input) { id } }`, { input: { jobIds: [a.jobId], target: { kind: 'sheet', width: 60, height: 200 } } });
    expect(errorCodes(tiny)).toEqual(['BAD_REQUEST']);
    expect(tiny.errors![0]!.message).toContain('too large');
    const [count] = await app.owner<{ n: number }[]>`select count(*)::int as n from gang_run_jobs where job_id = ${a.jobId}`;
    expect(count!.n).toBe(0);
    expect(await stagesOf([a.jobId])).toEqual(['received']);
  });

  /** The text a content stream shows (pdf-lib writes it as hex strings). */
  function shownText(content: string): string {
    return [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join('\n');
  }

  function pageContent(page: PDFPage): string {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
    return streams.map((stream) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : '')).join('\n');
  }
});
