import { Badge, BlockStack, Card, IndexTable, Page, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';
import { navigate } from '../router.ts';

interface OrderRow {
  id: string;
  name: string;
  customerName: string | null;
  financialStatus: string;
  placedAt: string;
  customerStatus: { label: string };
  jobs: { id: string; number: string; stage: { label: string } }[];
}

const QUERY = `query ($search: String) { orders(first: 50, filter: { search: $search }) { nodes {
  id name customerName financialStatus placedAt customerStatus { label } jobs { id number stage { label } } } } }`;

/** The shop's orders, newest first, searchable, each with its jobs (a job opens on the operator page). */
export function OrdersPage() {
  const [search, setSearch] = useState('');
  const [orders, setOrders] = useState<OrderRow[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      gql<{ orders: { nodes: OrderRow[] } }>(QUERY, { search: search.trim() || null }).then((data) => setOrders(data.orders.nodes), () => setOrders([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  return (
    <Page title="Orders">
      <BlockStack gap="400">
        <TextField label="Search orders" value={search} onChange={setSearch} autoComplete="off" placeholder="Order, customer, item or SKU" />
        <Card padding="0">
          <IndexTable resourceName={{ singular: 'order', plural: 'orders' }} itemCount={orders.length} selectable={false} headings={[{ title: 'Order' }, { title: 'Customer' }, { title: 'Placed' }, { title: 'Status' }, { title: 'Jobs' }]}>
            {orders.map((order, index) => (
              <IndexTable.Row id={order.id} key={order.id} position={index}>
                <IndexTable.Cell><Text as="span" fontWeight="bold">{order.name}</Text></IndexTable.Cell>
                <IndexTable.Cell>{order.customerName ?? '—'}</IndexTable.Cell>
                <IndexTable.Cell>{new Date(order.placedAt).toLocaleDateString()}</IndexTable.Cell>
                <IndexTable.Cell><Badge>{order.customerStatus.label}</Badge></IndexTable.Cell>
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
