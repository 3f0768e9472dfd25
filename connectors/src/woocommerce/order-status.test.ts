import { describe, expect, it } from 'vitest';
import { wooCommerceOrderState } from './order-status.ts';

const AT = '2026-11-20T10:00:00.000Z';

describe('wooCommerceOrderState', () => {
  it.each([
    // status, date_paid set, has refunds → financial status, cancelled
    ['pending', false, false, 'pending', false],
    ['on-hold', false, false, 'pending', false],
    ['checkout-draft', false, false, 'pending', false],
    ['on-hold', true, false, 'paid', false],
    ['processing', false, false, 'paid', false],
    ['processing', true, false, 'paid', false],
    ['completed', true, false, 'paid', false],
    ['completed', true, true, 'partially_refunded', false],
    ['refunded', true, true, 'refunded', false],
    ['cancelled', false, false, 'voided', true],
    ['failed', false, false, 'voided', true],
    ['trash', false, false, 'voided', true],
    ['cancelled', true, false, 'paid', true],
    ['trash', true, true, 'partially_refunded', true],
    ['wc-processing', false, false, 'paid', false],
    ['Processing', false, false, 'paid', false],
    ['awaiting-proof', false, false, 'unknown', false],
    ['awaiting-proof', true, false, 'paid', false],
  ] as const)('%s (paid: %s, refunds: %s) → %s, cancelled: %s', (status, paid, hasRefunds, financialStatus, cancelled) => {
    expect(wooCommerceOrderState({ status, paid, hasRefunds, modifiedAt: AT })).toEqual({ financialStatus, cancelledAt: cancelled ? AT : null });
  });
});
