/** How one attempt to send an effect ended. */
export type SendOutcome =
  | { kind: 'sent'; result: Record<string, unknown> }
  /** Nothing to send any more (superseded, opted out, unsupported); not a failure. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'throttled'; retryAfterMs: number; message: string }
  /** May have been applied or may work later (timeout, 5xx, connection lost): retry, checking remote state. */
  | { kind: 'transient'; message: string }
  /** Will not work by retrying (refused, gone): dead-lettered at once. */
  | { kind: 'permanent'; message: string };

/**
 * An effect ready to send: the remote call (made outside any reasoning about the
 * database) and what to record once it succeeded.
 */
export interface PreparedSend {
  call(): Promise<SendOutcome>;
}
