import { gql, gqlUpload } from '../api/graphql.ts';

export interface StageView {
  key: string;
  label: string;
  category: string;
  customerStatus: string;
}

export interface BoardJob {
  id: string;
  number: string;
  title: string;
  rush: boolean;
  dueAt: string | null;
  tags: string[];
  stage: StageView;
  stageEnteredAt: string;
  preflightStatus: string;
  eta: string | null;
  /** Where the piece physically is, as an operator last set it. */
  location: string | null;
  machine: { name: string } | null;
  order: { id: string; name: string; customerName: string | null } | null;
}

const JOB_FIELDS = `id number title rush dueAt tags stageEnteredAt preflightStatus eta location
  stage { key label category customerStatus } machine { name } order { id name customerName }`;

/** Every job still on the shop floor, in pages of 100 (finished ones stay out however many there are). */
export async function loadBoardJobs(): Promise<BoardJob[]> {
  const jobs: BoardJob[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: { jobs: { nodes: BoardJob[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = await gql(
      `query Board($after: String) { jobs(first: 100, after: $after, filter: { open: true }) { nodes { ${JOB_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    jobs.push(...data.jobs.nodes);
    if (!data.jobs.pageInfo.hasNextPage) break;
    after = data.jobs.pageInfo.endCursor;
  }
  return jobs;
}

export interface JobDetail extends BoardJob {
  nextStages: StageView[];
  pinnedMachine: { id: string; name: string } | null;
  events: { at: string; actor: string; kind: string; from: string | null; to: string; note: string | null }[];
  items: { quantity: number; orderLine: { id: string; title: string; sku: string | null } }[];
  files: {
    id: string;
    name: string;
    /** design, proof or photo */
    role: string;
    status: string;
    thumbnail: string | null;
    preflight: { status: string; errors: Finding[]; warnings: Finding[]; accepted: Finding[] };
  }[];
}

export interface Finding {
  code: string;
  message: string;
  fix: string | null;
}

const FINDING = 'code message fix';

export async function loadJobDetail(id: string): Promise<JobDetail | null> {
  const data = await gql<{ job: JobDetail | null }>(
    `query Job($id: ID!) { job(id: $id) { ${JOB_FIELDS}
      nextStages { key label category customerStatus }
      pinnedMachine { id name }
      events { at actor kind from to note }
      items { quantity orderLine { id title sku } }
      files { id name role status thumbnail preflight { status errors { ${FINDING} } warnings { ${FINDING} } accepted { ${FINDING} } } } } }`,
    { id },
  );
  return data.job;
}

export async function moveJob(id: string, to: string, expectedStage: string): Promise<void> {
  await gql(`mutation Move($id: ID!, $to: String!, $expected: String) { transitionJob(id: $id, to: $to, expectedStage: $expected) { id } }`, { id, to, expected: expectedStage });
}

/** Pins the job to one machine (the scheduler keeps it there), or with null hands it back to the scheduler. */
export async function pinJob(jobId: string, machineId: string | null): Promise<void> {
  if (machineId) await gql('mutation ($jobId: ID!, $machineId: ID!) { pinJob(jobId: $jobId, machineId: $machineId) { id } }', { jobId, machineId });
  else await gql('mutation ($jobId: ID!) { unpinJob(jobId: $jobId) { id } }', { jobId });
}

/** Records where the piece is (blank clears it); the suggestions are the places used lately. */
export async function setJobLocation(jobId: string, location: string): Promise<void> {
  await gql('mutation ($jobId: ID!, $location: String) { setJobLocation(jobId: $jobId, location: $location) { id } }', { jobId, location });
}

export async function loadRecentLocations(): Promise<string[]> {
  return (await gql<{ jobLocations: string[] }>('{ jobLocations }')).jobLocations;
}

export async function acceptWarning(jobId: string, fileId: string, code: string): Promise<void> {
  await gql(`mutation Accept($jobId: ID!, $fileId: ID!, $code: String!) { acceptPreflightWarning(jobId: $jobId, fileId: $fileId, code: $code, note: "accepted on the shop floor") { id } }`, { jobId, fileId, code });
}

export async function recordShipment(input: { orderId: string; carrier: string; trackingNumber: string; lines: { orderLineId: string; quantity: number }[] }): Promise<void> {
  const local = input.carrier.trim() === '';
  await gql(`mutation Ship($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }`, {
    input: {
      orderId: input.orderId,
      lines: input.lines,
      ...(local ? { localPickup: true } : { carrier: input.carrier.trim(), trackingNumbers: input.trackingNumber.trim() ? [input.trackingNumber.trim()] : [] }),
    },
  });
}

export interface ManualOrderInput {
  customerName: string;
  customerEmail: string;
  items: { title: string; quantity: number; sku: string | null }[];
  dueAt: string | null;
  rush: boolean;
  tags: string[];
}

export interface CreatedManualOrder {
  id: string;
  name: string;
  lines: { id: string; externalId: string }[];
  jobs: { id: string; items: { orderLine: { id: string } }[] }[];
}

export async function createManualOrder(input: ManualOrderInput): Promise<CreatedManualOrder> {
  const data = await gql<{ createManualOrder: CreatedManualOrder }>(
    `mutation Manual($input: ManualOrderInput!) { createManualOrder(input: $input) { id name lines { id externalId } jobs { id items { orderLine { id } } } } }`,
    { input: { ...input, customerEmail: input.customerEmail || null } },
  );
  return data.createManualOrder;
}

/** The job that makes the order's n-th item (manual lines are numbered "<order>-1", "<order>-2"… in the order given). */
export function jobForItem(order: CreatedManualOrder, index: number): string | null {
  const line = order.lines.find((candidate) => candidate.externalId.endsWith(`-${index + 1}`));
  return order.jobs.find((job) => job.items.some((item) => item.orderLine.id === line?.id))?.id ?? null;
}

export type JobFileRole = 'DESIGN' | 'PROOF' | 'PHOTO';

/** Adds a file to the job: a design file (preflighted, gates production), a proof for the customer to approve, or a progress photo they see. */
export async function uploadJobFile(jobId: string, file: File, role: JobFileRole = 'DESIGN'): Promise<void> {
  await gqlUpload('mutation ($jobId: ID!, $file: File!, $role: JobFileRole) { uploadJobFile(jobId: $jobId, file: $file, role: $role) { id } }', { jobId, role }, { file });
}
