export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** A failed send says whether trying again may help (a busy server) or not (a refused address). */
export type MailResult = { ok: true; messageId: string } | { ok: false; transient: boolean; message: string };

/** The e-mail channel; notification channels sit behind one interface each. */
export interface Mailer {
  send(message: MailMessage): Promise<MailResult>;
}
