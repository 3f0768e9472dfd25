import { BlockStack, Card, DataTable, InlineGrid, Page, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { BarList, DailyColumns } from './report-charts.tsx';

interface Reports {
  stageTimesReport: { stage: string; count: number; medianSeconds: number; p90Seconds: number }[];
  bottlenecksReport: { stage: string; waiting: number; oldestWaitingSeconds: number }[];
  machineBottlenecksReport: { machine: { name: string }; waiting: number; backlogMinutes: number; p90ProductionSeconds: number | null }[];
  throughputReport: { day: string; jobs: number }[];
  onTimeReport: { finished: number; onTime: number; rate: number | null };
  turnaroundReport: { product: string; jobs: number; medianSeconds: number; p90Seconds: number }[];
  workflow: { stages: { key: string; label: string }[] };
}

const QUERY = `query ($since: DateTime) { stageTimesReport(since: $since) { stage count medianSeconds p90Seconds }
  bottlenecksReport(since: $since) { stage waiting oldestWaitingSeconds }
  machineBottlenecksReport(since: $since) { machine { name } waiting backlogMinutes p90ProductionSeconds }
  throughputReport(since: $since) { day jobs } onTimeReport(since: $since) { finished onTime rate }
  turnaroundReport(since: $since) { product jobs medianSeconds p90Seconds } workflow { stages { key label } } }`;

const PERIODS = [
  { label: 'Last 7 days', value: '7' },
  { label: 'Last 30 days', value: '30' },
  { label: 'Last 90 days', value: '90' },
];

/** A duration as people say it: minutes under an hour, hours with one decimal above. */
export const hours = (seconds: number) => (seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{title}</Text>
        {children}
      </BlockStack>
    </Card>
  );
}

/** Time in stage, bottlenecks (stages and machines), on-time rate, throughput and turnaround over a chosen period. */
export function ReportsPage() {
  const [days, setDays] = useState('30');
  const [reports, setReports] = useState<Reports | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const since = new Date(Date.now() - Number(days) * 86_400_000).toISOString();
    gql<Reports>(QUERY, { since }).then(setReports, (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'Reports could not be loaded'));
  }, [days]);
  const period = <Select label="Period" labelInline options={PERIODS} value={days} onChange={setDays} />;
  if (problem) return <Page title="Reports"><Text as="p" tone="critical">{problem}</Text></Page>;
  if (!reports) return <Page title="Reports"><Text as="p">Loading…</Text></Page>;
  const rate = reports.onTimeReport.rate;
  // The reports name stages by key; a stage since removed from the workflow keeps its key.
  const labels = new Map(reports.workflow.stages.map((stage) => [stage.key, stage.label]));
  const stage = (key: string) => labels.get(key) ?? key;
  return (
    <Page title="Reports" secondaryActions={period}>
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <Section title="On-time rate">
            <Text as="p" variant="heading2xl">{rate === null ? '—' : `${Math.round(rate * 100)} %`}</Text>
            <Text as="p" tone="subdued">{`${reports.onTimeReport.onTime} of ${reports.onTimeReport.finished} finished jobs on time`}</Text>
          </Section>
          <Section title="Throughput (jobs finished per day)">
            <DailyColumns days={reports.throughputReport} />
          </Section>
        </InlineGrid>
        <Section title="Time in stage">
          <BarList label="Median time in stage" rows={reports.stageTimesReport.map((row) => ({ name: stage(row.stage), value: row.medianSeconds, text: hours(row.medianSeconds) }))} />
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric']}
            headings={['Stage', 'Jobs', 'Median', '90th percentile']}
            rows={reports.stageTimesReport.map((row) => [stage(row.stage), row.count, hours(row.medianSeconds), hours(row.p90Seconds)])}
          />
        </Section>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <Section title="Bottlenecks: stages (waiting now)">
            <BarList label="Jobs waiting per stage" rows={reports.bottlenecksReport.map((row) => ({ name: stage(row.stage), value: row.waiting, text: `${row.waiting} · oldest ${hours(row.oldestWaitingSeconds)}` }))} />
          </Section>
          <Section title="Bottlenecks: machines (backlog now)">
            <BarList
              label="Backlog per machine"
              rows={reports.machineBottlenecksReport.map((row) => ({ name: row.machine.name, value: row.backlogMinutes, text: `${row.waiting} jobs · ${hours(row.backlogMinutes * 60)}` }))}
            />
          </Section>
        </InlineGrid>
        <Section title="Turnaround by product (order to done)">
          <DataTable
            columnContentTypes={['text', 'numeric', 'numeric', 'numeric']}
            headings={['Product', 'Jobs', 'Median', '90th percentile']}
            rows={reports.turnaroundReport.map((row) => [row.product, row.jobs, hours(row.medianSeconds), hours(row.p90Seconds)])}
          />
        </Section>
      </BlockStack>
    </Page>
  );
}
