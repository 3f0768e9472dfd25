import { blobUrl } from './api-client.ts';
import { h } from './dom.ts';
import { formatDate } from './i18n.ts';
import type { CustomerMessage } from './types.ts';
import { PresslineWidget } from './widget-base.ts';

/**
 * <pressline-messages data-order | data-external-order>: the order's thread with the shop, with attachments;
 * the operator answers from the job detail and the customer is e-mailed.
 */
export class OrderMessagesElement extends PresslineWidget {
  protected async load(): Promise<void> {
    const orderId = this.dataset.order ?? (this.dataset.externalOrder ? (await this.orders())[0]?.id : undefined);
    if (!orderId) return this.show();
    const { messages } = await this.call<{ messages: CustomerMessage[] }>(`orders/${encodeURIComponent(orderId)}/messages`);
    const body = h('textarea', { placeholder: this.t('messagePlaceholder'), 'aria-label': this.t('messagePlaceholder') }) as HTMLTextAreaElement;
    const files = h('input', { type: 'file', multiple: true }) as HTMLInputElement;
    const status = h('div', { role: 'status' });
    const send = h('button', { type: 'submit' }, this.t('send')) as HTMLButtonElement;
    const form = h('form', {}, body, h('div', { class: 'row' }, files, send), status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData();
      data.set('body', body.value);
      for (const file of files.files ?? []) data.append('attachments', file, file.name);
      send.disabled = true;
      this.call(`orders/${encodeURIComponent(orderId)}/messages`, { method: 'POST', body: data })
        .then(() => this.load())
        .catch((error: unknown) => {
          send.disabled = false;
          status.replaceChildren(this.errorLine(error));
        });
    });
    this.show(
      h(
        'section',
        {},
        h('h3', {}, this.t('messages')),
        ...messages.map((message) =>
          h(
            'div',
            { class: `msg ${message.author}` },
            h('small', {}, `${this.t(message.author === 'shop' ? 'shop' : 'you')} · ${formatDate(this, message.at)}`),
            h('p', {}, message.body),
            ...message.attachments.map((file) => h('small', {}, '📎 ', this.download(file, status), ' ')),
          ),
        ),
        form,
      ),
    );
  }

  /**
   * A link that saves the file under its name. On Shopify the proxied href works as is;
   * with a customer token the bytes are fetched with it (a token cannot ride on a link).
   */
  private download(file: CustomerMessage['attachments'][number], status: HTMLElement): HTMLElement {
    return h(
      'a',
      {
        href: `${this.api.root}/${file.url}`,
        download: file.name,
        onclick: (event) => {
          event.preventDefault();
          blobUrl(this.api, file.url).then(
            (url) => {
              h('a', { href: url, download: file.name }).click();
              setTimeout(() => URL.revokeObjectURL(url), 10_000);
            },
            (error: unknown) => status.replaceChildren(this.errorLine(error)),
          );
        },
      },
      file.name,
    );
  }
}
