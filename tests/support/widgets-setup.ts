import { ensureWidgets } from '../../storefront-widgets/src/build/build-widgets.ts';

/** The browser tests load the real bundle: build it when it is missing or older than its sources. */
export default async function setup() {
  await ensureWidgets();
}
