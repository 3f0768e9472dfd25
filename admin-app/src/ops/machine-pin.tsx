import { BlockStack, Button, Card, InlineStack, Select, Text } from '@shopify/polaris';
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';

interface MachineOption {
  id: string;
  name: string;
  state: string;
}

/** Keeps a job on one machine (the scheduler plans it there and nowhere else), or lets the scheduler choose again. */
export function MachinePin(props: { pinned: { id: string; name: string } | null; busy: boolean; onPin: (machineId: string | null) => void }) {
  const [machines, setMachines] = useState<MachineOption[] | null>(null);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    gql<{ machines: MachineOption[] }>('{ machines { id name state } }').then((data) => setMachines(data.machines), () => setMachines([]));
  }, []);
  const options = (machines ?? []).map((machine) => ({ label: machine.state === 'UP' ? machine.name : `${machine.name} (${machine.state.toLowerCase()})`, value: machine.id }));
  const selected = choice || props.pinned?.id || options[0]?.value || '';

  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Machine pin</Text>
        <Text as="p">{props.pinned ? `Pinned to ${props.pinned.name}` : 'Not pinned: the scheduler picks the machine.'}</Text>
        {machines?.length === 0 ? (
          <Text as="p" tone="subdued">No machines yet.</Text>
        ) : (
          <>
            <Select label="Pin to machine" options={options} value={selected} onChange={setChoice} disabled={props.busy || machines === null} />
            <InlineStack gap="200">
              <Button onClick={() => props.onPin(selected)} disabled={props.busy || !selected || selected === props.pinned?.id}>Pin</Button>
              {props.pinned && <Button onClick={() => props.onPin(null)} disabled={props.busy} accessibilityLabel={`Unpin from ${props.pinned.name}`}>Unpin</Button>}
            </InlineStack>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
