import { credential } from './credential.ts';

/**
 * Follows /api/events (server-sent events) with fetch, so the credential travels in a
 * header rather than the URL; reconnects after a drop. Calls `onChange` whenever the
 * server reports that one of the shop's jobs changed, and on every (re)connect. Returns a stop function.
 */
export function followJobChanges(onChange: () => void, onState?: (live: boolean) => void): () => void {
  const controller = new AbortController();
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const token = await credential();
        const response = await fetch('/api/events', { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`events ${response.status}`);
        onState?.(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            // After a (re)connect, changes made while disconnected were missed: reload once.
            if (/^event: (jobs-changed|ready)$/m.test(message)) onChange();
          }
        }
      } catch {
        // Dropped or refused: show "offline" and try again shortly.
      }
      onState?.(false);
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
  return () => controller.abort();
}
