import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { verifyWooCommerceToken } from '@pressline/connectors';
import { describe, expect, it } from 'vitest';

const CONTROLLERS = fileURLToPath(new URL('../../connectors/odoo/addon/pressline/controllers/', import.meta.url));

/** Runs the addon's own signing functions (lifted out of the module, which needs Odoo to import). */
function signWithAddon(secret: string, site: string, partnerId: number, expiry: number): string {
  const script = `
import ast, base64, hashlib, hmac, sys
wanted = {'sign_customer_token', '_b64url'}
scope = {'base64': base64, 'hashlib': hashlib, 'hmac': hmac}
for name in ('main.py', 'portal.py'):
    tree = ast.parse(open(sys.argv[1] + name).read())
    tree.body = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in wanted]
    exec(compile(tree, name, 'exec'), scope)
print(scope['sign_customer_token'](sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])))
`;
  return execFileSync('python3', ['-c', script, CONTROLLERS, secret, site, String(partnerId), String(expiry)], { encoding: 'utf8' }).trim();
}

describe('the Odoo addon’s customer token', () => {
  it('is what Pressline verifies: the Odoo site, the portal customer’s partner and the expiry', () => {
    const expiry = 1_900_000_000;
    const token = signWithAddon('odoo-shop-secret', 'https://odoo.example/', 42, expiry);
    const now = new Date((expiry - 60) * 1000);
    expect(verifyWooCommerceToken({ token, secret: 'odoo-shop-secret', now })).toEqual({
      ok: true,
      site: 'https://odoo.example',
      subject: { kind: 'customer', customerId: '42' },
      expiresAt: new Date(expiry * 1000),
    });
    expect(verifyWooCommerceToken({ token, secret: 'another-shop', now })).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });
});
