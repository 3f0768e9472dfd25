import { Banner, Button, Card, DataTable, Page } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';

interface Failure {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  order: { name: string } | null;
}

/** Effects that gave up (pushes to the platform, e-mails, webhooks), each with a retry. */
export function OutboxFailuresPage() {
  const [failures, setFailures] = useState<Failure[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    gql<{ outboxFailures: Failure[] }>('{ outboxFailures { id kind status attempts lastError order { name } } }').then(
      (data) => setFailures(data.outboxFailures),
      (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'The failures could not be loaded'),
    );
  }, []);
  useEffect(load, [load]);
  const retry = (id: string) =>
    gql('mutation Retry($id: ID!) { retryOutboxEffect(id: $id) { id } }', { id }).then(load, (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'Retry failed'));
  return (
    <Page title="Outbox failures">
      {problem && <Banner tone="critical">{problem}</Banner>}
      <Card>
        <DataTable
          columnContentTypes={['text', 'text', 'numeric', 'text', 'text']}
          headings={['Order', 'Effect', 'Attempts', 'Last error', '']}
          rows={failures.map((failure) => [
            failure.order?.name ?? '—',
            failure.kind,
            failure.attempts,
            failure.lastError ?? '',
            <Button key={failure.id} size="slim" onClick={() => void retry(failure.id)} accessibilityLabel={`Retry ${failure.kind} for ${failure.order?.name ?? 'shop'}`}>Retry</Button>,
          ])}
        />
      </Card>
    </Page>
  );
}
