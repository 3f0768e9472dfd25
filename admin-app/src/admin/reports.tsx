import { BlockStack, Card, DataTable, InlineGrid, Page, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';

interface Reports {
  stageTimesReport: { stage: string; count: number; medianSeconds: number; p90Seconds: number }[];
  bottlenecksReport: { stage: string; waiting: number; oldestWaitingSeconds: number }[];
  throughputReport: { day: string; jobs: number }[];
  onTimeReport: { finished: number; onTime: number; rate: number | null };
}

const QUERY = `{ stageTimesReport { stage count medianSeconds p90Seconds } bottlenecksReport { stage waiting oldestWaitingSeconds }
  throughputReport { day jobs } onTimeReport { finished onTime rate } }`;

export const hours = (seconds: number) => `${(seconds / 3600).toFixed(1)} h`;

/** Time in stage, bottlenecks, on-time rate and throughput over the default window (the API's). */
export function ReportsPage() {
  const [reports, setReports] = useState<Reports | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    gql<Reports>(QUERY).then(setReports, (error: unknown) => setProblem(error instanceof Error ? error.message : 'Reports could not be loaded'));
  }, []);
  if (problem) return <Page title="Reports"><Text as="p" tone="critical">{problem}</Text></Page>;
  if (!reports) return <Page title="Reports"><Text as="p">Loading…</Text></Page>;
  const busiest = Math.max(1, ...reports.throughputReport.map((day) => day.jobs));
  const rate = reports.onTimeReport.rate;
  return (
    <Page title="Reports">
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">On-time rate</Text>
              <Text as="p" variant="heading2xl">{rate === null ? '—' : `${Math.round(rate * 100)} %`}</Text>
              <Text as="p" tone="subdued">{`${reports.onTimeReport.onTime} of ${reports.onTimeReport.finished} finished jobs on time`}</Text>
            </BlockStack>
          </Card>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Throughput (jobs finished per day)</Text>
              <div className="bar-chart" role="img" aria-label={`Jobs finished per day: ${reports.throughputReport.map((day) => `${day.day} ${day.jobs}`).join(', ') || 'none'}`}>
                {reports.throughputReport.map((day) => (
                  <div key={day.day} className="bar" style={{ height: `${(day.jobs / busiest) * 100}%` }} title={`${day.day}: ${day.jobs}`} />
                ))}
              </div>
            </BlockStack>
          </Card>
        </InlineGrid>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Time in stage</Text>
            <DataTable
              columnContentTypes={['text', 'numeric', 'numeric', 'numeric']}
              headings={['Stage', 'Jobs', 'Median', '90th percentile']}
              rows={reports.stageTimesReport.map((row) => [row.stage, row.count, hours(row.medianSeconds), hours(row.p90Seconds)])}
            />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Bottlenecks (waiting now)</Text>
            <DataTable
              columnContentTypes={['text', 'numeric', 'numeric']}
              headings={['Stage', 'Waiting', 'Oldest waiting']}
              rows={reports.bottlenecksReport.map((row) => [row.stage, row.waiting, hours(row.oldestWaitingSeconds)])}
            />
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
