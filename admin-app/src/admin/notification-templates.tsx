import { Banner, BlockStack, Button, Card, Checkbox, InlineGrid, Page, Select, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';

interface Template {
  status: string;
  subject: string;
  body: string;
  enabled: boolean;
}

/** Every customer-facing status has an e-mail; without a saved template the built-in one is sent. */
const STATUSES = ['received', 'in_review', 'in_production', 'ready', 'shipped', 'completed', 'on_hold', 'cancelled'];

/** The customer e-mail per status: edit, preview against a real order, save. */
export function NotificationTemplatesPage() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [orders, setOrders] = useState<{ id: string; name: string }[]>([]);
  const [selected, setSelected] = useState<Template | null>(null);
  const [orderId, setOrderId] = useState('');
  const [preview, setPreview] = useState<{ subject: string; body: string; to: string | null } | null>(null);
  const [message, setMessage] = useState<{ tone: 'critical' | 'success'; text: string } | null>(null);
  const fail = (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'That did not work' });

  const load = useCallback(() => {
    gql<{ notificationTemplates: Template[]; orders: { nodes: { id: string; name: string }[] } }>('{ notificationTemplates { status subject body enabled } orders(first: 20) { nodes { id name } } }').then((data) => {
      setTemplates(data.notificationTemplates);
      setOrders(data.orders.nodes);
      setOrderId((current) => current || data.orders.nodes[0]?.id || '');
    }, fail);
  }, []);
  useEffect(load, [load]);

  const showPreview = () =>
    selected &&
    gql<{ notificationPreview: { subject: string; body: string; to: string | null } }>(
      'query ($orderId: ID!, $status: String!, $subject: String, $body: String) { notificationPreview(orderId: $orderId, status: $status, subject: $subject, body: $body) { to subject body } }',
      // Empty fields preview the built-in e-mail.
      { orderId, status: selected.status, subject: selected.subject.trim() || null, body: selected.body.trim() || null },
    ).then((data) => setPreview(data.notificationPreview), fail);
  const save = () =>
    selected &&
    gql('mutation ($input: NotificationTemplateInput!) { saveNotificationTemplate(input: $input) { status } }', { input: selected }).then(() => {
      setMessage({ tone: 'success', text: `Saved the ${selected.status} template` });
      load();
    }, fail);

  return (
    <Page title="Notification templates">
      <BlockStack gap="400">
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        <Card>
          <Select
            label="Customer status"
            options={[{ label: 'Choose a status', value: '' }, ...STATUSES.map((status) => ({ label: `${status.replace(/_/g, ' ')}${templates.some((template) => template.status === status) ? ' (customised)' : ''}`, value: status }))]}
            value={selected?.status ?? ''}
            onChange={(status) => {
              setSelected(status ? (templates.find((template) => template.status === status) ?? { status, subject: '', body: '', enabled: true }) : null);
              setPreview(null);
            }}
          />
        </Card>
        {selected && (
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <TextField label="Subject" value={selected.subject} onChange={(subject) => setSelected({ ...selected, subject })} autoComplete="off" />
                <TextField label="Body" value={selected.body} onChange={(body) => setSelected({ ...selected, body })} multiline={10} autoComplete="off" helpText="Liquid: {{ order.name }}, {{ customer.name }}, {{ status_label }}, {{ eta }}, tracking, pickup, items. Leave both fields empty to preview the built-in e-mail." />
                <Checkbox label="Send this e-mail" checked={selected.enabled} onChange={(enabled) => setSelected({ ...selected, enabled })} />
                <Select label="Preview with order" options={orders.map((order) => ({ label: order.name, value: order.id }))} value={orderId} onChange={setOrderId} disabled={orders.length === 0} />
                <InlineGrid columns={2} gap="200">
                  <Button onClick={() => void showPreview()} disabled={!orderId}>Preview</Button>
                  <Button variant="primary" onClick={() => void save()}>Save</Button>
                </InlineGrid>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Preview</Text>
                {preview ? (
                  <>
                    <Text as="p" tone="subdued">{`To: ${preview.to ?? 'no e-mail on the order'}`}</Text>
                    <Text as="p" fontWeight="bold">{preview.subject}</Text>
                    <pre className="mail-preview">{preview.body}</pre>
                  </>
                ) : (
                  <Text as="p" tone="subdued">Choose an order and press Preview.</Text>
                )}
              </BlockStack>
            </Card>
          </InlineGrid>
        )}
      </BlockStack>
    </Page>
  );
}
