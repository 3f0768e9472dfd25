import type { FileKind, Finding, InspectLimits, Inspection } from '../domain/preflight/facts.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, WorkerPool, type WorkerBudget, type WorkerOutcome, type WorkerTask } from './inspect-in-worker-pool.ts';

export type { WorkerBudget, WorkerOutcome, WorkerTask } from './inspect-in-worker-pool.ts';

const pool = new WorkerPool();

/** Runs one task on the shared pool of worker threads (see inspect-in-worker-pool.ts). */
export function runInWorker(task: WorkerTask, budget: WorkerBudget = {}): Promise<WorkerOutcome> {
  return pool.run(task, budget);
}

/** Starts the worker threads now rather than on the first file; for a worker process at boot. */
export function prewarmInspectWorkers(budget: Pick<WorkerBudget, 'maxMemoryMb'> = {}): void {
  pool.prewarm(budget.maxMemoryMb);
}

/** Ends the worker threads (they also end on their own when idle); for shutdown and tests. */
export function closeInspectWorkers(): Promise<void> {
  return pool.close();
}

export interface InspectInWorkerOptions extends WorkerBudget {
  name?: string;
  limits?: Partial<InspectLimits>;
}

/**
 * The domain's inspectFile in a worker thread, so that no file — however hostile — can
 * hang or exhaust the calling process. Over the time budget: `file.timeout`; out of
 * memory or crashed: `file.too_complex`. Never throws.
 *
 * The bytes are moved to the thread, not copied: afterwards the caller's array is
 * empty when it owned its whole buffer. Pass `bytes.slice()` to keep using them.
 */
export async function inspectInWorker(bytes: Uint8Array, options: InspectInWorkerOptions = {}): Promise<Inspection> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  const outcome = await runInWorker({ task: 'inspect', bytes, name: options.name, limits: options.limits }, { timeoutMs, maxMemoryMb });
  switch (outcome.kind) {
    case 'done':
      return outcome.value as Inspection;
    case 'timeout':
      return {
        ok: false,
        kind: null,
        finding: {
          code: 'file.timeout',
          severity: 'error',
          message: `Checking the file took longer than ${formatSeconds(timeoutMs)}, so it was stopped.`,
          fix: 'Simplify the file (flatten effects, reduce very complex vector artwork) or export it again, then upload it again.',
        },
      };
    case 'out_of_memory':
      return tooComplex(`Checking the file needed more than the ${maxMemoryMb} MB of memory allowed, so it was stopped.`);
    case 'failed':
    case 'crashed':
      return tooComplex('The file could not be checked: the checker stopped on it.');
  }
}

function tooComplex(message: string): Inspection {
  return {
    ok: false,
    kind: null,
    finding: { code: 'file.too_complex', severity: 'error', message, fix: 'Simplify the file or export it again (for PDFs, PDF/X-4 from the design program), then upload it again.' },
  };
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

export type ThumbnailResult = { ok: true; png: Uint8Array } | { ok: false; finding: Finding };

/** A file's preview as a PNG (longer side `size` px; a PDF's first page), drawn in a worker thread under the same limits. */
export async function renderThumbnailInWorker(bytes: Uint8Array, options: { kind: FileKind; size: number } & WorkerBudget): Promise<ThumbnailResult> {
  const outcome = await runInWorker({ task: 'thumbnail', bytes, kind: options.kind, size: options.size }, options);
  if (outcome.kind === 'done' && outcome.value instanceof Uint8Array) return { ok: true, png: outcome.value };
  const message =
    outcome.kind === 'timeout'
      ? 'Drawing the preview took too long, so it was stopped.'
      : outcome.kind === 'out_of_memory'
        ? 'Drawing the preview needed more memory than allowed.'
        : 'The preview could not be drawn from this file.';
  return { ok: false, finding: { code: 'thumbnail.failed', severity: 'warning', message, fix: 'The file can still be checked and printed; export it again if the preview matters.' } };
}
