import { BlockStack, Button, Checkbox, Select, Text } from '@shopify/polaris';
import { DeleteIcon } from '@shopify/polaris-icons';
import { toggled, type MoveDraft, type WorkflowDraft } from './workflow-draft.ts';
import { humanize, sideLabel, sideOptions, type Vocabulary } from './workflow-options.ts';
import type { DraftProblem } from './workflow-problems.ts';

interface Props {
  draft: WorkflowDraft;
  vocabulary: Vocabulary;
  problems: DraftProblem[];
  onChange: (draft: WorkflowDraft) => void;
  onRemove: (index: number) => void;
}

const descriptionId = (kind: 'guard' | 'action', key: string) => `workflow-${kind}-${key}`;

/** What each guard and action does, once; every checkbox points here for its description. */
export function WorkflowTerms({ vocabulary }: { vocabulary: Vocabulary }) {
  const terms = (kind: 'guard' | 'action', list: Vocabulary['guards']) =>
    list.map((term) => (
      <div key={term.key} className="workflow-term">
        <dt>{humanize(term.key)}</dt>
        <dd id={descriptionId(kind, term.key)}>{term.description}</dd>
      </div>
    ));
  return (
    <div className="workflow-terms">
      <div>
        <Text as="p" fontWeight="semibold">Guards: the move is offered only when they pass</Text>
        <dl>{terms('guard', vocabulary.guards)}</dl>
      </div>
      <div>
        <Text as="p" fontWeight="semibold">Actions: what happens when a job makes the move</Text>
        <dl>{terms('action', vocabulary.actions)}</dl>
      </div>
    </div>
  );
}

/** The allowed moves, one row each: from a stage or any stage of a category, to another, with guards and actions. */
export function WorkflowMoves({ draft, vocabulary, problems, onChange, onRemove }: Props) {
  const errorOf = (index: number, field: 'from' | 'to') =>
    problems.find((p) => p.place.kind === 'move' && p.place.index === index && p.place.field === field)?.message;
  const set = (index: number, patch: Partial<MoveDraft>) => onChange({ ...draft, moves: draft.moves.map((move, i) => (i === index ? { ...move, ...patch } : move)) });

  const checks = (move: MoveDraft, index: number, kind: 'guard' | 'action') => {
    const list = kind === 'guard' ? vocabulary.guards : vocabulary.actions;
    const ticked = kind === 'guard' ? move.guards : move.actions;
    const order = list.map((term) => term.key);
    return (
      <div role="group" aria-label={`Move ${index + 1} ${kind}s`} className="workflow-checks">
        <BlockStack gap="0">
          {list.map((term) => (
            <Checkbox
              key={term.key}
              label={humanize(term.key)}
              ariaDescribedBy={descriptionId(kind, term.key)}
              checked={ticked.includes(term.key)}
              onChange={(on) => set(index, kind === 'guard' ? { guards: toggled(move.guards, term.key, on, order) } : { actions: toggled(move.actions, term.key, on, order) })}
            />
          ))}
        </BlockStack>
      </div>
    );
  };

  return (
    <div className="workflow-scroll">
      <table className="workflow-table">
        <thead>
          <tr>
            <th scope="col" className="workflow-number">#</th>
            <th scope="col" className="workflow-side">From</th>
            <th scope="col" className="workflow-side">To</th>
            <th scope="col">Guards</th>
            <th scope="col">Actions</th>
            <th scope="col" className="workflow-remove"><Text as="span" visuallyHidden>Remove</Text></th>
          </tr>
        </thead>
        <tbody>
          {draft.moves.map((move, index) => {
            const n = index + 1;
            return (
              <tr key={move.id}>
                <td className="workflow-number">{n}</td>
                <td className="workflow-side">
                  <Select id={`${move.id}-from`} label={`Move ${n} from`} labelHidden placeholder="Choose…" options={sideOptions(draft, vocabulary.categories, move.from)} value={move.from} onChange={(from) => set(index, { from })} error={errorOf(index, 'from')} />
                </td>
                <td className="workflow-side">
                  <Select label={`Move ${n} to`} labelHidden placeholder="Choose…" options={sideOptions(draft, vocabulary.categories, move.to)} value={move.to} onChange={(to) => set(index, { to })} error={errorOf(index, 'to')} />
                </td>
                <td>{checks(move, index, 'guard')}</td>
                <td>{checks(move, index, 'action')}</td>
                <td>
                  <Button accessibilityLabel={`Remove move ${n}: ${sideLabel(draft, move.from)} to ${sideLabel(draft, move.to)}`} icon={DeleteIcon} onClick={() => onRemove(index)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
