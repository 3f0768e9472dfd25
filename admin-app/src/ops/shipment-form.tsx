import { BlockStack, Button, Card, Form, FormLayout, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { recordShipment, type JobDetail } from './jobs-query.ts';

/** Ships (or hands over) this job's items; an empty carrier means local pickup. */
export function ShipmentForm(props: { orderId: string; items: JobDetail['items']; busy: boolean; onRecord: (done: Promise<void>) => Promise<void> }) {
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const submit = () =>
    props.onRecord(
      recordShipment({
        orderId: props.orderId,
        carrier,
        trackingNumber: tracking,
        lines: props.items.map((item) => ({ orderLineId: item.orderLine.id, quantity: item.quantity })),
      }),
    );
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Record a shipment</Text>
        <Form onSubmit={() => void submit()}>
          <FormLayout>
            <FormLayout.Group>
              <TextField label="Carrier" value={carrier} onChange={setCarrier} autoComplete="off" helpText="Leave empty for local pickup" />
              <TextField label="Tracking number" value={tracking} onChange={setTracking} autoComplete="off" />
            </FormLayout.Group>
            <Button submit disabled={props.busy}>Record shipment</Button>
          </FormLayout>
        </Form>
      </BlockStack>
    </Card>
  );
}
