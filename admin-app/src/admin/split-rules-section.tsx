import { Banner, BlockStack, Box, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { useSave } from './use-save.ts';
import { capProblem, moveRow, newSplitRow, SPLIT_MODES, SPLIT_RULE_FIELDS, splitDraftsFrom, splitRulesInput, type SplitRule, type SplitRuleDraft } from './split-rule-draft.ts';

/** The shop's split rules as ordered rows: the first rule whose filled fields all equal a line's decides how it becomes jobs. */
export function SplitRulesSection() {
  const [rows, setRows] = useState<SplitRuleDraft[] | null>(null);
  const { saving, message, setMessage, save: run } = useSave();
  const load = useCallback(() => {
    gql<{ splitRules: SplitRule[] }>(`{ splitRules { ${SPLIT_RULE_FIELDS} } }`).then(
      (data) => setRows(splitDraftsFrom(data.splitRules)),
      (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'The split rules could not be loaded' }),
    );
  }, []);
  useEffect(load, [load]);
  if (!rows) return <Card>{message ? <Banner tone={message.tone}>{message.text}</Banner> : <Text as="p">Loading split rules…</Text>}</Card>;

  const setRow = (index: number, key: keyof SplitRuleDraft) => (value: string) => setRows(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const save = async () => {
    if (rows.some((row) => capProblem(row))) {
      setMessage({ tone: 'critical', text: 'Not saved: fix the marked max units first' });
      return;
    }
    await run(async () => {
      const saved = await gql<{ saveSplitRules: SplitRule[] }>(`mutation ($rules: [SplitRuleInput!]!) { saveSplitRules(rules: $rules) { ${SPLIT_RULE_FIELDS} } }`, { rules: splitRulesInput(rows) });
      setRows(splitDraftsFrom(saved.saveSplitRules));
      return 'Split rules saved: new orders are split by them';
    });
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Split rules</Text>
        <Text as="p" tone="subdued">
          How an order becomes jobs. A line takes the first rule whose filled fields all equal its own (empty fields match any line); a line no rule matches is one job. Orders already split keep their jobs.
        </Text>
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        {rows.length === 0 && <Text as="p">No rules: every line is one job.</Text>}
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Box key={row.id} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">{`Rule ${n}`}</Text>
                <FormLayout>
                  <FormLayout.Group condensed>
                    <TextField label={`Rule ${n} SKU`} value={row.sku} onChange={setRow(index, 'sku')} placeholder="any" autoComplete="off" />
                    <TextField label={`Rule ${n} product id`} value={row.productExternalId} onChange={setRow(index, 'productExternalId')} placeholder="any" autoComplete="off" />
                    <TextField label={`Rule ${n} variant id`} value={row.variantExternalId} onChange={setRow(index, 'variantExternalId')} placeholder="any" autoComplete="off" />
                  </FormLayout.Group>
                  <FormLayout.Group condensed>
                    <Select label={`Rule ${n} mode`} options={SPLIT_MODES} value={row.mode} onChange={setRow(index, 'mode')} />
                    <TextField
                      label={`Rule ${n} max units per job`}
                      type="number"
                      value={row.mode === 'per_unit' ? '' : row.maxUnitsPerJob}
                      onChange={setRow(index, 'maxUnitsPerJob')}
                      disabled={row.mode === 'per_unit'}
                      placeholder={row.mode === 'per_unit' ? 'one per job' : 'no cap'}
                      error={capProblem(row) ?? undefined}
                      autoComplete="off"
                    />
                  </FormLayout.Group>
                </FormLayout>
                <InlineStack gap="200">
                  <Button size="slim" disabled={index === 0} onClick={() => setRows(moveRow(rows, index, -1))} accessibilityLabel={`Move rule ${n} up`}>Move up</Button>
                  <Button size="slim" disabled={index === rows.length - 1} onClick={() => setRows(moveRow(rows, index, 1))} accessibilityLabel={`Move rule ${n} down`}>Move down</Button>
                  <Button size="slim" tone="critical" onClick={() => setRows(rows.filter((_, i) => i !== index))} accessibilityLabel={`Remove rule ${n}`}>Remove</Button>
                </InlineStack>
              </BlockStack>
            </Box>
          );
        })}
        <InlineStack gap="200">
          <Button onClick={() => setRows([...rows, newSplitRow()])}>Add rule</Button>
          <Button variant="primary" onClick={() => void save()} loading={saving}>Save split rules</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
