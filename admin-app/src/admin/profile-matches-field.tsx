import { BlockStack, Button, FormLayout, InlineStack, Text, TextField } from '@shopify/polaris';
import { EMPTY_MATCH, type MatchDraft } from './profile-draft.ts';

/** The rows saying which order lines the profile is for: by SKU, product id, variant id, or several at once. */
export function ProfileMatchesField({ matches, onChange }: { matches: MatchDraft[]; onChange: (matches: MatchDraft[]) => void }) {
  const setRow = (index: number, key: keyof MatchDraft) => (value: string) => onChange(matches.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">Matches</Text>
      <Text as="p" tone="subdued">A line matches a row when every filled field equals the line&apos;s. Use SKU * for every line.</Text>
      {matches.map((row, index) => (
        <FormLayout.Group key={index} condensed>
          <TextField label={`Match ${index + 1} SKU`} value={row.sku} onChange={setRow(index, 'sku')} autoComplete="off" />
          <TextField label={`Match ${index + 1} product id`} value={row.productExternalId} onChange={setRow(index, 'productExternalId')} autoComplete="off" />
          <TextField label={`Match ${index + 1} variant id`} value={row.variantExternalId} onChange={setRow(index, 'variantExternalId')} autoComplete="off" />
          <div className="row-action">
            <Button onClick={() => onChange(matches.filter((_, i) => i !== index))} accessibilityLabel={`Remove match ${index + 1}`}>Remove</Button>
          </div>
        </FormLayout.Group>
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...matches, { ...EMPTY_MATCH }])}>Add match</Button>
      </InlineStack>
    </BlockStack>
  );
}
