import { PRESSLINE_URL } from './config.ts';
import { translator, type Translator } from './i18n.ts';
import { PresslineError, presslineOrder } from './pressline-client.ts';
import type { ExtensionEnv, OrderStatusApi, SubscribableSignalLike, UiDocument, UiElement } from './shopify-api.ts';
import { el, show } from './ui.ts';
import { orderStatusView, type OrderStatusView } from './view-model.ts';

/** customer-account.order-status.block.render: Shopify calls this in the extension's worker. */
export default async () => {
  await renderOrderStatusBlock(document.body, (globalThis as unknown as { shopify: OrderStatusApi }).shopify, { presslineUrl: PRESSLINE_URL });
};

/**
 * Where the order stands in production: its status, the timeline with the current step,
 * the ETA, each line's progress and the tracking links. An order Pressline does not make
 * shows nothing; a customer who is not logged in is asked to log in.
 */
export async function renderOrderStatusBlock(root: UiElement, api: OrderStatusApi, env: ExtensionEnv): Promise<void> {
  const doc = root.ownerDocument;
  const words = translator(api.localization.language.value.isoCode);
  show(root, el(doc, 's-text', {}, words.t('loading')));
  const order = api.order.value ?? (await defined(api.order));
  try {
    const found = await presslineOrder(api, env, order.id);
    if (!found) return show(root);
    show(root, statusSection(doc, orderStatusView(found, words, { timeZone: api.localization.timezone?.value }), words));
  } catch (error) {
    if (error instanceof PresslineError && error.status === 401) {
      show(
        root,
        el(
          doc,
          's-banner',
          { heading: words.t('productionStatus') },
          el(doc, 's-paragraph', {}, words.t('loginNeeded')),
          el(doc, 's-button', { onclick: () => void api.requireLogin() }, words.t('logIn')),
        ),
      );
    } else {
      show(root, el(doc, 's-banner', { tone: 'critical', heading: words.t('productionStatus') }, words.t('loadFailed', { message: (error as Error).message })));
    }
  }
}

function statusSection(doc: UiDocument, view: OrderStatusView, words: Translator): UiElement {
  const { t } = words;
  return el(
    doc,
    's-section',
    { heading: view.heading },
    el(
      doc,
      's-stack',
      { direction: 'block', gap: 'base' },
      el(
        doc,
        's-stack',
        { direction: 'inline', gap: 'small' },
        el(doc, 's-badge', view.status.attention ? { tone: 'critical' } : {}, view.status.label),
        view.eta ? el(doc, 's-text', {}, view.eta) : null,
      ),
      view.holdReason ? el(doc, 's-paragraph', {}, view.holdReason) : null,
      el(doc, 's-heading', {}, t('progress')),
      el(
        doc,
        's-ordered-list',
        {},
        ...view.steps.map((step) =>
          el(
            doc,
            's-list-item',
            {},
            el(doc, 's-text', step.state === 'current' ? { type: 'strong' } : step.state === 'upcoming' ? { color: 'subdued' } : {}, step.label),
            step.when ? el(doc, 's-text', { color: 'subdued' }, ` · ${step.when}`) : null,
            step.state === 'current' ? el(doc, 's-badge', {}, t('currentStep')) : null,
          ),
        ),
      ),
      el(doc, 's-heading', {}, t('items')),
      el(doc, 's-unordered-list', {}, ...view.lines.map((line) => el(doc, 's-list-item', {}, `${line.title}: `, el(doc, 's-text', { type: 'strong' }, line.progress)))),
      view.shipments.length > 0 ? el(doc, 's-heading', {}, t('shipping')) : null,
      ...view.shipments.map((shipment) =>
        el(
          doc,
          's-paragraph',
          {},
          shipment.carrier ? `${shipment.carrier} ` : null,
          ...shipment.links.map((link) => el(doc, 's-link', { href: link.href, target: '_blank' }, link.label)),
          shipment.untracked.length > 0 ? shipment.untracked.join(', ') : null,
          ...shipment.pickup.map((text) => el(doc, 's-text', {}, text)),
        ),
      ),
    ),
  );
}

/** The first defined value of a signal (the order is undefined until Shopify has processed it). */
function defined<T>(signal: SubscribableSignalLike<T | undefined>): Promise<T> {
  return new Promise((resolve) => {
    const stop = signal.subscribe((value) => {
      if (value === undefined) return;
      stop();
      resolve(value);
    });
  });
}
