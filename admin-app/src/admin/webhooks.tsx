import { Banner, BlockStack, Button, Card, Checkbox, DataTable, InlineStack, Page, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';

interface Subscription {
  id: string;
  url: string;
  topics: string[];
  createdAt: string;
}

/** The API's webhook topics (WEBHOOK_TOPICS in core). */
const TOPICS = ['job.stage_changed', 'order.status_changed', 'shipment.created'];

/** Outgoing webhooks for developers: add one (its signing secret is shown once), remove one. */
export function WebhooksPage() {
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([]);
  const [url, setUrl] = useState('');
  const [topics, setTopics] = useState<string[]>(TOPICS);
  const [message, setMessage] = useState<{ tone: 'critical' | 'success'; text: string } | null>(null);
  const fail = (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'That did not work' });
  const load = useCallback(() => {
    gql<{ webhookSubscriptions: Subscription[] }>('{ webhookSubscriptions { id url topics createdAt } }').then((data) => setSubscriptions(data.webhookSubscriptions), fail);
  }, []);
  useEffect(load, [load]);

  const add = () =>
    gql<{ createWebhookSubscription: { secret: string } }>('mutation ($url: String!, $topics: [String!]!) { createWebhookSubscription(url: $url, topics: $topics) { secret } }', { url, topics }).then((data) => {
      setMessage({ tone: 'success', text: `Webhook added. Its signing secret (shown only now): ${data.createWebhookSubscription.secret}` });
      setUrl('');
      load();
    }, fail);
  const remove = (id: string) => gql('mutation ($id: ID!) { deleteWebhookSubscription(id: $id) }', { id }).then(load, fail);

  return (
    <Page title="Webhooks">
      <BlockStack gap="400">
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Add a webhook</Text>
            <TextField label="Endpoint URL" type="url" value={url} onChange={setUrl} autoComplete="off" placeholder="https://example.com/pressline" />
            <InlineStack gap="400">
              {TOPICS.map((topic) => (
                <Checkbox key={topic} label={topic} checked={topics.includes(topic)} onChange={(on) => setTopics(on ? [...topics, topic] : topics.filter((other) => other !== topic))} />
              ))}
            </InlineStack>
            <InlineStack>
              <Button variant="primary" onClick={() => void add()} disabled={!url.trim() || topics.length === 0}>Add webhook</Button>
            </InlineStack>
          </BlockStack>
        </Card>
        <Card>
          <DataTable
            columnContentTypes={['text', 'text', 'text', 'text']}
            headings={['Endpoint', 'Topics', 'Added', '']}
            rows={subscriptions.map((subscription) => [
              subscription.url,
              subscription.topics.join(', '),
              new Date(subscription.createdAt).toLocaleDateString(),
              <Button key={subscription.id} size="slim" tone="critical" onClick={() => void remove(subscription.id)} accessibilityLabel={`Remove webhook ${subscription.url}`}>Remove</Button>,
            ])}
          />
        </Card>
      </BlockStack>
    </Page>
  );
}
