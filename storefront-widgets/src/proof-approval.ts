import { h } from './dom.ts';
import { PresslineWidget } from './widget-base.ts';

/**
 * <pressline-proof-approval data-order data-job>: the proof a job waits on, approved with
 * one click or sent back with a comment; the shop's workflow moves the job accordingly.
 */
export class ProofApprovalElement extends PresslineWidget {
  protected async load(): Promise<void> {
    const [order] = await this.orders();
    const job = order?.jobs.find((candidate) => candidate.id === this.dataset.job) ?? order?.jobs.find((candidate) => candidate.proof);
    if (!job?.proof) {
      this.show();
      return;
    }
    const comment = h('textarea', { placeholder: this.t('changesPlaceholder'), 'aria-label': this.t('changesPlaceholder') }) as HTMLTextAreaElement;
    const status = h('div', { role: 'status' });
    const decide = (decision: 'approve' | 'request_changes') => {
      this.postJson(`jobs/${job.id}/proof`, { decision, comment: comment.value })
        .then(() => {
          this.show(h('section', { class: 'decided' }, h('p', {}, this.t(decision === 'approve' ? 'approved' : 'changesSent'))));
          this.dispatchEvent(new CustomEvent('pressline-proof', { detail: { jobId: job.id, decision }, bubbles: true, composed: true }));
        })
        .catch((error: unknown) => status.replaceChildren(this.errorLine(error)));
    };
    this.show(
      h(
        'section',
        { class: 'proof', 'data-job-id': job.id },
        h('h3', {}, `${this.t('proof')}: ${job.title}`),
        this.thumbnail(job.proof),
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'approve', onclick: () => decide('approve') }, this.t('approve'))),
        comment,
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary request-changes', onclick: () => decide('request_changes') }, this.t('requestChanges'))),
        status,
      ),
    );
  }
}
