import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signWooCommerceToken, verifyWooCommerceToken } from './launch-token.ts';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const NOW = new Date('2026-11-20T10:00:00Z');
const IN_FIVE_MINUTES = new Date(NOW.getTime() + 300_000);

describe('WooCommerce launch and customer tokens', () => {
  it.each([
    [{ kind: 'admin', userId: '1' }],
    [{ kind: 'customer', customerId: '42' }],
    [{ kind: 'guest_order', orderId: '727' }],
  ] as const)('round-trips %o', (subject) => {
    const token = signWooCommerceToken({ site: 'https://print.example.com/', subject, secret: SECRET, expiresAt: IN_FIVE_MINUTES });
    expect(verifyWooCommerceToken({ token, secret: SECRET, now: NOW })).toEqual({ ok: true, site: 'https://print.example.com', subject, expiresAt: IN_FIVE_MINUTES });
  });

  it('refuses another secret, an expired token and a tampered payload', () => {
    const token = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'admin', userId: '1' }, secret: SECRET, expiresAt: IN_FIVE_MINUTES });
    expect(verifyWooCommerceToken({ token, secret: 'another-secret', now: NOW })).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyWooCommerceToken({ token, secret: SECRET, now: new Date(NOW.getTime() + 400_000) })).toMatchObject({ ok: false, reason: 'expired' });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from('https://print.example.com|2|1795168800').toString('base64url')}.${signature}`;
    expect(verifyWooCommerceToken({ token: forged, secret: SECRET, now: NOW })).toMatchObject({ ok: false, reason: 'invalid_signature' });
    expect(verifyWooCommerceToken({ token: 'nonsense', secret: SECRET, now: NOW })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses a token that claims a long life', () => {
    const token = signWooCommerceToken({ site: 'https://print.example.com', subject: { kind: 'admin', userId: '1' }, secret: SECRET, expiresAt: new Date(NOW.getTime() + 86_400_000) });
    expect(verifyWooCommerceToken({ token, secret: SECRET, now: NOW })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  // php-cli comes with the test command (scripts/up.sh) on machines that lack it.
  it('verifies a token the WordPress plugin\'s PHP signs', () => {
    const plugin = fileURLToPath(new URL('../../woocommerce/wordpress-plugin/pressline/pressline.php', import.meta.url));
    const script = `
      define('ABSPATH', '/'); define('MINUTE_IN_SECONDS', 60);
      function add_action() {} function add_filter() {}
      function untrailingslashit($s) { return rtrim($s, '/\\\\'); }
      function home_url($p = '') { return 'https://print.example.com/'; }
      function get_option() { return ['url' => 'https://pressline.test', 'secret' => '${SECRET}']; }
      require '${plugin}';
      echo pressline_sign_token('7');`;
    const token = execFileSync('php', ['-r', script], { encoding: 'utf8' });
    expect(verifyWooCommerceToken({ token, secret: SECRET, now: new Date() })).toMatchObject({ ok: true, site: 'https://print.example.com', subject: { kind: 'admin', userId: '7' } });
  });
});
