/**
 * What the browser projects' global setups and teardown share. Each suite starts the BUILT server
 * with demo data and a generated boot admin (ADMIN_EMAIL/ADMIN_PASSWORD):
 * - `server` (project `browser`): on a fresh `hoithi_browser_*` database on the local PostgreSQL
 *   (DATABASE_URL), dropped afterwards;
 * - `embedded` (project `browser-embedded`): the `npm start` way, no DATABASE_URL: PGlite in a fresh
 *   temporary DATA_DIR, removed afterwards, with a short pool idle timeout so the idle connection is
 *   closed between the test's steps.
 *
 * Both projects may run in one Jest process (`npm run test:browser`), whose global setups all run
 * before any test: each suite publishes its values as `HOITHI_BROWSER_<SUITE>_<NAME>` and the
 * project's setup file (support/suite-env.ts) hands its own suite's to the tests as
 * `HOITHI_BROWSER_<NAME>`. State for the teardown goes through globalThis (same process).
 *
 * Loaded only by global setups and the teardown (CommonJS, no moduleNameMapper): see built-app.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type * as BuiltAppModule from './built-app.js';

const { buildIfStale, startBuiltApp, stopBuiltApp } = createRequire(import.meta.url)('./built-app.ts') as typeof BuiltAppModule;

export type BrowserSuiteName = 'server' | 'embedded';

/** The embedded suite's pool idle timeout: short, so the quiz flow's idle pause outlasts it. */
export const EMBEDDED_IDLE_TIMEOUT_MS = 200;

interface SuiteState {
  app: BuiltAppModule.BuiltApp | null;
  adminUrl: string | null;
  database: string | null;
  dataDir: string | null;
}

declare global {
  var __hoithiBrowserSuites: Partial<Record<BrowserSuiteName, SuiteState>> | undefined;
}

/** Debian's Chromium; CHROMIUM_PATH may name another installed one. A browser is never downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const publish = (suite: BrowserSuiteName, name: string, value: string) => {
  process.env[`HOITHI_BROWSER_${suite.toUpperCase()}_${name}`] = value;
};

function skip(suite: BrowserSuiteName, reason: string): void {
  if (process.env.CI_REQUIRE_SERVICES === '1') throw new Error(`Browser tests (${suite}) cannot run: ${reason} (CI_REQUIRE_SERVICES=1)`);
  publish(suite, 'SKIP', reason);
  console.warn(`\n[browser tests, ${suite}] SKIPPED: ${reason}\n`);
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

export async function startBrowserSuite(suite: BrowserSuiteName): Promise<void> {
  const state: SuiteState = { app: null, adminUrl: null, database: null, dataDir: null };
  globalThis.__hoithiBrowserSuites = { ...globalThis.__hoithiBrowserSuites, [suite]: state };

  if (!existsSync(CHROMIUM)) {
    skip(suite, `${CHROMIUM} is missing (apt-get install chromium); no browser is ever downloaded`);
    return;
  }
  publish(suite, 'CHROMIUM', CHROMIUM);

  const env: Record<string, string> = {};
  if (suite === 'server') {
    const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    try {
      await adminQuery(adminUrl, 'SELECT 1');
    } catch {
      skip(suite, `PostgreSQL does not answer at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}`);
      return;
    }
    buildIfStale('browser tests');
    const database = `hoithi_browser_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
    state.adminUrl = adminUrl;
    state.database = database;
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    Object.assign(env, { NODE_ENV: 'production', DATABASE_URL: url.toString(), JWT_SECRET: randomBytes(32).toString('hex') });
  } else {
    buildIfStale('browser tests');
    // As `npm start` runs it: no DATABASE_URL, so PGlite in DATA_DIR (and a JWT secret generated there).
    state.dataDir = mkdtempSync(join(tmpdir(), 'hoithi-browser-data-'));
    Object.assign(env, { DATA_DIR: state.dataDir, DATABASE_IDLE_TIMEOUT_MS: String(EMBEDDED_IDLE_TIMEOUT_MS) });
    publish(suite, 'DB_IDLE_TIMEOUT_MS', String(EMBEDDED_IDLE_TIMEOUT_MS));
    publish(suite, 'SCREENSHOTS_SUBDIR', 'embedded');
  }

  // The organizer screens sign in as this admin (an admin may do everything an organizer may).
  const admin = { email: `bantochuc.browser.${suite}@hoithi.test`, password: randomBytes(12).toString('hex') };
  const logFile = join(mkdtempSync(join(tmpdir(), `hoithi-browser-${suite}-`)), 'server.log');
  state.app = await startBuiltApp({
    logFile,
    // Rounds close by themselves within seconds of close + grace (the journeys wait for it).
    env: { ...env, DEMO_DATA: 'true', LOG_LEVEL: 'warn', ROUND_AUTO_CLOSE_SECONDS: '2', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
  });
  publish(suite, 'BASE_URL', state.app.baseUrl);
  publish(suite, 'ADMIN_EMAIL', admin.email);
  publish(suite, 'ADMIN_PASSWORD', admin.password);
  const where = suite === 'server' ? `database ${String(state.database)}` : `embedded database in ${String(state.dataDir)}`;
  console.warn(`[browser tests, ${suite}] built app on ${state.app.baseUrl}, ${where}, log ${logFile}`);
}

/** Stops every suite's server (its own child process), drops its database or removes its DATA_DIR. */
export async function stopBrowserSuites(): Promise<void> {
  const suites = globalThis.__hoithiBrowserSuites ?? {};
  globalThis.__hoithiBrowserSuites = undefined;
  for (const state of Object.values(suites)) {
    if (state.app) await stopBuiltApp(state.app);
    if (state.adminUrl && state.database) {
      const client = new pg.Client({ connectionString: state.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${state.database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  }
}
