import { Badge, BlockStack, Card, IndexTable, InlineGrid, Page, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';
import { navigate } from '../router.ts';
import { OrderDetailPage } from './order-detail.tsx';

interface OrderRow {
  id: string;
  name: string;
  customerName: string | null;
  financialStatus: string;
  placedAt: string;
  delayed: boolean;
  customerStatus: { label: string };
  jobs: { id: string; number: string; stage: { label: string } }[];
}

const QUERY = `query ($search: String, $status: OrderStatus) { orders(first: 50, filter: { search: $search, status: $status }) { nodes {
  id name customerName financialStatus placedAt delayed customerStatus { label } jobs { id number stage { label } } } } }`;

const STATUSES = [
  { label: 'All orders', value: '' },
  { label: 'Open', value: 'OPEN' },
  { label: 'Cancelled', value: 'CANCELLED' },
];

/** /app/orders lists; /app/orders/<id> shows one order. */
export function OrdersRoute({ path }: { path: string }) {
  const id = /^\/app\/orders\/([^/]+)/.exec(path)?.[1];
  return id ? <OrderDetailPage orderId={decodeURIComponent(id)} /> : <OrdersPage />;
}

/** The shop's orders, newest first, searchable and filtered by status; an order opens its detail, a job the operator page. */
export function OrdersPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [orders, setOrders] = useState<OrderRow[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      gql<{ orders: { nodes: OrderRow[] } }>(QUERY, { search: search.trim() || null, status: status || null }).then((data) => setOrders(data.orders.nodes), () => setOrders([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [search, status]);
  return (
    <Page title="Orders">
      <BlockStack gap="400">
        <InlineGrid columns={['twoThirds', 'oneThird']} gap="300">
          <TextField label="Search orders" value={search} onChange={setSearch} autoComplete="off" placeholder="Order, customer, item or SKU" />
          <Select label="Status" options={STATUSES} value={status} onChange={setStatus} />
        </InlineGrid>
        <Card padding="0">
          <IndexTable resourceName={{ singular: 'order', plural: 'orders' }} itemCount={orders.length} selectable={false} headings={[{ title: 'Order' }, { title: 'Customer' }, { title: 'Placed' }, { title: 'Status' }, { title: 'Jobs' }]}>
            {orders.map((order, index) => (
              <IndexTable.Row id={order.id} key={order.id} position={index}>
                <IndexTable.Cell>
                  <button type="button" className="link-button" onClick={() => navigate(`/app/orders/${order.id}`)} aria-label={`Open order ${order.name}`}>
                    <Text as="span" fontWeight="bold">{order.name}</Text>
                  </button>
                </IndexTable.Cell>
                <IndexTable.Cell>{order.customerName ?? '—'}</IndexTable.Cell>
                <IndexTable.Cell>{new Date(order.placedAt).toLocaleDateString()}</IndexTable.Cell>
                <IndexTable.Cell><Badge>{order.customerStatus.label}</Badge>{order.delayed && <Badge tone="critical">Delayed</Badge>}</IndexTable.Cell>
                <IndexTable.Cell>
                  {order.jobs.map((job) => (
                    <button key={job.id} type="button" className="link-button" onClick={() => navigate(`/ops/jobs/${job.id}`)}>{`${job.number} (${job.stage.label})`}</button>
                  ))}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
