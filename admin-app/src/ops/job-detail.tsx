import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, fetchBlob } from '../api/graphql.ts';
import { navigate } from '../router.ts';
import { PreflightBadge, UrgencyBadge } from './job-card.tsx';
import { EventTimeline } from './event-timeline.tsx';
import { JobFileUploads } from './job-file-uploads.tsx';
import { JobLocation } from './job-location.tsx';
import { JobMessages } from './job-messages.tsx';
import { acceptWarning, loadJobDetail, moveJob, pinJob, setJobLocation, uploadJobFile, type JobDetail } from './jobs-query.ts';
import { MachinePin } from './machine-pin.tsx';
import { ShipmentForm } from './shipment-form.tsx';

/** One job: its legal moves (only those), files with preflight, messages with the customer, timeline, shipment and ticket. */
export function JobDetailPage(props: { jobId: string; version: number; liveBadge: ReactNode }) {
  const [job, setJob] = useState<JobDetail | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    loadJobDetail(props.jobId).then(setJob, (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'The job could not be loaded'));
  }, [props.jobId]);
  useEffect(reload, [reload, props.version]);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work');
    } finally {
      setBusy(false);
      reload();
    }
  };
  const printTicket = async () => {
    const blob = await fetchBlob(`/api/jobs/${props.jobId}/ticket.pdf`);
    window.open(URL.createObjectURL(blob), '_blank');
  };

  if (job === undefined) return <Page title="Loading…" backAction={{ content: 'Queue', onAction: () => navigate('/ops') }} />;
  if (job === null) return <Page title="Job not found" backAction={{ content: 'Queue', onAction: () => navigate('/ops') }} />;
  const now = Date.now();
  return (
    <Page
      title={`Job ${job.number}`}
      subtitle={job.title}
      titleMetadata={<InlineStack gap="100">{job.rush && <Badge tone="critical-strong">RUSH</Badge>}<Badge>{job.stage.label}</Badge>{props.liveBadge}</InlineStack>}
      backAction={{ content: 'Queue', onAction: () => navigate('/ops') }}
      secondaryActions={[{ content: 'Print job ticket', onAction: () => void act(printTicket) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {problem && <Banner tone="critical">{problem}</Banner>}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Move to</Text>
                {job.nextStages.length === 0 ? (
                  <Text as="p" tone="subdued">No move is allowed from this stage.</Text>
                ) : (
                  <div role="group" aria-label="Legal moves"><InlineStack gap="200">
                    {job.nextStages.map((stage) => (
                      <Button key={stage.key} disabled={busy} onClick={() => void act(() => moveJob(job.id, stage.key, job.stage.key))} accessibilityLabel={`Move to ${stage.label}`}>
                        {stage.label}
                      </Button>
                    ))}
                  </InlineStack></div>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Files</Text>
                {job.files.length === 0 && <Text as="p" tone="subdued">No files.</Text>}
                <JobFileUploads busy={busy} onUpload={(file, role) => void act(() => uploadJobFile(job.id, file, role))} />
                {job.files.map((file) => (
                  <InlineStack key={file.id} gap="300" blockAlign="start" wrap={false}>
                    {file.thumbnail ? <img className="thumbnail" src={file.thumbnail} alt={`Preview of ${file.name}`} /> : <div className="thumbnail" aria-hidden />}
                    <BlockStack gap="100">
                      <Text as="span" fontWeight="bold">{file.role === 'design' ? file.name : `${file.name} (${file.role})`}</Text>
                      <PreflightBadge status={file.preflight.status} />
                      {file.preflight.errors.map((finding) => (
                        <Text key={finding.code} as="p" tone="critical">{`${finding.message}${finding.fix ? ` — ${finding.fix}` : ''}`}</Text>
                      ))}
                      {file.preflight.warnings.map((finding) => (
                        <InlineStack key={finding.code} gap="200" blockAlign="center">
                          <Text as="span" tone="caution">{finding.message}</Text>
                          <Button size="slim" disabled={busy} onClick={() => void act(() => acceptWarning(job.id, file.id, finding.code))} accessibilityLabel={`Accept warning: ${finding.message}`}>
                            Accept
                          </Button>
                        </InlineStack>
                      ))}
                      {file.preflight.accepted.map((finding) => (
                        <Text key={finding.code} as="p" tone="subdued">{`Accepted: ${finding.message}`}</Text>
                      ))}
                    </BlockStack>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
            {job.order && <JobMessages orderId={job.order.id} version={props.version} />}
            {job.order && <ShipmentForm orderId={job.order.id} items={job.items} busy={busy} onRecord={(input) => act(() => input)} />}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">Job</Text>
                <Text as="p">{`Customer: ${job.order?.customerName ?? '—'}`}</Text>
                <Text as="p">{`Order: ${job.order?.name ?? '—'}`}</Text>
                <Text as="p">{`Due: ${job.dueAt ? new Date(job.dueAt).toLocaleString() : 'not set'}`}</Text>
                <Text as="p">{`Machine: ${job.machine?.name ?? 'not planned'}`}</Text>
                <InlineStack gap="100"><UrgencyBadge job={job} now={now} /><PreflightBadge status={job.preflightStatus} /></InlineStack>
                {job.items.map((item) => (
                  <Text key={item.orderLine.id} as="p">{`${item.quantity} × ${item.orderLine.title}`}</Text>
                ))}
              </BlockStack>
            </Card>
            <JobLocation location={job.location} busy={busy} onSet={(location) => void act(() => setJobLocation(job.id, location))} />
            <MachinePin pinned={job.pinnedMachine} busy={busy} onPin={(machineId) => void act(() => pinJob(job.id, machineId))} />
            <EventTimeline label="Timeline" events={job.events} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
