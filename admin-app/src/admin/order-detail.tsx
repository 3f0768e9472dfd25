import { Badge, Banner, BlockStack, Card, DataTable, InlineStack, Layout, Link, Page, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/graphql.ts';
import { PreflightBadge } from '../ops/job-card.tsx';
import { JobMessages } from '../ops/job-messages.tsx';
import { navigate } from '../router.ts';
import { EventTimeline } from '../ops/event-timeline.tsx';
import { loadOrderDetail, orderTimeline, type OrderDetail } from './order-detail-query.ts';

const when = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');
const money = (total: OrderDetail['total']) => new Intl.NumberFormat(undefined, { style: 'currency', currency: total.currency }).format(total.amountMinor / 100);

/** One order as the merchant sees it: its jobs with files and preflight, shipments, the thread with the customer and one timeline. */
export function OrderDetailPage({ orderId }: { orderId: string }) {
  const [order, setOrder] = useState<OrderDetail | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    loadOrderDetail(orderId).then(setOrder, (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'The order could not be loaded'));
  }, [orderId]);
  const back = { content: 'Orders', onAction: () => navigate('/app/orders') };
  if (problem) return <Page title="Order" backAction={back}><Banner tone="critical">{problem}</Banner></Page>;
  if (order === undefined) return <Page title="Loading…" backAction={back} />;
  if (order === null) return <Page title="Order not found" backAction={back} />;

  return (
    <Page
      title={`Order ${order.name}`}
      subtitle={`${order.customerName ?? 'No name'} · placed ${when(order.placedAt)}`}
      titleMetadata={<InlineStack gap="100"><Badge>{order.customerStatus.label}</Badge>{order.delayed && <Badge tone="critical">Delayed</Badge>}{order.status === 'CANCELLED' && <Badge tone="critical">Cancelled</Badge>}</InlineStack>}
      backAction={back}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Jobs</Text>
                {order.jobs.length === 0 && <Text as="p" tone="subdued">No jobs (nothing in this order is produced).</Text>}
                {order.jobs.map((job) => (
                  <section key={job.id} aria-label={`Job ${job.number}`} className="order-job">
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Link onClick={() => navigate(`/ops/jobs/${job.id}`)} accessibilityLabel={`Open job ${job.number}`}>{job.number}</Link>
                        <Text as="span">{job.title}</Text>
                        <Badge>{job.stage.label}</Badge>
                        <PreflightBadge status={job.preflightStatus} />
                      </InlineStack>
                      <Text as="p" variant="bodySm" tone="subdued">{`${job.machine ? `Machine: ${job.machine.name}` : 'No machine planned'}${job.location ? ` · At ${job.location}` : ''}`}</Text>
                      {job.files.map((file) => (
                        <BlockStack key={file.id} gap="050">
                          <InlineStack gap="200" blockAlign="center">
                            <Text as="span">{`${file.name}${file.role === 'design' ? '' : ` (${file.role})`}`}</Text>
                            <PreflightBadge status={file.preflight.status} />
                          </InlineStack>
                          {file.preflight.errors.map((finding) => <Text key={finding.code} as="p" variant="bodySm" tone="critical">{finding.message}</Text>)}
                          {file.preflight.warnings.map((finding) => <Text key={finding.code} as="p" variant="bodySm" tone="caution">{finding.message}</Text>)}
                        </BlockStack>
                      ))}
                    </BlockStack>
                  </section>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Shipments</Text>
                {order.shipments.length === 0 ? (
                  <Text as="p" tone="subdued">Nothing shipped yet.</Text>
                ) : (
                  <DataTable
                    columnContentTypes={['text', 'text', 'text', 'text']}
                    headings={['Carrier', 'Tracking', 'Items', 'Status']}
                    rows={order.shipments.map((shipment) => [
                      shipment.localPickup ? 'Pickup' : (shipment.carrier ?? '—'),
                      shipment.trackingUrl ? <Link key="t" url={shipment.trackingUrl} target="_blank">{shipment.trackingNumbers.join(', ') || 'Track'}</Link> : shipment.trackingNumbers.join(', ') || '—',
                      shipment.lines.map((line) => `${line.quantity} × ${line.orderLine.title}`).join(', '),
                      `${shipment.status.toLowerCase()} · ${when(shipment.statusAt)}`,
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
            <JobMessages orderId={order.id} version={0} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">Order</Text>
                <Text as="p">{`Customer: ${order.customerName ?? '—'}${order.customerEmail ? ` <${order.customerEmail}>` : ''}`}</Text>
                <Text as="p">{`Total: ${money(order.total)} (${order.financialStatus})`}</Text>
                <Text as="p">{`Shipping: ${order.shippingMethod ?? '—'}`}</Text>
                <Text as="p">{`ETA: ${when(order.eta)}`}</Text>
                <Text as="p">{`Promised: ${when(order.promisedAt)}`}</Text>
                {order.customerStatus.holdReason && <Text as="p" tone="caution">{`On hold: ${order.customerStatus.holdReason}`}</Text>}
                {order.lines.map((line) => (
                  <Text key={line.id} as="p">{`${line.quantity} × ${line.title}${line.variantTitle ? ` — ${line.variantTitle}` : ''}${line.sku ? ` (${line.sku})` : ''}`}</Text>
                ))}
              </BlockStack>
            </Card>
            <EventTimeline label="Order timeline" events={orderTimeline(order)} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
