import { createTransport } from 'nodemailer';
import type { Mailer, MailResult } from './mailer.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string | null;
  password?: string | null;
  from: string;
  /** Bounds connecting, the greeting and each socket wait, so a stuck server cannot hold a relay. */
  timeoutMs?: number;
}

/** Sends through an SMTP server with nodemailer (one pooled transport per process). */
export function createSmtpMailer(config: SmtpConfig): Mailer & { close(): void } {
  const timeout = config.timeoutMs ?? 20_000;
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(message): Promise<MailResult> {
      try {
        const info = await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
        return { ok: true, messageId: String(info.messageId) };
      } catch (error) {
        return failure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** SMTP 5xx is a refusal that will not change on retry; 4xx, timeouts and refused connections may. */
function failure(error: unknown): MailResult {
  const code = typeof error === 'object' && error !== null && 'responseCode' in error ? Number((error as { responseCode: unknown }).responseCode) : NaN;
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, transient: !(code >= 500 && code < 600), message: `SMTP: ${message}` };
}
