import { createHmac, randomBytes } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { signJwt } from './session-token.ts';

/**
 * Shopify's token endpoint (`POST https://{shop}/admin/oauth/access_token`) as documented
 * for token exchange and expiring offline tokens: the app's credentials are checked, a
 * session token must be an HS256 JWT signed with the app secret for that shop, and a
 * refresh token is single-use (a used one answers 400 invalid_grant).
 */
export interface FakeShopifyOAuth {
  handler: HttpHandler;
  /** A session token App Bridge would hand the app for `shopDomain`. */
  sessionToken(shopDomain: string, options?: { expiresInSeconds?: number; audience?: string }): string;
  /** The access token Shopify currently honours for the shop. */
  currentToken(shopDomain: string): string | undefined;
  grants: number;
}

export function createFakeShopifyOAuth(app: { apiKey: string; apiSecretKey: string; expiresInSeconds?: number }): FakeShopifyOAuth {
  const tokens = new Map<string, string>();
  const refreshTokens = new Map<string, string>(); // refresh token → shop
  const state = { grants: 0 };

  const issue = (shop: string) => {
    const accessToken = `shpat_${randomBytes(12).toString('hex')}`;
    const refreshToken = `shprt_${randomBytes(12).toString('hex')}`;
    tokens.set(shop, accessToken);
    refreshTokens.set(refreshToken, shop);
    state.grants += 1;
    return HttpResponse.json({ access_token: accessToken, scope: 'read_orders,write_orders', expires_in: app.expiresInSeconds ?? 3600, refresh_token: refreshToken, refresh_token_expires_in: 7_776_000 });
  };

  const handler = http.post('https://:shop/admin/oauth/access_token', async ({ request, params }) => {
    const shop = String(params['shop']);
    const body = (await request.json()) as Record<string, string>;
    if (body['client_id'] !== app.apiKey || body['client_secret'] !== app.apiSecretKey) {
      return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
    }
    if (body['grant_type'] === 'urn:ietf:params:oauth:grant-type:token-exchange') {
      const claims = verifyJwt(body['subject_token'] ?? '', app.apiSecretKey);
      if (!claims || claims['dest'] !== `https://${shop}`) return HttpResponse.json({ error: 'invalid_subject_token' }, { status: 400 });
      return issue(shop);
    }
    if (body['grant_type'] === 'refresh_token') {
      const owner = refreshTokens.get(body['refresh_token'] ?? '');
      if (owner !== shop) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      refreshTokens.delete(body['refresh_token']!);
      return issue(shop);
    }
    return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
  });

  return {
    handler,
    sessionToken: (shopDomain, options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        { iss: `https://${shopDomain}/admin`, dest: `https://${shopDomain}`, aud: options.audience ?? app.apiKey, sub: '42', exp: now + (options.expiresInSeconds ?? 60), nbf: now - 1, iat: now, jti: randomBytes(8).toString('hex'), sid: 'sid' },
        app.apiSecretKey,
      );
    },
    currentToken: (shopDomain) => tokens.get(shopDomain),
    get grants() {
      return state.grants;
    },
  };
}

function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const [header, claims, signature] = token.split('.');
  if (!header || !claims || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  if (expected !== signature) return null;
  return JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>;
}
