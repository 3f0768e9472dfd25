import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `pressline demo` and resolves with its API's base URL once it has seeded the demo. */
function startDemo(home: string): { child: ChildProcess; ready: Promise<{ baseUrl: string; apiKey: string }>; stderr: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PRESSLINE_HOME: home, PORT: '0' };
  delete env['DATABASE_URL'];
  delete env['SHOPIFY_API_SECRET'];
  // Its own process group, like a terminal session: Ctrl-C reaches it and the Postgres it starts.
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/cli/main.ts', 'demo'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  const ready = new Promise<{ baseUrl: string; apiKey: string }>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const baseUrl = /API listening on (http:\/\/[\d.]+:\d+)/.exec(stderr)?.[1];
      const apiKey = /API key (plk_\S+)/.exec(stderr)?.[1];
      if (baseUrl && apiKey) resolve({ baseUrl, apiKey });
    });
    child.once('exit', (code) => reject(new Error(`demo exited early (${code}): ${stderr}`)));
  });
  return { child, ready, stderr: () => stderr };
}

describe('CLI commands while Pressline runs on the embedded database', () => {
  let home: string | undefined;
  let demo: ReturnType<typeof startDemo> | undefined;

  afterAll(async () => {
    if (demo?.child.exitCode === null) process.kill(-demo.child.pid!, 'SIGKILL');
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('reuse the running server, leave it running, and it all stops cleanly on Ctrl-C', { timeout: 90_000 }, async () => {
    home = await mkdtemp(join(tmpdir(), 'pressline-shared-'));
    demo = startDemo(home);
    const { baseUrl, apiKey } = await demo.ready;

    const added = await runCli(['shop', 'add', '--platform', 'shopify', '--domain', 'second-shop.myshopify.com'], { home });
    expect(added.code, added.stderr).toBe(0);

    // The running Pressline still answers on the same database, and sees the new tenant's key work.
    const key = await runCli(['api-key', 'create', '--shop', 'second-shop.myshopify.com'], { home });
    expect(key.code, key.stderr).toBe(0);
    for (const bearer of [apiKey, key.stdout.trim()]) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ orders(first: 5) { nodes { name } } }' }),
      });
      expect(response.status).toBe(200);
    }

    const exited = new Promise<number | null>((resolve) => demo!.child.once('exit', (code) => resolve(code)));
    process.kill(-demo.child.pid!, 'SIGINT'); // what Ctrl-C does: the whole process group
    expect(await exited, demo.stderr()).toBe(0);
    expect(demo.stderr()).toContain('stopped by SIGINT');
    expect(demo.stderr()).not.toMatch(/Unhandled|\n\s+at /);
  });
});
