import { describe, expect, it } from 'vitest';
import { productionDecision } from './production-decision.ts';

describe('productionDecision', () => {
  it('produces once the money is in, including after a partial refund', () => {
    expect(productionDecision({ financialStatus: 'paid', cancelled: false })).toBe('produce');
    expect(productionDecision({ financialStatus: 'partially_refunded', cancelled: false })).toBe('produce');
  });

  it('waits while payment is pending, only authorized or part-paid', () => {
    for (const financialStatus of ['pending', 'authorized', 'partially_paid', 'unknown']) {
      expect(productionDecision({ financialStatus, cancelled: false }), financialStatus).toBe('wait');
    }
  });

  it('stops a cancelled, voided or fully refunded order, whatever else it says', () => {
    expect(productionDecision({ financialStatus: 'paid', cancelled: true })).toBe('stop');
    expect(productionDecision({ financialStatus: 'voided', cancelled: false })).toBe('stop');
    expect(productionDecision({ financialStatus: 'refunded', cancelled: false })).toBe('stop');
  });
});
