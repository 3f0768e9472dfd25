/**
 * The credential every API call carries. Embedded in Shopify admin, App Bridge mints a
 * fresh session token per call; opened from wp-admin or Odoo, the launch token in the URL
 * is exchanged once for a Pressline session; standalone, the user pastes an API key.
 * Kept in sessionStorage: it dies with the tab.
 */
const STORAGE_KEY = 'pressline.credential';

interface AppBridge {
  idToken(): Promise<string>;
}

function appBridge(): AppBridge | undefined {
  return (window as unknown as { shopify?: AppBridge }).shopify;
}

export async function credential(): Promise<string | null> {
  const bridge = appBridge();
  if (bridge) return bridge.idToken();
  return sessionStorage.getItem(STORAGE_KEY);
}

export function rememberCredential(value: string): void {
  sessionStorage.setItem(STORAGE_KEY, value.trim());
}

export function forgetCredential(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * Inside Shopify admin, (re)installs through App Bridge's session token. Otherwise picks up
 * `#apiKey=` or `?shopId=&launchToken=` from the URL once and removes it from the address bar.
 */
export async function adoptCredentialFromUrl(): Promise<void> {
  const bridge = appBridge();
  if (bridge) {
    // Embedded in Shopify admin: the first open installs the shop, later ones renew its access.
    await fetch('/shopify/install', { method: 'POST', headers: { authorization: `Bearer ${await bridge.idToken()}` } }).catch(() => undefined);
    return;
  }
  const url = new URL(window.location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const apiKey = fragment.get('apiKey');
  if (apiKey) {
    rememberCredential(apiKey);
    url.hash = '';
  }
  const shopId = url.searchParams.get('shopId');
  const launchToken = url.searchParams.get('launchToken');
  if (shopId && launchToken) {
    const response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shopId, launchToken }) });
    if (response.ok) rememberCredential(((await response.json()) as { session: string }).session);
    url.searchParams.delete('launchToken');
  }
  window.history.replaceState(null, '', url.toString());
}
