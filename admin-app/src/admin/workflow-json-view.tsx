import { BlockStack, Button, Card, Collapsible, InlineStack, Text, TextField } from '@shopify/polaris';
import { useState } from 'react';

/**
 * The draft as the JSON updateWorkflow takes, for copying or pasting a whole workflow.
 * It stays in step with the form: edits here change the rows above once they read as a workflow.
 */
export function WorkflowJsonView({ json, problem, onChange }: { json: string; problem: string | null; onChange: (json: string) => void }) {
  const [open, setOpen] = useState(true);
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">Advanced: JSON</Text>
          <Button variant="plain" ariaExpanded={open} ariaControls="workflow-json" onClick={() => setOpen(!open)}>{open ? 'Hide JSON' : 'Show JSON'}</Button>
        </InlineStack>
        <Collapsible id="workflow-json" open={open}>
          <TextField
            label="Workflow (JSON)"
            helpText="The same workflow as the form above; changes here show in the form, and saving checks them the same way."
            value={json}
            onChange={onChange}
            error={problem ?? undefined}
            multiline={12}
            maxHeight={320}
            autoComplete="off"
            monospaced
          />
        </Collapsible>
      </BlockStack>
    </Card>
  );
}
