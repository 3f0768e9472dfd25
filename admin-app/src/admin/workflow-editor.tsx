import { Banner, BlockStack, Button, Card, InlineStack, Page, Text, type BannerHandles } from '@shopify/polaris';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, gql } from '../api/graphql.ts';
import { draftFrom, draftToInput, withNewMove, withNewStage, type WorkflowDraft, type WorkflowInput } from './workflow-draft.ts';
import { draftFromJson, draftToJson } from './workflow-json.ts';
import { WorkflowJsonView } from './workflow-json-view.tsx';
import { WorkflowMoves, WorkflowTerms } from './workflow-moves.tsx';
import { VOCABULARY_FIELDS, type Vocabulary } from './workflow-options.ts';
import { checkDraft, placeName, serverProblemText, unreachableSentence } from './workflow-problems.ts';
import { WorkflowStages } from './workflow-stages.tsx';

const QUERY = `{ workflow { initialStage stages { key label category customerStatus } transitions { from fromCategories to toCategories guards actions } } ${VOCABULARY_FIELDS} }`;
const UPDATE = 'mutation ($input: WorkflowInput!) { updateWorkflow(input: $input) { initialStage } }';

type Outcome = { tone: 'success'; text: string } | { tone: 'critical'; text: string; problems: string[] };

const messageOf = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/**
 * The shop's stages and allowed moves as a form. Nothing is saved while the form has a
 * problem (each shows beside its field); the API's own refusals show in the banner.
 */
export function WorkflowEditorPage() {
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const [saved, setSaved] = useState<WorkflowInput | null>(null);
  const [draft, setDraft] = useState<WorkflowDraft | null>(null);
  const [json, setJson] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  // A fresh object each time, so focusing the same control twice still happens.
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  const banner = useRef<BannerHandles>(null);

  const savedKeys = new Set(saved?.stages.map((stage) => stage.key));
  const reset = (workflow: WorkflowInput) => {
    const fresh = draftFrom(workflow, new Set(workflow.stages.map((stage) => stage.key)));
    setSaved(workflow);
    setDraft(fresh);
    setJson(draftToJson(fresh));
    setJsonProblem(null);
    setTried(0);
  };
  const load = useCallback(async () => {
    try {
      const data = await gql<{ workflow: WorkflowInput; workflowVocabulary: Vocabulary }>(QUERY);
      setVocabulary(data.workflowVocabulary);
      reset(data.workflow);
    } catch (error) {
      setOutcome({ tone: 'critical', text: messageOf(error, 'The workflow could not be loaded'), problems: [] });
    }
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const check = draft ? checkDraft(draft) : { problems: [], unreachable: [] };
  const refused = jsonProblem !== null || check.problems.length > 0 || check.unreachable.length > 0;
  const showProblems = tried > 0;
  useEffect(() => {
    if (tried > 0) banner.current?.focus();
  }, [tried]);

  const edit = (next: WorkflowDraft, focusOn?: string) => {
    setDraft(next);
    setJson(draftToJson(next));
    setJsonProblem(null);
    setOutcome(null);
    if (focusOn) setFocus({ id: focusOn });
  };
  const editJson = (text: string) => {
    setJson(text);
    setOutcome(null);
    const read = draftFromJson(text, savedKeys);
    setJsonProblem(read.ok ? null : read.message);
    if (read.ok) setDraft(read.draft);
  };

  const save = async () => {
    if (!draft) return;
    setOutcome(null);
    if (refused) {
      setTried((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await gql(UPDATE, { input: draftToInput(draft) });
      setOutcome({ tone: 'success', text: 'Workflow saved' });
      // A failed reload replaces the message with its own.
      await load();
    } catch (error) {
      const problems = error instanceof ApiError ? error.problems.map(serverProblemText) : [];
      setOutcome({ tone: 'critical', text: problems.length > 0 ? 'Not saved: the workflow is not valid.' : `Not saved: ${messageOf(error, 'that did not work')}`, problems });
      setTried((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    if (saved) reset(saved);
    setOutcome(null);
  };

  const fieldProblems = showProblems ? check.problems : [];
  return (
    <Page title="Workflow">
      <BlockStack gap="400">
        {showProblems && refused && (
          <Banner ref={banner} tone="critical">
            <BlockStack gap="100">
              {jsonProblem && <p>{`Not saved: the JSON below cannot be read (${jsonProblem}).`}</p>}
              {check.unreachable.length > 0 && <p>{`Not saved: ${unreachableSentence(check.unreachable)}`}</p>}
              {check.problems.length > 0 && (
                <>
                  <p>{`Not saved: ${check.problems.length === 1 ? 'a field needs' : `${check.problems.length} fields need`} fixing.`}</p>
                  <ul>{check.problems.map((problem, i) => <li key={i}>{`${placeName(problem.place)}: ${problem.message}`}</li>)}</ul>
                </>
              )}
            </BlockStack>
          </Banner>
        )}
        {outcome && (
          <Banner ref={outcome.tone === 'critical' ? banner : undefined} tone={outcome.tone} onDismiss={() => setOutcome(null)}>
            <p>{outcome.text}</p>
            {outcome.tone === 'critical' && outcome.problems.length > 0 && <ul>{outcome.problems.map((problem, i) => <li key={i}>{problem}</li>)}</ul>}
          </Banner>
        )}
        {draft && vocabulary && (
          <>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Stages</Text>
                <WorkflowStages
                  draft={draft}
                  vocabulary={vocabulary}
                  problems={fieldProblems}
                  unreachable={showProblems ? check.unreachable : []}
                  onChange={edit}
                  onRemove={(index) => edit({ ...draft, stages: draft.stages.filter((_, i) => i !== index) }, 'workflow-add-stage')}
                />
                <InlineStack>
                  <Button id="workflow-add-stage" onClick={() => {
                    const next = withNewStage(draft, 'active', 'in_production');
                    edit(next, `${next.stages.at(-1)!.id}-label`);
                  }}>Add stage</Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Allowed moves</Text>
                <WorkflowTerms vocabulary={vocabulary} />
                <WorkflowMoves
                  draft={draft}
                  vocabulary={vocabulary}
                  problems={fieldProblems}
                  onChange={edit}
                  onRemove={(index) => edit({ ...draft, moves: draft.moves.filter((_, i) => i !== index) }, 'workflow-add-move')}
                />
                <InlineStack>
                  <Button id="workflow-add-move" onClick={() => {
                    const next = withNewMove(draft);
                    edit(next, `${next.moves.at(-1)!.id}-from`);
                  }}>Add move</Button>
                </InlineStack>
              </BlockStack>
            </Card>
            <InlineStack gap="200">
              <Button variant="primary" onClick={() => void save()} loading={saving}>Save workflow</Button>
              <Button onClick={discard} disabled={saving}>Discard changes</Button>
            </InlineStack>
            <WorkflowJsonView json={json} problem={jsonProblem} onChange={editJson} />
          </>
        )}
      </BlockStack>
    </Page>
  );
}
