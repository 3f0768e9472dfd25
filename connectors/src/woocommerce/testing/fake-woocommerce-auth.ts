import { createHmac, timingSafeEqual } from 'node:crypto';

// WC_REST_Authentication as the fake site runs it, written from its source: over SSL,
// Basic auth or consumer_key/consumer_secret query parameters; otherwise (and as the
// fallback) OAuth 1.0a one-legged, parameters in the query string, HMAC-SHA1 or -SHA256,
// a 15-minute timestamp window and single-use nonces. The signature check is rebuilt
// here step by step from the PHP, not shared with the client, so the two can disagree.

export interface FakeApiKey {
  consumerKey: string;
  consumerSecret: string;
  permissions: 'read' | 'write' | 'read_write';
}

export type AuthOutcome =
  | { ok: true; user: FakeApiKey }
  | { ok: false; anonymous: true }
  | { ok: false; anonymous: false; code: string; message: string };

const OAUTH_PARAMS = ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method'];
const NONCE_WINDOW_SECONDS = 15 * 60;

export class FakeWooAuth {
  /** Used nonces by timestamp, per key, as WooCommerce keeps them in woocommerce_api_keys.nonces. */
  private readonly nonces = new Map<string, Map<number, string>>();

  constructor(
    private readonly key: FakeApiKey,
    private readonly homeUrl: URL,
    private readonly clock: () => number,
  ) {}

  authenticate(request: Request, url: URL): AuthOutcome {
    const ssl = url.protocol === 'https:';
    if (ssl) {
      const basic = this.basic(request, url);
      if (basic.ok || !basic.anonymous) return basic;
    }
    return this.oauth(request, url);
  }

  /** check_permissions: reads need read, writes need write. */
  permits(user: FakeApiKey, method: string): { ok: true } | { ok: false; message: string } {
    const reading = method === 'GET' || method === 'HEAD';
    const allowed = reading ? user.permissions !== 'write' : user.permissions !== 'read';
    return allowed ? { ok: true } : { ok: false, message: `The API key provided does not have ${reading ? 'read' : 'write'} permissions.` };
  }

  private basic(request: Request, url: URL): AuthOutcome {
    let consumerKey = '';
    let consumerSecret = '';
    const queryKey = url.searchParams.get('consumer_key');
    const querySecret = url.searchParams.get('consumer_secret');
    if (queryKey && querySecret) {
      consumerKey = queryKey;
      consumerSecret = querySecret;
    }
    const header = request.headers.get('Authorization') ?? '';
    if (!consumerKey && /^basic /i.test(header)) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        consumerKey = decoded.slice(0, colon);
        consumerSecret = decoded.slice(colon + 1);
      }
    }
    if (!consumerKey || !consumerSecret || consumerKey !== this.key.consumerKey) return { ok: false, anonymous: true };
    if (!equal(this.key.consumerSecret, consumerSecret)) {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Consumer secret is invalid.' };
    }
    return { ok: true, user: this.key };
  }

  private oauth(request: Request, url: URL): AuthOutcome {
    // PHP's $_GET: the last value of a repeated name wins.
    const params: Record<string, string> = {};
    for (const [name, value] of url.searchParams) params[name] = value;
    const present = OAUTH_PARAMS.filter((name) => params[name]);
    if (present.length === 0) return { ok: false, anonymous: true };
    if (present.length < OAUTH_PARAMS.length) {
      const missing = OAUTH_PARAMS.filter((name) => !params[name]);
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_missing_parameter', message: `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` };
    }
    if (params['oauth_consumer_key'] !== this.key.consumerKey) {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.' };
    }

    // check_oauth_signature
    const consumerSignature = decodeURIComponent(params['oauth_signature']!.replace(/ /g, '+'));
    delete params['oauth_signature'];
    const method = params['oauth_signature_method']!;
    if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - signature method is invalid.' };
    }
    const requestPath = url.pathname.startsWith(this.homePath()) ? url.pathname.slice(this.homePath().length) : url.pathname;
    const baseRequestUri = rawurlencode(`http://${this.homeUrl.host}${this.homePath()}${requestPath}`);
    const sortedKeys = Object.keys(params).sort(strcmp);
    const queryString = sortedKeys.map((key) => rawurlencode(`${rawurlencode(key)}=${rawurlencode(params[key]!)}`)).join('%26');
    const stringToSign = `${request.method.toUpperCase()}&${baseRequestUri}&${queryString}`;
    const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
    const signature = createHmac(algorithm, `${this.key.consumerSecret}&`).update(stringToSign, 'utf8').digest('base64');
    if (!equal(signature, consumerSignature)) {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match.' };
    }

    // check_oauth_timestamp_and_nonce
    const now = Math.floor(this.clock() / 1000);
    const timestamp = Number(params['oauth_timestamp']);
    if (!(timestamp >= now - NONCE_WINDOW_SECONDS && timestamp <= now + NONCE_WINDOW_SECONDS)) {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Invalid timestamp.' };
    }
    const used = this.nonces.get(this.key.consumerKey) ?? new Map<number, string>();
    const nonce = params['oauth_nonce']!;
    if ([...used.values()].includes(nonce)) {
      return { ok: false, anonymous: false, code: 'woocommerce_rest_authentication_error', message: 'Invalid nonce - nonce has already been used.' };
    }
    used.set(timestamp, nonce);
    for (const at of used.keys()) if (at < now - NONCE_WINDOW_SECONDS) used.delete(at);
    this.nonces.set(this.key.consumerKey, used);
    return { ok: true, user: this.key };
  }

  private homePath(): string {
    return `${this.homeUrl.pathname.replace(/\/+$/, '')}/`;
  }
}

/** PHP's rawurlencode: every byte but A-Z a-z 0-9 - _ . ~ as %XX. */
function rawurlencode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function strcmp(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
