import { Banner, Button, Checkbox, Form, FormLayout, TextField } from '@shopify/polaris';
import { useState } from 'react';
import { ApiError } from '../api/graphql.ts';
import { createManualOrder } from './jobs-query.ts';

/** A walk-in or phone order: it goes through the same intake as a web order and its jobs land on the board. */
export function ManualOrderForm(props: { onCreated: (orderName: string) => void; onCancel: () => void }) {
  const [customerName, setCustomerName] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [dueDate, setDueDate] = useState('');
  const [tags, setTags] = useState('');
  const [rush, setRush] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const order = await createManualOrder({
        customerName,
        customerEmail,
        items: item
          .split('\n')
          .map((title) => title.trim())
          .filter(Boolean)
          .map((title) => ({ title, quantity: Number(quantity) || 0 })),
        dueAt: dueDate ? new Date(`${dueDate}T17:00:00`).toISOString() : null,
        rush,
        tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean),
      });
      props.onCreated(order.name);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The order could not be created');
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
        <TextField label="Items (one per line)" value={item} onChange={setItem} multiline={2} autoComplete="off" requiredIndicator />
        <FormLayout.Group>
          <TextField label="Quantity" type="number" min={1} value={quantity} onChange={setQuantity} autoComplete="off" />
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
