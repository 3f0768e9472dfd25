/**
 * `pnpm bench <name> [options]`: benchmarks, not timed tests. Each prints a report and
 * exits non-zero when a correctness check inside it fails; speed alone never fails one.
 */
interface Benchmark {
  about: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const benchmarks: Record<string, Benchmark> = {
  intake: {
    about: 'signed Shopify deliveries from a second process over loopback, with duplicates, against the raw upsert rate',
    load: () => import('./intake.ts'),
  },
  preflight: { about: 'binary STL parse, bbox, volume and watertight check vs three.js; a 100-page print PDF; both vs memcpy', load: () => import('./preflight.ts') },
  'preflight-mesh': { about: 'the mesh half of `preflight` alone: 1M-triangle binary STL vs three.js, watertight check, memcpy', load: () => import('./preflight-mesh.ts') },
  'preflight-pdf': { about: 'the PDF half of `preflight` alone: a 100-page print PDF, in process and in a worker, vs the 1 s target and memcpy', load: () => import('./preflight-pdf.ts') },
  gangup: { about: 'gang-up packer on the 500 2BP instances vs maxrects-packer and best known; 5,000 mixed rectangles', load: () => import('./gangup.ts') },
  outbox: { about: 'outbox relay: signed effects/s to a local fake platform vs pg-boss send rate, written in one tx each', load: () => import('./outbox.ts') },
  schedule: { about: 'scheduler: makespan vs lower bound; 5,000×30 vs grid-tuned ATCS; incremental reschedule vs full re-solve', load: () => import('./schedule.ts') },
};

const [name, ...args] = process.argv.slice(2);
const benchmark = name === undefined ? undefined : benchmarks[name];
if (!benchmark) {
  process.stderr.write(`${name === undefined ? 'Name a benchmark.' : `No benchmark "${name}".`} Available:\n`);
  for (const [key, { about }] of Object.entries(benchmarks)) process.stderr.write(`  pnpm bench ${key.padEnd(8)} ${about}\n`);
  process.exitCode = 1;
} else {
  const { run } = await benchmark.load();
  let code: number;
  try {
    code = await run(args.filter((arg) => arg !== '--'));
  } catch (error) {
    // A bad option is the user's to fix: say so plainly. Anything else keeps its stack.
    const usage = error instanceof RangeError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`bench ${name}: ${usage ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
  // Explicitly: a benchmark may leave pools or servers open that would keep the process alive.
  process.exit(code);
}
