import { PRESSLINE_URL } from './config.ts';
import { translator } from './i18n.ts';
import { presslineOrder, requestReorder } from './pressline-client.ts';
import type { ExtensionEnv, OrderActionModalApi, UiElement } from './shopify-api.ts';
import { el, setProp, show } from './ui.ts';
import { lineTitle, webUrl } from './view-model.ts';

/** customer-account.order.action.render */
export default async () => {
  await renderReorderModal(document.body, (globalThis as unknown as { shopify: OrderActionModalApi }).shopify, { presslineUrl: PRESSLINE_URL });
};

/**
 * The reorder modal: the items that will be ordered again, then, on "Continue to checkout",
 * Pressline's reorder (the platform's draft order or cart, with the original files and
 * options) and the customer is taken to its checkout. A failure is shown in the modal.
 */
export async function renderReorderModal(root: UiElement, api: OrderActionModalApi, env: ExtensionEnv): Promise<void> {
  const doc = root.ownerDocument;
  const words = translator(api.localization.language.value.isoCode);
  const { t } = words;
  const cancel = el(doc, 's-button', { slot: 'secondary-actions', onclick: () => api.close() }, t('cancel'));
  const modal = (heading: string, ...content: UiElement[]) => el(doc, 's-customer-account-action', { heading }, ...content, cancel);
  show(root, modal(t('reorder'), el(doc, 's-text', {}, t('loadingOrder'))));

  const found = await presslineOrder(api, env, api.orderId).catch((error: Error) => error);
  if (!found || found instanceof Error) {
    const message = found instanceof Error ? found.message : t('notPressline');
    return show(root, modal(t('reorder'), el(doc, 's-banner', { tone: 'critical' }, t('reorderFailed', { message }))));
  }
  const order = found;

  const outcome = el(doc, 's-stack', { direction: 'block', gap: 'base' });
  let busy = false;
  const confirm = el(doc, 's-button', { slot: 'primary-action', onclick: () => void submit() }, t('reorderConfirm'));
  show(
    root,
    modal(
      t('reorderHeading', { name: order.name }),
      el(doc, 's-paragraph', {}, t('reorderIntro')),
      el(doc, 's-unordered-list', {}, ...order.lines.map((line) => el(doc, 's-list-item', {}, lineTitle(line, words)))),
      outcome,
      confirm,
    ),
  );

  async function submit(): Promise<void> {
    if (busy) return;
    busy = true;
    setProp(confirm, 'loading', true);
    show(outcome, el(doc, 's-text', {}, t('reorderWorking')));
    try {
      const reorder = await requestReorder(api, env, order.id);
      const url = webUrl(reorder.url);
      if (!url) throw new Error(reorder.url);
      show(outcome, el(doc, 's-paragraph', {}, t('reorderReady')), el(doc, 's-link', { href: url }, t('openCheckout')));
      api.navigation.navigate(url);
    } catch (error) {
      show(outcome, el(doc, 's-banner', { tone: 'critical' }, t('reorderFailed', { message: (error as Error).message })));
    } finally {
      busy = false;
      setProp(confirm, 'loading', false);
    }
  }
}
