import { Badge, BlockStack, Card, InlineStack, Text } from '@shopify/polaris';
import { navigate } from '../router.ts';
import type { BoardJob } from './jobs-query.ts';
import { daysInStage, urgencyOf } from './lanes.ts';

export function PreflightBadge({ status }: { status: string }) {
  const tone = status === 'PASSED' ? 'success' : status === 'FAILED' ? 'critical' : status === 'WARNINGS' ? 'warning' : undefined;
  return <Badge {...(tone ? { tone } : {})}>{`Preflight: ${status.toLowerCase().replace(/_/g, ' ')}`}</Badge>;
}

export function UrgencyBadge({ job, now }: { job: BoardJob; now: number }) {
  const urgency = urgencyOf(job, now);
  if (urgency === 'late') return <Badge tone="critical">Late</Badge>;
  if (urgency === 'at_risk') return <Badge tone="warning">At risk</Badge>;
  return null;
}

/** One job on the board; the whole card is a button that opens the job. */
export function JobCard({ job, now }: { job: BoardJob; now: number }) {
  const days = daysInStage(job, now);
  const label = `Job ${job.number}, ${job.title}${job.rush ? ', rush' : ''}, ${job.stage.label}`;
  return (
    <button type="button" className="job-card" aria-label={label} data-job-number={job.number} onClick={() => navigate(`/ops/jobs/${job.id}`)}>
      <Card padding="300">
        <BlockStack gap="100">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="span" variant="headingMd">{job.number}</Text>
            {job.rush && <Badge tone="critical-strong">RUSH</Badge>}
          </InlineStack>
          <Text as="span">{job.order?.customerName ?? job.order?.name ?? '—'}</Text>
          <Text as="span" tone="subdued">{job.title}</Text>
          <Text as="span" variant="bodySm">{`${job.stage.label} · ${days} ${days === 1 ? 'day' : 'days'} in stage`}</Text>
          <Text as="span" variant="bodySm">{job.machine ? `Machine: ${job.machine.name}` : 'No machine planned'}</Text>
          {job.location && <Text as="span" variant="bodySm">{`At ${job.location}`}</Text>}
          {job.dueAt && <Text as="span" variant="bodySm">{`Due ${new Date(job.dueAt).toLocaleDateString()}`}</Text>}
          <InlineStack gap="100">
            <UrgencyBadge job={job} now={now} />
            <PreflightBadge status={job.preflightStatus} />
          </InlineStack>
        </BlockStack>
      </Card>
    </button>
  );
}
