import { resolve } from 'node:path';
import { z } from 'zod';

/** The one place Pressline reads its environment. Library code takes explicit config. */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_APP_URL: z.string().url().optional(),
  PRESSLINE_HOME: z.string().default('.pressline'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  APP_URL: z.string().url().default('http://localhost:8787'),
  SHOPIFY_API_KEY: z.string().min(1).default('pressline-dev'),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** 32 bytes, base64: seals the shops' platform secrets. Unset → a key kept in PRESSLINE_HOME. */
  PRESSLINE_SECRET_KEY: z.string().min(1).optional(),
  /** Lets linked design files be fetched from loopback and private networks (on-premise storefronts, tests). */
  FILE_FETCH_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** Largest linked design file fetched, in MB. */
  FILE_FETCH_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
  /** Customer e-mail: unset → e-mail effects wait (and dead-letter) until a server is configured. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when offered. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('Pressline <no-reply@localhost>'),
  /** Lets outgoing webhooks target loopback and private networks (on-premise receivers, tests). */
  WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** Outbox relay: attempts before an effect is dead-lettered, and the first retry's delay. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  OUTBOX_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
});

export type Env = Omit<z.infer<typeof schema>, 'PRESSLINE_HOME'> & { PRESSLINE_HOME: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return { ...parsed.data, PRESSLINE_HOME: resolve(parsed.data.PRESSLINE_HOME) };
}
