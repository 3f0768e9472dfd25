import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type FetchedFile =
  | { ok: true; bytes: Uint8Array; contentType: string | null }
  /** `retry`: worth trying again later (a 5xx, a timeout); otherwise the link is dead or refused. */
  | { ok: false; reason: string; retry: boolean };

export interface FileFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  /**
   * Links come from customers' order lines: by default they may not reach loopback or
   * private addresses (this server's own services). Tests and on-premise shops allow it.
   */
  allowPrivateNetworks: boolean;
  fetch?: typeof fetch;
}

export type FileFetcher = (url: string) => Promise<FetchedFile>;

const privateRanges = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateRanges.addSubnet(net, prefix, 'ipv6');

/** True when the host is, or resolves to, a loopback, private, link-local or multicast address. */
export async function isPrivateHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  return addresses.some(({ address, family }) => {
    const mapped = family === 6 && address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : null;
    return mapped ? privateRanges.check(mapped, 'ipv4') : privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  });
}

/** Downloads a customer's linked design file, bounded in size and time. */
export function createFileFetcher(options: FileFetchOptions): FileFetcher {
  const doFetch = options.fetch ?? fetch;
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, reason: 'The link is not a valid URL.', retry: false };
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, reason: 'Only http and https links can be fetched.', retry: false };
    try {
      if (!options.allowPrivateNetworks && (await isPrivateHost(parsed.hostname))) {
        return { ok: false, reason: 'The link points into a private network and is not fetched.', retry: false };
      }
    } catch {
      return { ok: false, reason: `The host ${parsed.hostname} could not be found.`, retry: true };
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      // Redirects are followed by hand so each hop is checked against the private ranges too.
      const response = await doFetch(parsed, { signal: controller.signal, redirect: options.allowPrivateNetworks ? 'follow' : 'manual' });
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) return { ok: false, reason: `The link answered ${response.status} without a location.`, retry: false };
        return createFileFetcher(options)(new URL(location, parsed).toString());
      }
      if (!response.ok) {
        await response.body?.cancel();
        const retry = response.status >= 500 || response.status === 429 || response.status === 408;
        return { ok: false, reason: `The link answered HTTP ${response.status}.`, retry };
      }
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        return { ok: false, reason: tooLarge(options.maxBytes), retry: false };
      }
      const bytes = await readCapped(response, options.maxBytes);
      if (!bytes) return { ok: false, reason: tooLarge(options.maxBytes), retry: false };
      return { ok: true, bytes, contentType: response.headers.get('content-type') };
    } catch (error) {
      const aborted = controller.signal.aborted;
      return { ok: false, reason: aborted ? `The download took longer than ${Math.round(options.timeoutMs / 1000)} s.` : `The download failed (${(error as Error).message}).`, retry: true };
    } finally {
      clearTimeout(timer);
    }
  };
}

function tooLarge(maxBytes: number): string {
  return `The file is larger than ${Math.round(maxBytes / 1048576)} MB.`;
}

/** The body, or null once it passes the cap (a lying or missing Content-Length). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Nothing more is downloaded.
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
