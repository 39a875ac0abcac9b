/**
 * Browser suite setup: checks for Debian's Chromium, builds the app when the build is missing or
 * older than the sources, creates a fresh database on the local PostgreSQL and starts the BUILT
 * server (`node apps/api/dist/main.js`, demo data) on an unusual port. Self-contained on purpose:
 * Jest's globalSetup does not apply moduleNameMapper. State for the tests goes through the
 * environment, state for the teardown through globalThis (same process).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's Chromium; CHROMIUM_PATH may name another installed one. A browser is never downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
/** The boot admin of the suite's server; the tests read it from the environment. */
const ADMIN = { email: 'bantochuc.browser@hoithi.test', password: randomBytes(12).toString('hex') };

export interface BrowserSuiteState {
  server: ChildProcess | null;
  adminUrl: string | null;
  database: string | null;
  logFile: string | null;
}

declare global {
  var __hoithiBrowserSuite: BrowserSuiteState | undefined;
}

const required = () => process.env.CI_REQUIRE_SERVICES === '1';

function skip(reason: string): void {
  if (required()) throw new Error(`Browser tests cannot run: ${reason} (CI_REQUIRE_SERVICES=1)`);
  process.env.HOITHI_BROWSER_SKIP = reason;
  console.warn(`\n[browser tests] SKIPPED: ${reason}\n`);
}

/** Newest modification time of the files under these paths (directories walked, node_modules/dist skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name !== 'node_modules' && name !== 'dist' && !name.endsWith('.tsbuildinfo')) visit(join(path, name));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

function buildIfStale(): void {
  const outputs = [join(ROOT, 'apps/api/dist/main.js'), join(ROOT, 'apps/web/dist/index.html')];
  const sources = newestMtime(
    ['apps/api/src', 'apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contest-engine/src', 'libs/contracts/src', 'nest-cli.json'].map((path) =>
      join(ROOT, path),
    ),
  );
  const missing = outputs.filter((file) => !existsSync(file));
  const oldest = missing.length ? 0 : Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  if (!missing.length && oldest >= sources) return;
  console.warn(`[browser tests] ${missing.length ? 'no build found' : 'the build is older than the sources'}: running npm run build`);
  // Jest sets NODE_ENV=test, which would make Vite build React's development bundle.
  const env = { ...process.env };
  delete env.NODE_ENV;
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function freePort(): Promise<number> {
  for (let tries = 0; tries < 20; tries += 1) {
    const port = 42000 + Math.floor(Math.random() * 1000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)));
      probe.listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error('no free port found for the browser tests');
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
  throw new Error(`the built app did not become healthy at ${baseUrl}\n${log}`);
}

export default async function globalSetup(): Promise<void> {
  const state: BrowserSuiteState = { server: null, adminUrl: null, database: null, logFile: null };
  globalThis.__hoithiBrowserSuite = state;

  if (!existsSync(CHROMIUM)) {
    skip(`${CHROMIUM} is missing (apt-get install chromium); no browser is ever downloaded`);
    return;
  }
  process.env.HOITHI_BROWSER_CHROMIUM = CHROMIUM;

  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    await adminQuery(adminUrl, 'SELECT 1');
  } catch {
    skip(`PostgreSQL does not answer at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}`);
    return;
  }

  buildIfStale();

  const database = `hoithi_browser_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
  state.adminUrl = adminUrl;
  state.database = database;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;

  const port = await freePort();
  const logFile = join(mkdtempSync(join(tmpdir(), 'hoithi-browser-')), 'server.log');
  state.logFile = logFile;
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: url.toString(),
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    // The organizer screens sign in as this admin (an admin may do everything an organizer may).
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  const server = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  state.server = server;

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, logFile);
  process.env.HOITHI_BROWSER_BASE_URL = baseUrl;
  process.env.HOITHI_BROWSER_ADMIN_EMAIL = ADMIN.email;
  process.env.HOITHI_BROWSER_ADMIN_PASSWORD = ADMIN.password;
  console.warn(`[browser tests] built app on ${baseUrl}, database ${database}, log ${logFile}`);
}
