import { describe, expect, it } from 'vitest';
import { signOdooLaunchToken, verifyOdooLaunchToken } from './launch-token.ts';

// Made by the addon's controller code in Python: hmac.new(secret, b"pressline-prod|7|1790000000", sha256), urlsafe base64 without padding.
const PYTHON_TOKEN = 'cHJlc3NsaW5lLXByb2R8N3wxNzkwMDAwMDAw.YKnVdCxk5wZ9OriKnzq6BErc0NrtupvNGbsD1uG5Ph0';
const SECRET = 's3cr3t-shop-secret';
const at = (seconds: number) => () => seconds * 1000;

describe('Odoo launch tokens', () => {
  it('verifies a token the addon signed', () => {
    expect(verifyOdooLaunchToken(PYTHON_TOKEN, { secret: SECRET, database: 'pressline-prod', now: at(1_789_999_800) })).toEqual({
      ok: true,
      value: { database: 'pressline-prod', uid: '7', expiresAt: new Date(1_790_000_000_000).toISOString() },
    });
    expect(signOdooLaunchToken({ secret: SECRET, database: 'pressline-prod', uid: 7, expiresAtSeconds: 1_790_000_000 })).toBe(PYTHON_TOKEN);
  });

  it('refuses a forged, expired, foreign or mangled token', () => {
    const options = { secret: SECRET, database: 'pressline-prod', now: at(1_789_999_800) };
    expect(verifyOdooLaunchToken(PYTHON_TOKEN, { ...options, secret: 'other' })).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyOdooLaunchToken(PYTHON_TOKEN, { ...options, now: at(1_790_000_000) })).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyOdooLaunchToken(PYTHON_TOKEN, { ...options, database: 'other-db' })).toMatchObject({ ok: false, reason: 'wrong_database' });
    const forever = signOdooLaunchToken({ secret: SECRET, database: 'pressline-prod', uid: 7, expiresAtSeconds: 1_800_000_000 });
    expect(verifyOdooLaunchToken(forever, options)).toMatchObject({ ok: false, reason: 'expired' });
    const [payload] = PYTHON_TOKEN.split('.');
    const raised = `${Buffer.from('pressline-prod|2|1790000000').toString('base64url')}.${PYTHON_TOKEN.split('.')[1]}`;
    expect(verifyOdooLaunchToken(raised, options)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyOdooLaunchToken(`${payload}`, options)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verifyOdooLaunchToken('a.b.c', options)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
