import { Button, Select, Text, TextField } from '@shopify/polaris';
import { DeleteIcon } from '@shopify/polaris-icons';
import { withStageLabel, withTypedKey, type StageDraft, type WorkflowDraft } from './workflow-draft.ts';
import { humanize, initialOptions, type Vocabulary } from './workflow-options.ts';
import type { DraftProblem } from './workflow-problems.ts';

interface Props {
  draft: WorkflowDraft;
  vocabulary: Vocabulary;
  /** Shown only once a save was tried. */
  problems: DraftProblem[];
  unreachable: readonly string[];
  onChange: (draft: WorkflowDraft) => void;
  onRemove: (index: number) => void;
}

/** The stages, one row each; a saved stage's key is fixed, a new one's follows its label until typed. */
export function WorkflowStages({ draft, vocabulary, problems, unreachable, onChange, onRemove }: Props) {
  const errorOf = (index: number, field: 'key' | 'label') => {
    const messages = problems.filter((p) => p.place.kind === 'stage' && p.place.index === index && p.place.field === field).map((p) => p.message);
    if (field === 'label' && unreachable.includes(draft.stages[index]!.key)) messages.push('No move leads to this stage');
    return messages.length > 0 ? messages.join('; ') : undefined;
  };
  const initialError = problems.find((p) => p.place.kind === 'initial')?.message;
  const set = (index: number, patch: Partial<StageDraft>) => onChange({ ...draft, stages: draft.stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)) });
  const categories = vocabulary.categories.map((category) => ({ label: humanize(category), value: category }));
  const statuses = vocabulary.customerStatuses.map((status) => ({ label: humanize(status), value: status }));

  return (
    <>
      <div className="workflow-initial">
        <Select label="Jobs start in" options={initialOptions(draft)} value={draft.initialStage} onChange={(initialStage) => onChange({ ...draft, initialStage })} error={initialError} />
      </div>
      <div className="workflow-scroll">
        <table className="workflow-table">
          <thead>
            <tr>
              <th scope="col" className="workflow-number">#</th>
              <th scope="col" className="workflow-key">Key</th>
              <th scope="col">Label</th>
              <th scope="col" className="workflow-category">Category</th>
              <th scope="col" className="workflow-status">Customer sees</th>
              <th scope="col" className="workflow-remove"><Text as="span" visuallyHidden>Remove</Text></th>
            </tr>
          </thead>
          <tbody>
            {draft.stages.map((stage, index) => {
              const n = index + 1;
              return (
                <tr key={stage.id}>
                  <td className="workflow-number">{n}</td>
                  <td className="workflow-key">
                    {stage.isNew ? (
                      <TextField id={`${stage.id}-key`} label={`Stage ${n} key`} labelHidden value={stage.key} onChange={(key) => onChange(withTypedKey(draft, index, key))} error={errorOf(index, 'key')} autoComplete="off" monospaced />
                    ) : (
                      <code>{stage.key}</code>
                    )}
                  </td>
                  <td>
                    <TextField id={`${stage.id}-label`} label={`Stage ${n} label`} labelHidden value={stage.label} onChange={(label) => onChange(withStageLabel(draft, index, label))} error={errorOf(index, 'label')} autoComplete="off" />
                  </td>
                  <td>
                    <Select label={`Stage ${n} category`} labelHidden options={categories} value={stage.category} onChange={(category) => set(index, { category })} />
                  </td>
                  <td>
                    <Select label={`Stage ${n} customer status`} labelHidden options={statuses} value={stage.customerStatus} onChange={(customerStatus) => set(index, { customerStatus })} />
                  </td>
                  <td>
                    <Button accessibilityLabel={`Remove stage ${n} (${stage.label.trim() || 'no label'})`} icon={DeleteIcon} onClick={() => onRemove(index)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
