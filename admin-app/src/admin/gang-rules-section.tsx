import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { useSave } from './use-save.ts';

interface GangRules {
  windowDays: number;
  rush: string;
  rushTag: string;
  plannedStage: string;
  runningStage: string;
  finishedStage: string;
}

const FIELDS = 'windowDays rush rushTag plannedStage runningStage finishedStage';

const RUSH = [
  { label: 'Gang rush jobs first', value: 'first' },
  { label: 'Gang rush jobs like any other', value: 'include' },
  { label: 'Keep rush jobs out of gang runs', value: 'exclude' },
];

/** Which waiting jobs may share a gang run, and which workflow stages a run moves its jobs to. */
export function GangRulesSection() {
  const [rules, setRules] = useState<GangRules | null>(null);
  const [windowDays, setWindowDays] = useState('');
  const [stages, setStages] = useState<{ label: string; value: string }[]>([]);
  const { saving, message, setMessage, save: run } = useSave();
  const load = useCallback(() => {
    gql<{ gangRules: GangRules; workflow: { stages: { key: string; label: string }[] } }>(`{ gangRules { ${FIELDS} } workflow { stages { key label } } }`).then(
      (data) => {
        setRules(data.gangRules);
        setWindowDays(String(data.gangRules.windowDays));
        setStages(data.workflow.stages.map((stage) => ({ label: stage.label, value: stage.key })));
      },
      (error: unknown) => setMessage({ tone: 'critical', text: error instanceof ApiError ? error.message : 'The gang rules could not be loaded' }),
    );
  }, []);
  useEffect(load, [load]);
  if (!rules) return <Card>{message ? <Banner tone={message.tone}>{message.text}</Banner> : <Text as="p">Loading gang rules…</Text>}</Card>;

  const set = (key: keyof GangRules) => (value: string) => setRules({ ...rules, [key]: value });
  const days = Number(windowDays);
  const daysProblem = windowDays.trim() !== '' && Number.isSafeInteger(days) && days >= 0 ? null : 'Days must be a whole number of 0 or more';
  const save = async () => {
    if (daysProblem) return;
    await run(async () => {
      const saved = await gql<{ saveGangRules: GangRules }>(`mutation ($input: GangRulesInput!) { saveGangRules(input: $input) { ${FIELDS} } }`, { input: { ...rules, windowDays: days } });
      setRules(saved.saveGangRules);
      setWindowDays(String(saved.saveGangRules.windowDays));
      return 'Gang rules saved';
    });
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Gang rules</Text>
        <Text as="p" tone="subdued">Gangable jobs that share process, material, finishing and colour are offered for one run; these rules decide which of them may go together.</Text>
        {message && <Banner tone={message.tone} onDismiss={() => setMessage(null)}>{message.text}</Banner>}
        <FormLayout>
          <FormLayout.Group>
            <TextField label="Gang jobs due within (days)" type="number" value={windowDays} onChange={setWindowDays} error={daysProblem ?? undefined} helpText="of the group's most urgent job" autoComplete="off" />
            <Select label="Rush jobs" options={RUSH} value={rules.rush} onChange={set('rush')} />
            <TextField label="Rush tag" value={rules.rushTag} onChange={set('rushTag')} autoComplete="off" />
          </FormLayout.Group>
          <FormLayout.Group condensed>
            <Select label="Stage when a run is planned" options={stages} value={rules.plannedStage} onChange={set('plannedStage')} />
            <Select label="Stage when a run starts" options={stages} value={rules.runningStage} onChange={set('runningStage')} />
            <Select label="Stage when a run is finished" options={stages} value={rules.finishedStage} onChange={set('finishedStage')} />
          </FormLayout.Group>
        </FormLayout>
        <InlineStack>
          <Button variant="primary" onClick={() => void save()} loading={saving} disabled={daysProblem !== null}>Save gang rules</Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
