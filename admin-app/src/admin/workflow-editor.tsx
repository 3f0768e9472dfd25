import { Banner, BlockStack, Button, Card, DataTable, Page, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { unreachableStages, type DraftWorkflow } from './workflow-reach.ts';

interface Workflow {
  initialStage: string;
  stages: { key: string; label: string; category: string; customerStatus: string }[];
  transitions: { from: string | null; fromCategories: string[] | null; to: string | null; toCategories: string[] | null; guards: string[]; actions: string[] }[];
}

const QUERY = '{ workflow { initialStage stages { key label category customerStatus } transitions { from fromCategories to toCategories guards actions } } }';
const side = (key: string | null, categories: string[] | null) => key ?? (categories ? `any ${categories.join('/')}` : '—');

/** Strips empty sides so the JSON reads like the input the API takes. */
function editable(workflow: Workflow): string {
  const transitions = workflow.transitions.map((rule) =>
    Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))),
  );
  return JSON.stringify({ initialStage: workflow.initialStage, stages: workflow.stages, transitions }, null, 2);
}

/**
 * The shop's stages and allowed moves. Edited as JSON for now; the API refuses a workflow
 * where a stage becomes unreachable or a job would be stranded, and its problems show here.
 */
export function WorkflowEditorPage() {
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ tone: 'critical' | 'success'; text: string } | null>(null);
  const load = useCallback(() => {
    gql<{ workflow: Workflow }>(QUERY).then((data) => {
      setWorkflow(data.workflow);
      setDraft(editable(data.workflow));
    }, (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'The workflow could not be loaded' }));
  }, []);
  useEffect(load, [load]);

  const save = async () => {
    let input: unknown;
    try {
      input = JSON.parse(draft);
    } catch {
      setMessage({ tone: 'critical', text: 'The workflow is not valid JSON' });
      return;
    }
    const stranded = unreachableStages(input as DraftWorkflow);
    if (stranded.length > 0) {
      setMessage({ tone: 'critical', text: `Not saved: no move leads to ${stranded.map((key) => `"${key}"`).join(', ')} any more, so no job could reach it.` });
      return;
    }
    try {
      await gql('mutation ($input: WorkflowInput!) { updateWorkflow(input: $input) { initialStage } }', { input });
      setMessage({ tone: 'success', text: 'Workflow saved' });
      load();
    } catch (error) {
      setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'The workflow could not be saved' });
    }
  };

  return (
    <Page title="Workflow">
      <BlockStack gap="400">
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        {workflow && (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">{`Stages (jobs start in ${workflow.initialStage})`}</Text>
              <DataTable
                columnContentTypes={['text', 'text', 'text', 'text']}
                headings={['Key', 'Label', 'Category', 'Customer sees']}
                rows={workflow.stages.map((stage) => [stage.key, stage.label, stage.category, stage.customerStatus])}
              />
              <Text as="h2" variant="headingMd">Allowed moves</Text>
              <DataTable
                columnContentTypes={['text', 'text', 'text', 'text']}
                headings={['From', 'To', 'Guards', 'Actions']}
                rows={workflow.transitions.map((rule) => [side(rule.from, rule.fromCategories), side(rule.to, rule.toCategories), rule.guards.join(', '), rule.actions.join(', ')])}
              />
            </BlockStack>
          </Card>
        )}
        <Card>
          <BlockStack gap="200">
            <TextField label="Workflow (JSON)" value={draft} onChange={setDraft} multiline={16} autoComplete="off" monospaced />
            <Button variant="primary" onClick={() => void save()}>Save workflow</Button>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
