import type { OrderConnector, Platform, PlatformApi, ShopifyAuth } from '@pressline/connectors';
import type { Database, QueueClient } from '@pressline/db';
import type { FileFetcher } from './files/fetch-linked-file.ts';
import type { FileStore } from './files/file-store.ts';
import type { Mailer } from './notifications/mailer.ts';
import type { SecretBox } from './security/secret-box.ts';
import type { OutboxPolicy } from './use-cases/outbox/retry-delay.ts';


/** What every use case may need, built once by the composition root (the CLI). */
export interface CoreDeps {
  db: Database;
  boss: QueueClient;
  connectors: Partial<Record<Platform, OrderConnector>>;
  /** The platforms' APIs, for reading orders back and pushing state. */
  platformApis: Partial<Record<Platform, PlatformApi>>;
  /** Shopify's install (token exchange) and token renewal, when a Shopify app is configured. */
  shopifyAuth?: ShopifyAuth;
  /** The Shopify app's secret: it signs app proxy requests (the storefront widgets on Shopify). */
  shopifyAppSecret?: string;
  /** Seals and opens the shops' stored platform secrets. */
  secrets: SecretBox;
  /** Where platforms reach this Pressline (APP_URL): webhook delivery and callback URLs. */
  publicUrl: string;
  /** Design files, proofs and thumbnails, stored once by content hash. */
  files: FileStore;
  /** Downloads the design files customers linked on their order lines. */
  fetchFile: FileFetcher;
  /** Customer e-mail (SMTP). Without one, e-mail effects fail (and dead-letter) as not configured. */
  mailer?: Mailer;
  /** Outgoing webhooks may target loopback and private networks (tests, on-premise receivers); off by default. */
  webhooksAllowPrivateNetworks?: boolean;
  /** The outbox relay's retry policy; unset fields take DEFAULT_OUTBOX_POLICY's. */
  outboxPolicy?: Partial<OutboxPolicy>;
  clock: () => Date;
}
