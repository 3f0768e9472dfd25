import { Banner, BlockStack, Button, ButtonGroup, Card, DataTable, Modal, Page, Select, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { MACHINE_FIELDS, type Machine, type MachineState } from './machine-draft.ts';
import { MachineForm } from './machine-form.tsx';
import { SetupMatrixEditor } from './setup-matrix-editor.tsx';

const STATES = [
  { label: 'Up', value: 'UP' },
  { label: 'Down', value: 'DOWN' },
  { label: 'Maintenance', value: 'MAINTENANCE' },
];

/** The shop's machines and calendars: list, add, edit, take down or delete them, and the changeover times between setup families. */
export function MachinesPage() {
  const [machines, setMachines] = useState<Machine[] | null>(null);
  // undefined: no form open; null: a new machine.
  const [editing, setEditing] = useState<Machine | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Machine | null>(null);
  const [message, setMessage] = useState<{ tone: 'critical' | 'success'; text: string } | null>(null);
  const fail = (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'That did not work' });
  const load = useCallback(() => {
    gql<{ machines: Machine[] }>(`{ machines { ${MACHINE_FIELDS} } }`).then((data) => setMachines(data.machines), fail);
  }, []);
  useEffect(load, [load]);

  const open = (machine: Machine | null) => {
    setMessage(null);
    setEditing(machine);
  };
  const onSaved = (name: string) => {
    setEditing(undefined);
    setMessage({ tone: 'success', text: `Saved ${name}` });
    load();
  };
  const setState = (machine: Machine, state: string) =>
    gql('mutation ($id: ID!, $state: MachineState!) { setMachineState(id: $id, state: $state, reason: "set in the admin") { id } }', { id: machine.id, state }).then(load, fail);
  const remove = async (machine: Machine) => {
    setDeleting(null);
    try {
      await gql('mutation ($id: ID!) { deleteMachine(id: $id) }', { id: machine.id });
      if (editing?.id === machine.id) setEditing(undefined);
      setMessage({ tone: 'success', text: `Deleted ${machine.name}` });
      load();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Page title="Machines" primaryAction={{ content: 'Add machine', onAction: () => open(null) }}>
      <BlockStack gap="400">
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        {editing !== undefined && <MachineForm key={editing?.id ?? 'new'} machine={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />}
        <Card>
          {machines?.length === 0 ? (
            <Text as="p" tone="subdued">No machines yet: without one, no job is planned.</Text>
          ) : (
            <DataTable
              columnContentTypes={['text', 'text', 'text', 'numeric', 'numeric', 'text']}
              headings={['Name', 'Processes', 'State', 'Time factor', 'Queue', '']}
              rows={(machines ?? []).map((machine) => [
                machine.name,
                machine.processes.join(', '),
                <Select key={`${machine.id}-state`} label={`State of ${machine.name}`} labelHidden options={STATES} value={machine.state} onChange={(state) => void setState(machine, state as MachineState)} />,
                `${machine.timeFactor}×`,
                String(machine.queue.length),
                <ButtonGroup key={machine.id}>
                  <Button size="slim" onClick={() => open(machine)} accessibilityLabel={`Edit ${machine.name}`}>Edit</Button>
                  <Button size="slim" tone="critical" onClick={() => setDeleting(machine)} accessibilityLabel={`Delete ${machine.name}`}>Delete</Button>
                </ButtonGroup>,
              ])}
            />
          )}
        </Card>
        <SetupMatrixEditor />
      </BlockStack>
      <Modal
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting?.name ?? 'machine'}?`}
        primaryAction={{ content: 'Delete machine', destructive: true, onAction: () => void (deleting && remove(deleting)) }}
        secondaryActions={[{ content: 'Cancel', onAction: () => setDeleting(null) }]}
      >
        <Modal.Section>
          <Text as="p">It leaves the plan: its queue goes to the other machines, and jobs pinned to it wait until they are pinned again.</Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
