import { h, webUrl } from './dom.ts';
import { formatDate, type Key } from './i18n.ts';
import type { CustomerOrder } from './types.ts';
import { PresslineWidget } from './widget-base.ts';

/**
 * <pressline-order-status>: where each order stands — the timeline with the times of past
 * steps and the current one highlighted, the ETA, each line's progress (split orders),
 * previews of the files being produced, tracking per shipment or the pickup place.
 */
export class OrderStatusElement extends PresslineWidget {
  protected async load(): Promise<void> {
    const orders = await this.orders();
    this.show(...(orders.length === 0 ? [h('p', {}, this.t('noOrders'))] : orders.map((order) => this.card(order))));
  }

  private card(order: CustomerOrder): HTMLElement {
    const word = (key: string) => this.t(key as Key);
    return h(
      'section',
      { part: 'order', 'data-order-id': order.id },
      h('h3', {}, `${this.t('order')} ${order.name} · `, h('span', { class: 'status' }, word(order.status))),
      order.holdReason ? h('p', { class: 'muted' }, order.holdReason) : null,
      order.eta ? h('p', { class: 'eta' }, `${this.t('eta')}: ${formatDate(this, order.eta)}`) : null,
      h(
        'ol',
        { class: 'timeline' },
        ...order.timeline.map((entry) =>
          h(
            'li',
            { class: [entry.reached ? 'reached' : '', entry.current ? 'current' : ''].join(' ').trim(), ...(entry.current ? { 'aria-current': 'step' } : {}) },
            word(entry.step),
            entry.at ? h('br') : null,
            entry.at ? h('small', {}, formatDate(this, entry.at)) : null,
          ),
        ),
      ),
      h(
        'ul',
        { class: 'lines' },
        ...order.lines.map((line) =>
          h(
            'li',
            { 'data-line-id': line.id },
            `${line.title}${line.variantTitle ? ` (${line.variantTitle})` : ''} × ${line.quantity}: `,
            h('strong', {}, word(line.status)),
            line.shipped > 0 && line.shipped < line.quantity ? h('small', {}, ` · ${this.t('shippedOf', { n: line.shipped, q: line.quantity })}`) : null,
          ),
        ),
      ),
      h('div', { class: 'row files' }, ...order.jobs.flatMap((job) => [...job.files, ...job.photos].map((file) => this.thumbnail(file)))),
      ...order.jobs.filter((job) => job.proof).map((job) => h('pressline-proof-approval', { ...this.passOn(), 'data-order': order.id, 'data-job': job.id })),
      ...order.shipments.map((shipment) =>
        h(
          'div',
          { class: 'shipment', 'data-shipment-id': shipment.id },
          shipment.pickup
            ? h('p', {}, `${this.t('pickup')}: ${shipment.pickup.address}`, shipment.pickup.hours ? ` · ${this.t('hours')}: ${shipment.pickup.hours}` : '')
            : h(
                'p',
                {},
                `${shipment.carrier ?? ''} `,
                ...shipment.trackingNumbers.flatMap((number) => {
                  const href = webUrl(shipment.trackingUrl);
                  return [href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, this.t('track', { n: number })) : number, ' '];
                }),
              ),
        ),
      ),
    );
  }

  /** The attributes a nested widget needs to reach the same API as this one. */
  private passOn(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of ['api', 'pressline', 'token', 'shop', 'site']) {
      const value = this.dataset[name];
      if (value) out[`data-${name}`] = value;
    }
    return out;
  }
}
