import { h, webUrl } from './dom.ts';
import { formatDate } from './i18n.ts';
import type { CustomerOrder } from './types.ts';
import { PresslineWidget } from './widget-base.ts';

interface Reorder {
  kind: 'draft_order' | 'cart' | 'quotation';
  url: string;
}

/**
 * <pressline-order-history>: past orders with their specs and files, and "order again",
 * which asks the shop's platform for a cart or draft order with the same products,
 * options, quantities and file links, then opens it (set data-navigate="false" to only
 * show the link).
 */
export class OrderHistoryElement extends PresslineWidget {
  protected async load(): Promise<void> {
    const orders = await this.orders();
    this.show(...(orders.length === 0 ? [h('p', {}, this.t('noOrders'))] : orders.map((order) => this.card(order))));
  }

  private card(order: CustomerOrder): HTMLElement {
    const result = h('div', { class: 'reorder-result' });
    const button = h('button', { type: 'button', class: 'reorder' }, this.t('reorder')) as HTMLButtonElement;
    button.addEventListener('click', () => {
      button.disabled = true;
      this.postJson<{ reorder: Reorder }>(`orders/${order.id}/reorder`, {})
        .then(({ reorder }) => {
          const href = webUrl(reorder.url);
          if (!href) throw new Error(reorder.url);
          result.replaceChildren(h('a', { href, class: 'reorder-link' }, this.t('reorderReady')));
          this.dispatchEvent(new CustomEvent('pressline-reorder', { detail: reorder, bubbles: true, composed: true }));
          if (this.dataset.navigate !== 'false') location.assign(href);
        })
        .catch((error: unknown) => result.replaceChildren(this.errorLine(error)))
        .finally(() => (button.disabled = false));
    });
    return h(
      'section',
      { part: 'order', 'data-order-id': order.id },
      h('h3', {}, `${this.t('order')} ${order.name}`),
      h('small', {}, formatDate(this, order.placedAt)),
      h(
        'ul',
        {},
        ...order.lines.map((line) =>
          h(
            'li',
            {},
            `${line.title}${line.variantTitle ? ` (${line.variantTitle})` : ''} × ${line.quantity}`,
            ...line.options.map((option) => h('small', {}, ` · ${option.name}: ${option.value}`)),
          ),
        ),
      ),
      h('div', { class: 'row' }, ...order.jobs.flatMap((job) => job.files.map((file) => this.thumbnail(file)))),
      button,
      result,
    );
  }
}
