import { Badge, Banner, BlockStack, Button, ButtonGroup, Card, InlineStack, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { navigate } from '../router.ts';

interface QueueEntry {
  job: { id: string; number: string; title: string; rush: boolean };
  plannedStart: string;
  plannedEnd: string;
  running: boolean;
}

interface MachineQueue {
  id: string;
  name: string;
  state: 'UP' | 'DOWN' | 'MAINTENANCE';
  stateReason: string | null;
  queue: QueueEntry[];
}

const QUERY = '{ machines { id name state stateReason queue { job { id number title rush } plannedStart plannedEnd running } } }';
const time = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** Each machine's queue in planned order; the operator reorders waiting jobs or marks a machine down (the planner re-plans). */
export function MachineQueues({ version }: { version: number }) {
  const [machines, setMachines] = useState<MachineQueue[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    gql<{ machines: MachineQueue[] }>(QUERY).then((data) => setMachines(data.machines), (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'Machines could not be loaded'));
  }, []);
  useEffect(load, [load, version]);
  const run = (query: string, variables: Record<string, unknown>) =>
    gql(query, variables).then(load, (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work'));

  if (machines === null) return <Text as="p">Loading machines…</Text>;
  if (machines.length === 0) return <Text as="p" tone="subdued">No machines yet: add them in the admin.</Text>;
  return (
    <BlockStack gap="400">
      {problem && <Banner tone="critical" onDismiss={() => setProblem(null)}>{problem}</Banner>}
      {machines.map((machine) => (
        <Card key={machine.id}>
          <BlockStack gap="200">
            <InlineStack align="space-between" blockAlign="center">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">{machine.name}</Text>
                <Badge tone={machine.state === 'UP' ? 'success' : 'critical'}>{machine.state.toLowerCase()}</Badge>
              </InlineStack>
              <Button
                onClick={() =>
                  void run('mutation ($id: ID!, $state: MachineState!) { setMachineState(id: $id, state: $state, reason: "set on the shop floor") { id } }', {
                    id: machine.id,
                    state: machine.state === 'UP' ? 'DOWN' : 'UP',
                  })
                }
              >
                {machine.state === 'UP' ? `Mark ${machine.name} down` : `Mark ${machine.name} up`}
              </Button>
            </InlineStack>
            {machine.queue.length === 0 && <Text as="p" tone="subdued">Nothing planned.</Text>}
            <ol className="machine-queue" aria-label={`${machine.name} queue`}>
              {machine.queue.map((entry, index) => (
                <li key={entry.job.id}>
                  <InlineStack align="space-between" blockAlign="center">
                    <Button variant="plain" onClick={() => navigate(`/ops/jobs/${entry.job.id}`)}>{`${entry.job.number} · ${entry.job.title}${entry.job.rush ? ' · RUSH' : ''}`}</Button>
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" variant="bodySm">{`${time(entry.plannedStart)} – ${time(entry.plannedEnd)}${entry.running ? ' · running' : ''}`}</Text>
                      {!entry.running && (
                        <ButtonGroup>
                          <Button size="slim" disabled={index === 0} accessibilityLabel={`Move ${entry.job.number} earlier`} onClick={() => void run('mutation ($job: ID!, $m: ID!, $p: Int!) { moveJobInQueue(jobId: $job, machineId: $m, position: $p) { id } }', { job: entry.job.id, m: machine.id, p: Math.max(0, index - 1) })}>↑</Button>
                          <Button size="slim" disabled={index === machine.queue.length - 1} accessibilityLabel={`Move ${entry.job.number} later`} onClick={() => void run('mutation ($job: ID!, $m: ID!, $p: Int!) { moveJobInQueue(jobId: $job, machineId: $m, position: $p) { id } }', { job: entry.job.id, m: machine.id, p: index + 1 })}>↓</Button>
                        </ButtonGroup>
                      )}
                    </InlineStack>
                  </InlineStack>
                </li>
              ))}
            </ol>
          </BlockStack>
        </Card>
      ))}
    </BlockStack>
  );
}
