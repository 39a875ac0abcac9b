/**
 * A PostgreSQL server and a Redis server of the test's own, on free ports in a temporary directory,
 * which the fault tests stop and start at will (never the machine's shared servers: other suites use
 * them). As root, PostgreSQL runs as the `postgres` user (initdb refuses root), as the e2e global
 * setup's throwaway cluster does.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../browser/support/built-app.js';

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

export function redisServerPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

/** Why the cluster fault tests cannot run here (null: they can). */
export function missingForClusterTests(): string | null {
  if (!existsSync(NGINX)) return `${NGINX} is missing (apt-get install -y nginx)`;
  if (!postgresBinDir()) return 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)';
  if (!redisServerPath()) return 'redis-server is missing (apt-get install -y redis-server)';
  return null;
}

const asPostgres = process.getuid?.() === 0;

/** Like run, without blocking the event loop (the test's clients keep going meanwhile). */
function runAsync(command: string, args: string[]): Promise<void> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || error.message}`));
      else resolve();
    });
  });
}

function run(command: string, args: string[]): void {
  const result = asPostgres
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface ThrowawayPostgres {
  port: number;
  /** A URL for a database on this server. */
  url(database: string): string;
  query<T extends pg.QueryResultRow>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** `pg_ctl stop`: `immediate` is a crash (recovery from WAL at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start`, resolved once it accepts connections. */
  start(): Promise<void>;
  destroy(): void;
}

export async function startThrowawayPostgres(dir: string): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL binaries');
  mkdirSync(dir, { recursive: true });
  if (asPostgres) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  const user = asPostgres ? 'postgres' : (process.env.USER ?? 'postgres');
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-A', 'trust', '--no-sync', '-U', user, '-D', data]);
  // fsync stays on: the test claims that acknowledged saves survive a crash of the server.
  const options = `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const startArgs = ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start'];
  run(join(bin, 'pg_ctl'), startArgs);
  let running = true;
  const url = (database: string) => `postgres://${user}@127.0.0.1:${String(port)}/${database}`;
  return {
    port,
    url,
    async query<T extends pg.QueryResultRow>(database: string, sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: url(database), connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop(mode = 'fast') {
      await runAsync(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    async start() {
      await runAsync(join(bin, 'pg_ctl'), startArgs);
      running = true;
    },
    destroy() {
      if (running) {
        try {
          run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
      running = false;
    },
  };
}

/** True when a Redis server answers PING on this port (without redis-cli, which may be missing). */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export interface ThrowawayRedis {
  url: string;
  /** SIGKILL: Redis gone at once, its data with it (no persistence). */
  kill(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startThrowawayRedis(dir: string): Promise<ThrowawayRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error('redis-server is missing');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const server = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    child = server;
    exited = new Promise((resolve) => server.once('exit', () => resolve()));
    for (let i = 0; i < 100; i += 1) {
      if (await redisAnswers(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server on port ${String(port)} does not answer`);
  };
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
    child = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${String(port)}`, kill, start, destroy: kill };
}
