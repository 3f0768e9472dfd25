import { PRESSLINE_URL } from './config.ts';
import { translator } from './i18n.ts';
import { presslineOrder } from './pressline-client.ts';
import type { ExtensionEnv, OrderActionApi, UiElement } from './shopify-api.ts';
import { el, show } from './ui.ts';

/** customer-account.order.action.menu-item.render */
export default async () => {
  await renderReorderMenuItem(document.body, (globalThis as unknown as { shopify: OrderActionApi }).shopify, { presslineUrl: PRESSLINE_URL });
};

/**
 * "Reorder" in the order's action menu, for orders Pressline makes. The button has no href
 * and no click handler, so Shopify opens the action modal (order-action-modal.ts) with it.
 * Any other order, or a customer Pressline cannot identify, gets no menu item.
 */
export async function renderReorderMenuItem(root: UiElement, api: OrderActionApi, env: ExtensionEnv): Promise<void> {
  const order = await presslineOrder(api, env, api.orderId).catch(() => null);
  if (!order) return show(root);
  show(root, el(root.ownerDocument, 's-button', {}, translator(api.localization.language.value.isoCode).t('reorder')));
}
