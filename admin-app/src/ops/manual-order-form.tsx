import { Banner, BlockStack, Button, Checkbox, Form, FormLayout, InlineStack, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError } from '../api/graphql.ts';
import { createManualOrder, jobForItem, uploadJobFile } from './jobs-query.ts';

interface ItemRow {
  title: string;
  sku: string;
  quantity: string;
  file: File | null;
}

const emptyItem = (): ItemRow => ({ title: '', sku: '', quantity: '1', file: null });
const message = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/**
 * A walk-in or phone order: items with SKU (so profiles and split rules apply), quantity and
 * an optional design file each. It goes through the same intake as a web order; each file
 * then goes to the job that makes its item and through preflight like any other.
 */
export function ManualOrderForm(props: { onCreated: (orderName: string, missedFiles: string[]) => void; onCancel: () => void }) {
  const [customerName, setCustomerName] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const [items, setItems] = useState<ItemRow[]>([emptyItem()]);
  const [dueDate, setDueDate] = useState('');
  const [tags, setTags] = useState('');
  const [rush, setRush] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (index: number, patch: Partial<ItemRow>) => setItems((rows) => rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const given = items.filter((row) => row.title.trim() !== '');
      const order = await createManualOrder({
        customerName,
        customerEmail,
        items: given.map((row) => ({ title: row.title.trim(), quantity: Number(row.quantity) || 0, sku: row.sku.trim() || null })),
        dueAt: dueDate ? new Date(`${dueDate}T17:00:00`).toISOString() : null,
        rush,
        tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean),
      });
      // The order stands once created (the form closes, so it is never created twice); a file
      // that failed is named so it can be added on its job.
      const missed: string[] = [];
      for (const [index, row] of given.entries()) {
        if (!row.file) continue;
        const jobId = jobForItem(order, index);
        try {
          if (!jobId) throw new Error('no job makes this item');
          await uploadJobFile(jobId, row.file);
        } catch (error) {
          missed.push(`${row.file.name} (${message(error, 'upload failed')})`);
        }
      }
      props.onCreated(order.name, missed);
    } catch (error) {
      setProblem(message(error, 'The order could not be created'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={() => void submit()}>
      <FormLayout>
        {problem && <Banner tone="critical">{problem}</Banner>}
        <FormLayout.Group>
          <TextField label="Customer name" value={customerName} onChange={setCustomerName} autoComplete="name" requiredIndicator />
          <TextField label="Customer e-mail" type="email" value={customerEmail} onChange={setCustomerEmail} autoComplete="email" />
        </FormLayout.Group>
        {items.map((row, index) => (
          <fieldset key={index} className="manual-item" aria-label={`Item ${index + 1}`}>
            <BlockStack gap="200">
              <FormLayout.Group condensed>
                <TextField label={`Item ${index + 1}`} value={row.title} onChange={(title) => change(index, { title })} autoComplete="off" requiredIndicator={index === 0} />
                <TextField label={`SKU ${index + 1}`} value={row.sku} onChange={(sku) => change(index, { sku })} autoComplete="off" />
                <TextField label={`Quantity ${index + 1}`} type="number" min={1} value={row.quantity} onChange={(quantity) => change(index, { quantity })} autoComplete="off" />
              </FormLayout.Group>
              <InlineStack gap="200" blockAlign="center">
                <label className="upload">
                  <span>{`Design file ${index + 1}`}</span>
                  <input type="file" onChange={(event) => change(index, { file: event.currentTarget.files?.[0] ?? null })} />
                </label>
                {items.length > 1 && (
                  <Button onClick={() => setItems((rows) => rows.filter((_, at) => at !== index))} accessibilityLabel={`Remove item ${index + 1}`}>Remove</Button>
                )}
              </InlineStack>
            </BlockStack>
          </fieldset>
        ))}
        <Button onClick={() => setItems((rows) => [...rows, emptyItem()])}>Add item</Button>
        <FormLayout.Group>
          <TextField label="Due date" type="date" value={dueDate} onChange={setDueDate} autoComplete="off" />
          <TextField label="Tags (comma separated)" value={tags} onChange={setTags} autoComplete="off" />
        </FormLayout.Group>
        <Checkbox label="Rush" checked={rush} onChange={setRush} />
        <FormLayout.Group>
          <Button submit variant="primary" loading={busy}>Create job</Button>
          <Button onClick={props.onCancel}>Cancel</Button>
        </FormLayout.Group>
      </FormLayout>
    </Form>
  );
}
