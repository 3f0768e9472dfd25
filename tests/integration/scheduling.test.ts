import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, jobsOf, placeOrder } from '../support/orders.ts';
import { eventually, startTestApp, type TestApp } from '../support/test-app.ts';

const DOMAIN = 'night-shift-press.myshopify.com';

const SAVE_PROFILE = /* GraphQL */ `
  mutation ($input: ProductionProfileInput!) { saveProductionProfile(input: $input) { id } }
`;
const PROFILE_SCHEDULING = /* GraphQL */ `
  mutation ($id: ID!, $input: ProfileSchedulingInput!) { setProfileScheduling(profileId: $id, input: $input) { id timeModel setupFamily } }
`;
const SAVE_MACHINE = /* GraphQL */ `
  mutation ($input: MachineInput!) { saveMachine(input: $input) { id name processes state calendar } }
`;
const SET_STATE = /* GraphQL */ `
  mutation ($id: ID!, $state: MachineState!, $reason: String) { setMachineState(id: $id, state: $state, reason: $reason) { id state stateReason } }
`;
const TRANSITION = /* GraphQL */ `
  mutation ($id: ID!, $to: String!) { transitionJob(id: $id, to: $to) { stage { key } } }
`;
const PLAN = /* GraphQL */ `
  query {
    jobs(first: 50) { nodes { id number stage { key } plannedStart plannedEnd eta durationMinutes durationSource machine { id name } pinnedMachine { id } unscheduled { reason detail } order { id name eta } } }
    unscheduledJobs { job { number } reason detail }
  }
`;
const QUEUE = /* GraphQL */ `
  query ($id: ID!) { machine(id: $id) { name queue { job { number } plannedStart plannedEnd setupMinutes running } } }
`;

interface PlannedJobView {
  id: string;
  number: string;
  stage: { key: string };
  plannedStart: string | null;
  plannedEnd: string | null;
  eta: string | null;
  durationMinutes: number | null;
  durationSource: string | null;
  machine: { id: string; name: string } | null;
  pinnedMachine: { id: string } | null;
  unscheduled: { reason: string; detail: string } | null;
  order: { id: string; name: string; eta: string | null };
}
interface PlanView {
  jobs: { nodes: PlannedJobView[] };
  unscheduledJobs: { job: { number: string }; reason: string; detail: string }[];
}

const line = (id: string, sku: string, quantity: number) => ({ id, title: sku, quantity, sku });

