import { listProductionProfiles, loadMachineRows, saveMachine, saveProductionProfile, saveSetupMatrix, setProfileScheduling, type CoreDeps } from '@pressline/core';
import { withShop } from '@pressline/db';

/** Weekdays 07:00–19:00 UTC: the presses and the laser are staffed; the FDM printers run around the clock. */
const WEEKDAY_SHIFT = { utcOffsetMinutes: 0, shifts: [{ days: [0, 1, 2, 3, 4], from: '07:00', to: '19:00' }] };

const DEMO_MACHINES = [
  { name: 'Digital press 1', processes: ['digital_press'], maxSizeMm: { width: 330, height: 488 }, calendar: WEEKDAY_SHIFT },
  { name: 'Digital press 2', processes: ['digital_press'], maxSizeMm: { width: 330, height: 488 }, calendar: WEEKDAY_SHIFT },
  { name: 'Large-format printer', processes: ['large_format'], maxSizeMm: { width: 1600, height: 50_000 }, calendar: WEEKDAY_SHIFT },
  { name: 'FDM printer 1', processes: ['fdm'], materials: ['PLA', 'PETG'], maxSizeMm: { x: 256, y: 256, z: 256 } },
  { name: 'FDM printer 2', processes: ['fdm'], materials: ['PLA'], maxSizeMm: { x: 220, y: 220, z: 250 } },
  { name: 'Laser cutter', processes: ['laser'], maxSizeMm: { width: 600, height: 400 }, calendar: WEEKDAY_SHIFT },
];

/** Time models for the demo products (see demo-orders.ts). The roll labels have no machine in the demo shop: they show as unscheduled, with the reason. */
const DEMO_PROFILES = [
  { name: 'Business cards', process: 'digital_press', material: '350gsm', sku: 'BC-350-M', timeModel: { setupMinutes: 15, minutesPerUnit: 0.05 }, setupFamily: 'heavy-stock' },
  { name: 'Posters', process: 'large_format', material: 'Satin', sku: 'POS-A2-S', timeModel: { setupMinutes: 10, minutesPerUnit: 4 }, setupFamily: 'satin' },
  { name: 'Roll labels', process: 'label_roll', material: 'Gloss', sku: 'LBL-50R-G', timeModel: { setupMinutes: 30, minutesPerUnit: 0.02 }, setupFamily: null },
  { name: 'FDM prints', process: 'fdm', material: 'PLA', sku: 'FDM-STAND-BK', timeModel: { setupMinutes: 5, minutesPerUnit: 95 }, setupFamily: 'pla-black' },
  { name: 'Laser-cut ply', process: 'laser', material: null, sku: 'LSR-COAST-B', timeModel: { setupMinutes: 10, minutesPerUnit: 6 }, setupFamily: 'birch' },
  { name: 'Engraving', process: 'laser', material: null, sku: 'JWL-PEND-S', timeModel: { setupMinutes: 10, minutesPerUnit: 15 }, setupFamily: 'metal' },
];

/** Changeover minutes between the demo's setup families (the laser's lens and bed, the press's paper path). */
const DEMO_SETUP_MATRIX = { metal: { birch: 15 }, birch: { metal: 15 }, 'heavy-stock': { satin: 20 } };

/** Seeds the demo shop's machines, changeovers and production profiles with time models; what exists already is kept. */
export async function seedDemoShopFloor(deps: CoreDeps, shopId: string): Promise<void> {
  const [machines, profiles] = await withShop(deps.db, shopId, async (tx) => [await loadMachineRows(tx, shopId), await listProductionProfiles(tx, shopId)] as const);
  for (const machine of DEMO_MACHINES) {
    if (!machines.some((row) => row.name === machine.name)) await saveMachine(deps, { shopId, fields: machine });
  }
  if (machines.length === 0) await saveSetupMatrix(deps, { shopId, matrix: DEMO_SETUP_MATRIX });
  for (const profile of DEMO_PROFILES) {
    if (profiles.some((row) => row.name === profile.name)) continue;
    const saved = await saveProductionProfile(deps, { shopId, name: profile.name, process: profile.process, material: profile.material, matches: [{ sku: profile.sku }] });
    await setProfileScheduling(deps, { shopId, profileId: saved.id, timeModel: profile.timeModel, setupFamily: profile.setupFamily });
  }
}

/**
 * Moves the demo's new jobs that carry no design file on to `scheduled` through the
 * API, so the demo shows machine queues and ETAs at once (jobs with files wait for
 * their preflight). Jobs moved on an earlier run are left where they are.
 */
export async function scheduleDemoJobs(options: { baseUrl: string; apiKey: string }): Promise<number> {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(new URL('/graphql', options.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!body.data || body.errors) throw new Error(`demo scheduling failed: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
    return body.data;
  };
  const fresh = await call<{ jobs: { nodes: { id: string; files: unknown[] }[] } }>('{ jobs(first: 100, filter: { stage: "received" }) { nodes { id files { id } } } }');
  const ready = fresh.jobs.nodes.filter((job) => job.files.length === 0);
  for (const job of ready) {
    for (const to of ['preflight', 'approved', 'scheduled']) await call('mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { id } }', { id: job.id, to });
  }
  return ready.length;
}
