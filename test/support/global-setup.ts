/**
 * Finds the PostgreSQL server the e2e tests use: TEST_DATABASE_URL if set, else the server at
 * 127.0.0.1:5432 when it answers (this machine starts one), else a throwaway cluster made from the
 * machine's PostgreSQL binaries. Each test file then creates its own fresh database on it.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

interface PostgresServer {
  adminUrl: string;
  source: 'TEST_DATABASE_URL' | 'local server' | 'throwaway cluster';
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

function run(command: string, args: string[], asPostgres: boolean): void {
  const result = asPostgres
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

async function startThrowawayCluster(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('No PostgreSQL for the e2e tests: set TEST_DATABASE_URL, start a server on 127.0.0.1:5432, or install PostgreSQL');
  }
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-pg-'));
  if (asPostgres) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const port = 25432 + Math.floor(Math.random() * 2000);
  const user = asPostgres ? 'postgres' : (process.env.USER ?? 'postgres');
  run(join(bin, 'initdb'), ['-A', 'trust', '--no-sync', '-U', user, '-D', join(dir, 'data')], asPostgres);
  run(
    join(bin, 'pg_ctl'),
    ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start'],
    asPostgres,
  );
  return {
    adminUrl: `postgres://${user}@127.0.0.1:${port}/postgres`,
    source: 'throwaway cluster',
    async stop() {
      run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop'], asPostgres);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function findPostgresServer(env: NodeJS.ProcessEnv): Promise<PostgresServer> {
  const noop = async () => undefined;
  if (env.TEST_DATABASE_URL) {
    if (!(await answers(env.TEST_DATABASE_URL))) throw new Error('TEST_DATABASE_URL does not answer');
    return { adminUrl: env.TEST_DATABASE_URL, source: 'TEST_DATABASE_URL', stop: noop };
  }
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await answers(local)) return { adminUrl: local, source: 'local server', stop: noop };
  if (env.CI_REQUIRE_SERVICES === '1') {
    throw new Error('CI_REQUIRE_SERVICES=1 but no PostgreSQL server answers at 127.0.0.1:5432');
  }
  return startThrowawayCluster();
}

declare global {
  var __HOITHI_PG__: PostgresServer | undefined;
}

/**
 * Runs once before the e2e files (Jest's globalSetup ignores moduleNameMapper, so this file imports
 * nothing of ours): find or start PostgreSQL and tell the workers where it is.
 */
export default async function globalSetup(): Promise<void> {
  const server = await findPostgresServer(process.env);
  globalThis.__HOITHI_PG__ = server;
  process.env.HOITHI_TEST_PG_ADMIN_URL = server.adminUrl;
  process.stdout.write(`\ne2e tests use PostgreSQL from: ${server.source} (${server.adminUrl.replace(/\/\/[^@]*@/, '//')})\n`);
}