describe('the live schedule: machines, planned times, ETAs and operator overrides', () => {
  let app: TestApp;
  let apiKey: string;
  let shopId: string;
  const machines: Record<string, string> = {};

  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const result = await app.graphql<T>(apiKey, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const plan = () => gql<PlanView>(PLAN);
  const jobsOnMachines = (view: PlanView) => view.jobs.nodes.filter((job) => job.stage.key === 'scheduled');
  /** Waits until the re-plan queued by the last change has run (no waiting plan-shop job, and `check` holds). */
  const planned = (check: (view: PlanView) => boolean) =>
    eventually(async () => {
      const waiting = await app.owner<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = 'plan-shop' and state in ('created', 'retry', 'active')`;
      if (waiting[0]!.n > 0) return undefined;
      const view = await plan();
      return check(view) ? view : undefined;
    }, 20_000);

  beforeAll(async () => {
    app = await startTestApp();
    ({ apiKey, shopId } = await app.addShop(DOMAIN));
    const profiles = [
      { name: 'Business cards', process: 'digital_press', sku: 'CARDS', timeModel: { setupMinutes: 10, minutesPerUnit: 0.2 }, setupFamily: 'coated' },
      { name: 'Figurine', process: 'fdm', sku: 'FIG', timeModel: { setupMinutes: 5, minutesPerUnit: 90 }, setupFamily: null },
      { name: 'Engraved sign', process: 'cnc', sku: 'SIGN', timeModel: null, setupFamily: null },
    ];
    for (const profile of profiles) {
      const saved = await gql<{ saveProductionProfile: { id: string } }>(SAVE_PROFILE, { input: { name: profile.name, process: profile.process, matches: [{ sku: profile.sku }] } });
      await gql(PROFILE_SCHEDULING, { id: saved.saveProductionProfile.id, input: { timeModel: profile.timeModel, setupFamily: profile.setupFamily } });
    }
    const weekdays = { utcOffsetMinutes: 0, shifts: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '00:00' }] };
    for (const machine of [
      { name: 'Press A', processes: ['digital_press'], maxSizeMm: { width: 330, height: 488 } },
      { name: 'Press B', processes: ['digital_press'], calendar: weekdays },
      { name: 'FDM 1', processes: ['fdm'], maxSizeMm: { x: 250, y: 210, z: 220 } },
    ]) {
      const saved = await gql<{ saveMachine: { id: string; name: string } }>(SAVE_MACHINE, { input: machine });
      machines[saved.saveMachine.name] = saved.saveMachine.id;
    }

    await placeOrder(app, DOMAIN, { id: '7700000000000000001', name: '#5001', email: 'a@example.com', lines: [line('7710000000000000001', 'CARDS', 500)] });
    await placeOrder(app, DOMAIN, { id: '7700000000000000002', name: '#5002', email: 'b@example.com', lines: [line('7710000000000000002', 'CARDS', 1000)] });
    await placeOrder(app, DOMAIN, {
      id: '7700000000000000003',
      name: '#5003',
      email: 'c@example.com',
      lines: [line('7710000000000000003', 'FIG', 2), line('7710000000000000005', 'CARDS', 250)],
    });
    await placeOrder(app, DOMAIN, { id: '7700000000000000004', name: '#5004', email: 'd@example.com', lines: [line('7710000000000000004', 'SIGN', 1)] });
    for (const job of await jobsOf(app, shopId)) {
      for (const to of ['preflight', 'approved', 'scheduled']) await gql(TRANSITION, { id: job.id, to });
    }
  }, 60_000);
  afterAll(() => app?.close());

  it('refuses a machine with bad input, naming the field', async () => {
    const result = await app.graphql(apiKey, SAVE_MACHINE, { input: { name: 'Offset', processes: ['offset_litho'], timeFactor: -1, calendar: { shifts: [{ days: [9], from: '8am', to: '16:00' }] } } });
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
    const message = result.errors![0]!.message;
    expect(message).toContain('processes.0');
    expect(message).toContain('timeFactor');
    expect(message).toContain('calendar.shifts.0.days.0');
    expect(message).toContain('calendar.shifts.0.from');
  });

  it('plans every scheduled job on a compatible machine, with planned times and order ETAs', async () => {
    const view = await planned((v) => jobsOnMachines(v).filter((job) => job.plannedEnd || job.unscheduled).length === 5);
    const byMachine = (name: string) => jobsOnMachines(view).filter((job) => job.machine?.name === name);
    const cards = jobsOnMachines(view).filter((job) => job.durationMinutes !== null && job.machine?.name.startsWith('Press'));
    expect(cards).toHaveLength(3);
    // 10 + 0.2 × 500
    expect(cards.find((job) => job.order.name === '#5001')!.durationMinutes).toBe(110);
    expect(byMachine('FDM 1').map((job) => job.order.name)).toEqual(['#5003']);
    expect(byMachine('Press A').length + byMachine('Press B').length).toBe(3);
    // Two identical presses share the card jobs.
    expect(byMachine('Press A').length).toBeGreaterThan(0);
    expect(byMachine('Press B').length).toBeGreaterThan(0);
    for (const job of jobsOnMachines(view).filter((j) => j.machine)) {
      expect(Date.parse(job.plannedEnd!)).toBeGreaterThan(Date.parse(job.plannedStart!));
      expect(job.eta).toBe(job.plannedEnd);
    }

    // The sign needs a CNC router the shop does not have: an explicit finding, never a machine.
    const sign = jobsOnMachines(view).find((job) => job.order.name === '#5004')!;
    expect(sign.machine).toBeNull();
    expect(sign.unscheduled!.reason).toBe('no-compatible-machine');
    expect(view.unscheduledJobs).toEqual([{ job: { number: sign.number }, reason: 'no-compatible-machine', detail: expect.any(String) }]);
    expect(sign.durationSource).toBe('default');
    // An order with a job no machine can make has no ETA: nobody knows when it will be done.
    expect(sign.order.eta).toBeNull();

    // The order's ETA is its latest planned job.
    for (const order of ['#5001', '#5002', '#5003']) {
      const jobs = jobsOnMachines(view).filter((job) => job.order.name === order);
      expect(jobs[0]!.order.eta).toBe(jobs.map((job) => job.plannedEnd!).sort().at(-1));
    }
  });

  it('lists a machine\'s queue in planned order', async () => {
    const view = await plan();
    for (const name of ['Press A', 'Press B']) {
      const queue = (await gql<{ machine: { queue: { job: { number: string }; plannedStart: string; running: boolean }[] } }>(QUEUE, { id: machines[name] })).machine.queue;
      const expected = jobsOnMachines(view)
        .filter((job) => job.machine?.name === name)
        .sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!))
        .map((job) => job.number);
      expect(queue.map((entry) => entry.job.number)).toEqual(expected);
      const starts = queue.map((entry) => Date.parse(entry.plannedStart));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('moves a machine\'s queue when it goes down and records the order\'s new ETA', async () => {
    const before = await plan();
    const onA = jobsOnMachines(before).filter((job) => job.machine?.name === 'Press A');
    expect(onA.length).toBeGreaterThan(0);
    const counted = await app.owner<{ n: number }[]>`select count(*)::int as n from order_events where shop_id = ${shopId} and kind = 'eta_changed'`;
    const eventsBefore = counted[0]!.n;

    const down = await gql<{ setMachineState: { state: string; stateReason: string } }>(SET_STATE, { id: machines['Press A'], state: 'DOWN', reason: 'Fuser unit replaced' });
    expect(down.setMachineState).toEqual({ id: machines['Press A'], state: 'DOWN', stateReason: 'Fuser unit replaced' });
    const after = await planned((v) => jobsOnMachines(v).every((job) => job.machine?.name !== 'Press A'));
    expect(jobsOnMachines(after).flatMap((job) => (job.machine ? [job.machine.name] : [])).sort()).toEqual(['FDM 1', 'Press B', 'Press B', 'Press B']);

    // One press does the work of two: some order finishes later, and that is on the record.
    const changed = onA.filter((job) => after.jobs.nodes.find((j) => j.id === job.id)!.order.eta !== job.order.eta);
    expect(changed.length).toBeGreaterThan(0);
    const events = await app.owner<{ orderId: string; note: string; actor: string }[]>`
      select order_id as "orderId", note, actor from order_events where shop_id = ${shopId} and kind = 'eta_changed' order by id offset ${eventsBefore}`;
    const order = changed[0]!.order;
    const newEta = after.jobs.nodes.find((j) => j.order.id === order.id)!.order.eta!;
    expect(events).toContainEqual({ orderId: order.id, actor: 'scheduler', note: `ETA ${order.eta} → ${newEta}` });
    expect(Date.parse(newEta)).toBeGreaterThan(Date.parse(order.eta!));
    // Repaired from the last plan, not solved again.
    expect(await app.owner`select method from shop_schedules where shop_id = ${shopId}`).toEqual([{ method: 'reschedule:machine-down' }]);

    await gql(SET_STATE, { id: machines['Press A'], state: 'UP' });
    await planned((v) => jobsOnMachines(v).some((job) => job.machine?.name === 'Press A'));
  });

  it('keeps a pinned job on its machine whatever else changes', async () => {
    const view = await plan();
    const job = jobsOnMachines(view).find((j) => j.machine?.name === 'Press B')!;
    const pinned = await gql<{ pinJob: { pinnedMachine: { id: string } } }>(/* GraphQL */ `mutation ($j: ID!, $m: ID!) { pinJob(jobId: $j, machineId: $m) { pinnedMachine { id } } }`, {
      j: job.id,
      m: machines['Press A'],
    });
    expect(pinned.pinJob.pinnedMachine.id).toBe(machines['Press A']);
    const trail = await gql<{ job: { events: { kind: string; note: string | null }[] } }>(/* GraphQL */ `query ($id: ID!) { job(id: $id) { events { kind note } } }`, { id: job.id });
    expect(trail.job.events.at(-1)).toEqual({ kind: 'schedule_changed', note: 'pinned to Press A' });
    await planned((v) => v.jobs.nodes.find((j) => j.id === job.id)!.machine?.name === 'Press A');

    // Press B going down moves its jobs to Press A, but Press A going down makes the pinned job unscheduled, not moved.
    await gql(SET_STATE, { id: machines['Press A'], state: 'MAINTENANCE', reason: 'calibration' });
    const down = await planned((v) => v.jobs.nodes.find((j) => j.id === job.id)!.unscheduled !== null);
    const stuck = down.jobs.nodes.find((j) => j.id === job.id)!;
    expect(stuck.machine).toBeNull();
    expect(stuck.unscheduled!.reason).toBe('pinned-machine-down');
    await gql(SET_STATE, { id: machines['Press A'], state: 'UP' });
    await planned((v) => v.jobs.nodes.find((j) => j.id === job.id)!.machine?.name === 'Press A');
  });

  it('follows the operator\'s order in a queue', async () => {
    const view = await plan();
    // Put every card job on Press A, then drag the last one to the front.
    for (const job of jobsOnMachines(view).filter((j) => j.machine?.name.startsWith('Press'))) {
      await gql(/* GraphQL */ `mutation ($j: ID!, $m: ID!) { pinJob(jobId: $j, machineId: $m) { id } }`, { j: job.id, m: machines['Press A'] });
    }
    const allOnA = await planned((v) => jobsOnMachines(v).filter((j) => j.machine?.name === 'Press A').length === 3);
    const queue = jobsOnMachines(allOnA)
      .filter((j) => j.machine?.name === 'Press A')
      .sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!));
    const last = queue.at(-1)!;
    const moved = await gql<{ moveJobInQueue: { name: string } }>(/* GraphQL */ `mutation ($j: ID!, $m: ID!) { moveJobInQueue(jobId: $j, machineId: $m, position: 0) { name } }`, {
      j: last.id,
      m: machines['Press A'],
    });
    expect(moved.moveJobInQueue.name).toBe('Press A');
    const replanned = await planned((v) => {
      const first = jobsOnMachines(v).filter((j) => j.machine?.name === 'Press A').sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!))[0];
      return first?.id === last.id;
    });
    expect(jobsOnMachines(replanned).filter((j) => j.machine?.name === 'Press A')).toHaveLength(3);
  });

  it('keeps a started job on its machine and frees the machine when it moves on', async () => {
    const view = await plan();
    const first = jobsOnMachines(view)
      .filter((j) => j.machine?.name === 'Press A')
      .sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!))[0]!;
    await gql(TRANSITION, { id: first.id, to: 'in_production' });
    const running = await planned(() => true);
    const job = running.jobs.nodes.find((j) => j.id === first.id)!;
    expect(job.machine?.name).toBe('Press A');
    const queue = (await gql<{ machine: { queue: { job: { number: string }; running: boolean }[] } }>(QUEUE, { id: machines['Press A'] })).machine.queue;
    expect(queue[0]).toEqual({ job: { number: first.number }, plannedStart: expect.any(String), plannedEnd: expect.any(String), setupMinutes: expect.any(Number), running: true });
    expect(queue.slice(1).every((entry) => !entry.running)).toBe(true);

    // The press stops mid-run: the job is still on it, and the operator is told rather than shown a plan elsewhere.
    await gql(SET_STATE, { id: machines['Press A'], state: 'DOWN', reason: 'paper jam' });
    const stopped = await planned(() => true);
    const stuck = stopped.jobs.nodes.find((j) => j.id === first.id)!;
    expect(stuck).toMatchObject({ machine: { name: 'Press A' }, plannedStart: null, unscheduled: { reason: 'interrupted' } });
    expect(stuck.order.eta).toBeNull();
    await gql(SET_STATE, { id: machines['Press A'], state: 'UP' });
    const resumed = await planned(() => true);
    expect(resumed.jobs.nodes.find((j) => j.id === first.id)).toMatchObject({ machine: { name: 'Press A' }, unscheduled: null, plannedStart: job.plannedStart });

    await gql(TRANSITION, { id: first.id, to: 'post_processing' });
    const after = await planned(() => true);
    const done = after.jobs.nodes.find((j) => j.id === first.id)!;
    expect(done.plannedEnd).toBeNull();
    expect(done.machine?.name).toBe('Press A');
    const rest = (await gql<{ machine: { queue: { job: { number: string } }[] } }>(QUEUE, { id: machines['Press A'] })).machine.queue;
    expect(rest.map((entry) => entry.job.number)).not.toContain(first.number);
    expect(rest).toHaveLength(queue.length - 1);
  });

  it('shows an order as delayed when its ETA is past the promised date, and plans a late rush job first', async () => {
    const view = await plan();
    const order = jobsOnMachines(view).find((job) => job.order.name === '#5002')!.order;
    const promise = new Date(Date.now() + 60_000).toISOString();
    const promised = await gql<{ setOrderPromise: { promisedAt: string } }>(/* GraphQL */ `mutation ($o: ID!, $at: DateTime) { setOrderPromise(orderId: $o, promisedAt: $at) { promisedAt } }`, { o: order.id, at: promise });
    expect(promised.setOrderPromise.promisedAt).toBe(promise);
    await planned(() => true);
    const seen = await gql<{ order: { eta: string; promisedAt: string; delayed: boolean; customerStatus: { status: string } } }>(/* GraphQL */ `query ($o: ID!) { order(id: $o) { eta promisedAt delayed customerStatus { status } } }`, { o: order.id });
    expect(seen.order).toEqual({ eta: expect.any(String), promisedAt: promise, delayed: true, customerStatus: { status: 'delayed' } });
    // The customer is told: the delay is recorded on the order and its status push is on its way out.
    const [pushed] = await app.owner<{ n: number }[]>`
      select count(*)::int as n from outbox where order_id = ${order.id} and kind = 'push_status' and payload->>'status' = 'delayed'`;
    expect(pushed!.n).toBe(1);

    // Unlocked, the queue is the scheduler's again: the last job on Press A, now rush and due, goes first.
    const queue = jobsOnMachines(await plan())
      .filter((job) => job.machine?.name === 'Press A' && job.stage.key === 'scheduled')
      .sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!));
    const last = queue.at(-1)!;
    await gql(/* GraphQL */ `mutation { lockMachineSequence(machineId: "${machines['Press A']}", locked: false) { id } }`);
    const setRush = await gql<{ updateJobSchedule: { rush: boolean; priority: number } }>(
      /* GraphQL */ `mutation ($j: ID!, $in: JobScheduleInput!) { updateJobSchedule(jobId: $j, input: $in) { rush priority } }`,
      { j: last.id, in: { rush: true, priority: 3, dueAt: new Date().toISOString() } },
    );
    expect(setRush.updateJobSchedule).toEqual({ rush: true, priority: 3 });
    const trail = await gql<{ job: { events: { kind: string; note: string | null }[] } }>(/* GraphQL */ `query ($id: ID!) { job(id: $id) { events { kind note } } }`, { id: last.id });
    expect(trail.job.events.at(-1)).toEqual({ kind: 'schedule_changed', note: expect.stringMatching(/^due none → .+; rush; priority 1 → 3$/) });
    const replanned = await planned(() => true);
    const first = jobsOnMachines(replanned)
      .filter((job) => job.machine?.name === 'Press A')
      .sort((a, b) => Date.parse(a.plannedStart!) - Date.parse(b.plannedStart!))[0]!;
    expect(first.id).toBe(last.id);
    const bad = await app.graphql(apiKey, /* GraphQL */ `mutation ($j: ID!) { updateJobSchedule(jobId: $j, input: { priority: 0 }) { id } }`, { j: last.id });
    expect(errorCodes(bad)).toEqual(['BAD_REQUEST']);
    expect(bad.errors![0]!.message).toContain('priority');
  });

  it('changes and deletes a machine', async () => {
    const created = await gql<{ saveMachine: { id: string } }>(SAVE_MACHINE, { input: { name: 'Spare press', processes: ['digital_press'], materials: null } });
    const id = created.saveMachine.id;
    const renamed = await gql<{ saveMachine: { name: string; calendar: unknown } }>(SAVE_MACHINE, {
      input: { id, name: 'Spare press (back room)', processes: ['digital_press'], calendar: { shifts: [{ days: [5], from: '09:00', to: '13:00' }] } },
    });
    expect(renamed.saveMachine).toEqual({ id, name: 'Spare press (back room)', processes: ['digital_press'], state: 'UP', calendar: { shifts: [{ days: [5], from: '09:00', to: '13:00' }] } });
    const clash = await app.graphql(apiKey, SAVE_MACHINE, { input: { name: 'Press A', processes: ['digital_press'] } });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);

    expect(await gql(/* GraphQL */ `mutation ($id: ID!) { deleteMachine(id: $id) }`, { id })).toEqual({ deleteMachine: true });
    const after = await gql<{ machines: { name: string }[]; machine: unknown }>(/* GraphQL */ `query ($id: ID!) { machines { name } machine(id: $id) { name } }`, { id });
    expect(after.machines.map((m) => m.name)).toEqual(['FDM 1', 'Press A', 'Press B']);
    expect(after.machine).toBeNull();
    expect(errorCodes(await app.graphql(apiKey, /* GraphQL */ `mutation ($id: ID!) { deleteMachine(id: $id) }`, { id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.graphql(apiKey, /* GraphQL */ `mutation { deleteMachine(id: "not-an-id") }`))).toEqual(['BAD_REQUEST']);
  });
});
