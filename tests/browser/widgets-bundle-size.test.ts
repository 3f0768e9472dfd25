import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WIDGETS_BUNDLE, widgetsStale } from '../../storefront-widgets/src/build/build-widgets.ts';

/** storefront-widgets/README.md: status + reorder within 30 kB gzip; the bundle holds every widget and still must fit. */
const BUDGET_GZIP_BYTES = 30 * 1024;

describe('widget bundle', () => {
  it('is built from the current sources and fits the documented size budget', () => {
    expect(widgetsStale()).toBe(false);
    const gzipped = gzipSync(readFileSync(WIDGETS_BUNDLE), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
