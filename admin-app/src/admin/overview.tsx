import { BlockStack, Card, DataTable, InlineGrid, Layout, Page, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';
import { followJobChanges } from '../api/live.ts';
import { loadBoardJobs, type BoardJob } from '../ops/jobs-query.ts';
import { urgencyOf } from '../ops/lanes.ts';

interface MachineLoad {
  id: string;
  name: string;
  state: string;
  queue: { plannedStart: string; durationMinutes: number | null }[];
}

/** Jobs per stage, late and at-risk jobs, and today's planned load per machine. */
export function OverviewPage() {
  const [jobs, setJobs] = useState<BoardJob[]>([]);
  const [machines, setMachines] = useState<MachineLoad[]>([]);
  useEffect(() => {
    const load = () => {
      loadBoardJobs().then(setJobs, () => setJobs([]));
      gql<{ machines: MachineLoad[] }>('{ machines { id name state queue { plannedStart durationMinutes } } }').then((data) => setMachines(data.machines), () => setMachines([]));
    };
    load();
    return followJobChanges(load);
  }, []);

  const now = Date.now();
  const perStage = new Map<string, number>();
  for (const job of jobs) perStage.set(job.stage.label, (perStage.get(job.stage.label) ?? 0) + 1);
  const late = jobs.filter((job) => job.stage.category !== 'done' && job.stage.category !== 'cancelled' && urgencyOf(job, now) !== null);
  const today = new Date().toDateString();
  return (
    <Page title="Overview">
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Jobs per stage</Text>
                <DataTable columnContentTypes={['text', 'numeric']} headings={['Stage', 'Jobs']} rows={[...perStage].map(([stage, count]) => [stage, count])} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{`Late and at risk (${late.length})`}</Text>
                {late.length === 0 && <Text as="p" tone="subdued">Everything is on time.</Text>}
                {late.map((job) => (
                  <Text key={job.id} as="p" tone={urgencyOf(job, now) === 'late' ? 'critical' : 'caution'}>{`${job.number} · ${job.title} · ${urgencyOf(job, now) === 'late' ? 'late' : 'at risk'}`}</Text>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Today's load per machine</Text>
                {machines.length === 0 && <Text as="p" tone="subdued">No machines yet.</Text>}
                <DataTable
                  columnContentTypes={['text', 'text', 'numeric']}
                  headings={['Machine', 'State', 'Minutes today']}
                  rows={machines.map((machine) => [
                    machine.name,
                    machine.state.toLowerCase(),
                    machine.queue.filter((entry) => new Date(entry.plannedStart).toDateString() === today).reduce((sum, entry) => sum + (entry.durationMinutes ?? 0), 0),
                  ])}
                />
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
