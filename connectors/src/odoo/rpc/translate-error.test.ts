import { describe, expect, it } from 'vitest';
import { translateOdooProblem } from './translate-error.ts';

const now = () => Date.parse('2026-03-02T09:00:00Z');
const http = (status: number, extra: { retryAfter?: string; name?: string; message?: string } = {}) =>
  translateOdooProblem('sale.order.read', { kind: 'http', status, retryAfter: extra.retryAfter ?? null, name: extra.name ?? null, message: extra.message ?? null }, now);

describe('translateOdooProblem', () => {
  it('maps HTTP statuses', () => {
    expect(http(401, { message: 'Invalid apikey' })).toEqual({ ok: false, reason: 'unauthorized', message: 'sale.order.read: Odoo refused access (HTTP 401): Invalid apikey' });
    expect(http(403)).toMatchObject({ reason: 'unauthorized' });
    expect(http(404)).toMatchObject({ reason: 'not_found' });
    expect(http(422, { name: 'odoo.exceptions.ValidationError', message: 'The quantity must be positive.' })).toEqual({
      ok: false,
      reason: 'rejected',
      message: 'sale.order.read: Odoo refused the request (HTTP 422): The quantity must be positive.',
    });
    expect(http(409)).toMatchObject({ reason: 'unavailable' });
    expect(http(500)).toMatchObject({ reason: 'unavailable' });
    expect(http(429)).toMatchObject({ reason: 'throttled', retryAfterMs: 2000 });
    expect(http(429, { retryAfter: '1.5' })).toMatchObject({ reason: 'throttled', retryAfterMs: 1500 });
    expect(http(503, { retryAfter: 'Mon, 02 Mar 2026 09:01:00 GMT' })).toMatchObject({ reason: 'throttled', retryAfterMs: 60_000 });
    expect(http(503)).toMatchObject({ reason: 'unavailable' });
  });

  it('maps XML-RPC faults, saying only the last line of a traceback', () => {
    const fault = (code: number, message: string) => translateOdooProblem('stock.picking.write', { kind: 'fault', code, message }, now);
    expect(fault(3, 'Access Denied')).toMatchObject({ reason: 'unauthorized' });
    expect(fault(4, 'You are not allowed to modify Transfers')).toMatchObject({ reason: 'unauthorized' });
    expect(fault(2, 'Record does not exist or has been deleted.\n(Record: stock.picking(9,), User: 2)')).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'stock.picking.write: Record does not exist or has been deleted.',
    });
    expect(fault(2, 'You cannot validate a transfer if no quantities are reserved.')).toMatchObject({ reason: 'rejected', message: 'stock.picking.write: You cannot validate a transfer if no quantities are reserved.' });
    const traceback = 'Traceback (most recent call last):\n  File "/odoo/http.py", line 1, in x\n    secret_line()\nValueError: Invalid field \'carrier_tracking_ref\' on model \'stock.picking\'\n';
    expect(fault(1, traceback)).toEqual({ ok: false, reason: 'rejected', message: "stock.picking.write: Odoo raised ValueError: Invalid field 'carrier_tracking_ref' on model 'stock.picking'" });
    expect(fault(1, 'Traceback…\npsycopg2.errors.SerializationFailure: could not serialize access due to concurrent update')).toMatchObject({ reason: 'unavailable' });
    expect(fault(1, 'Traceback…\npsycopg2.OperationalError: FATAL:  database "acme" does not exist')).toMatchObject({ reason: 'unauthorized' });
  });

  it('maps a refused login, a lost connection and a garbled answer', () => {
    expect(translateOdooProblem('common.authenticate', { kind: 'login_refused' }, now)).toMatchObject({ reason: 'unauthorized' });
    expect(translateOdooProblem('x', { kind: 'network' }, now)).toMatchObject({ reason: 'unavailable' });
    expect(translateOdooProblem('x', { kind: 'bad_response', detail: 'not XML' }, now)).toMatchObject({ reason: 'unavailable' });
  });
});
