/** Resolves on the first SIGINT/SIGTERM, so a command can shut down gracefully. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Diagnostics go to stderr; stdout carries only what a script may capture (ids, keys). */
export const say = (line: string) => process.stderr.write(`${line}\n`);
