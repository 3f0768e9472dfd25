import { h } from './dom.ts';
import type { CustomerFile, CustomerOrder } from './types.ts';
import { PresslineWidget } from './widget-base.ts';

const ACCEPT = '.stl,.obj,.3mf,.dxf,.svg,.ai,.pdf,.png,.jpg,.jpeg';
const POLL_MS = 1000;
const POLL_LIMIT = 120;

/**
 * <pressline-upload data-order [data-job] [data-max-mb]>: a new or revised design file for
 * a job of the order. It goes through the shop's preflight; the result is shown in plain
 * words once the check is done.
 */
export class FileUploadElement extends PresslineWidget {
  protected async load(): Promise<void> {
    const [order] = await this.orders();
    if (!order) return this.show();
    const maxMb = Number(this.dataset.maxMb ?? 100);
    const jobs = order.jobs.filter((job) => !this.dataset.job || job.id === this.dataset.job);
    const select = h('select', { 'aria-label': this.t('uploadFor') }, ...jobs.map((job) => h('option', { value: job.id }, job.title))) as HTMLSelectElement;
    const input = h('input', { type: 'file', accept: ACCEPT, 'aria-label': this.t('upload') }) as HTMLInputElement;
    const result = h('div', { class: 'result', role: 'status' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      if (file.size > maxMb * 1024 * 1024) return void result.replaceChildren(h('p', { class: 'error' }, this.t('tooLarge', { n: maxMb })));
      result.replaceChildren(h('p', { class: 'muted' }, this.t('checking')));
      this.upload(order.id, select.value, file)
        .then((checked) => result.replaceChildren(this.report(checked)))
        .catch((error: unknown) => result.replaceChildren(this.errorLine(error)));
    });
    this.show(h('section', {}, h('h3', {}, this.t('upload')), h('div', { class: 'row' }, jobs.length > 1 ? select : null, input), result));
  }

  private async upload(orderId: string, jobId: string, file: File): Promise<CustomerFile> {
    const form = new FormData();
    form.set('file', file, file.name);
    const { fileId } = await this.call<{ fileId: string }>(`jobs/${jobId}/files`, { method: 'POST', body: form });
    for (let attempt = 0; attempt < POLL_LIMIT; attempt++) {
      const { order } = await this.call<{ order: CustomerOrder }>(`orders/${orderId}`);
      const checked = order.jobs.flatMap((job) => job.files).find((candidate) => candidate.id === fileId);
      if (checked && checked.preflight.state !== 'checking') return checked;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(this.t('checking'));
  }

  private report(file: CustomerFile): HTMLElement {
    return h(
      'div',
      { class: `preflight ${file.preflight.state}`, 'data-state': file.preflight.state },
      this.thumbnail(file),
      h('p', {}, file.preflight.summary),
      file.preflight.problems.length > 0
        ? h('ul', {}, ...file.preflight.problems.map((problem) => h('li', {}, problem.message, problem.fix ? h('br') : null, problem.fix ? h('small', {}, problem.fix) : null)))
        : null,
    );
  }
}
