import { resolveShopId } from '@pressline/db';
import type { CoreDeps } from '../../deps.ts';
import { UnauthenticatedError } from '../../errors.ts';
import { JWT_SHAPE } from '../../security/jwt-shape.ts';
import { authenticateApiKey, type ApiPrincipal } from '../api-keys/authenticate-api-key.ts';
import { isAdminSession, openAdminSession } from './admin-session.ts';

/**
 * Whoever calls the API names one credential as "Authorization: Bearer <credential>":
 * a Pressline admin session (from a launch token), a Shopify App Bridge session token
 * (a JWT, verified with the app secret) or an API key. Anything else is 401.
 */
export async function authenticateCredential(deps: Pick<CoreDeps, 'db' | 'secrets' | 'clock' | 'shopifyAuth'>, credential: string): Promise<ApiPrincipal> {
  if (isAdminSession(credential)) {
    const principal = openAdminSession(deps.secrets, credential, deps.clock());
    if (!principal) throw new UnauthenticatedError('The admin session is not valid or has expired');
    return principal;
  }
  if (JWT_SHAPE.test(credential)) {
    if (!deps.shopifyAuth) throw new UnauthenticatedError('This Pressline has no Shopify app configured');
    const verified = await deps.shopifyAuth.verifySessionToken(credential);
    if (!verified.ok) throw new UnauthenticatedError('The Shopify session token is not valid');
    const shopId = await resolveShopId(deps.db, 'shopify', verified.value.shopDomain);
    if (!shopId) throw new UnauthenticatedError('This shop has not installed Pressline');
    return { shopId, actor: `shopify-admin:${verified.value.shopDomain}` };
  }
  return authenticateApiKey(deps, credential);
}
