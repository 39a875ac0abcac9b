/**
 * The BUILT app as `npm start` runs it (`node apps/api/dist/main.js`), for the suites that need a
 * real server process: the browser suites' global setups and the system tests. It builds when the
 * build is missing or older than the sources, finds a free port, starts the server with an exact
 * environment, waits until it is healthy, and stops or kills it.
 *
 * Self-contained on purpose (node: modules only): Jest loads globalSetup files as CommonJS and
 * without moduleNameMapper, so the global setups load this file by its real name
 * (`createRequire(import.meta.url)('./support/built-app.ts')`) and it must not import siblings.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const MAIN = join(ROOT, 'apps/api/dist/main.js');

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

/** Runs `npm run build` when the API or client build is missing or older than any of their sources. */
export function buildIfStale(label: string): void {
  const outputs = [MAIN, join(ROOT, 'apps/web/dist/index.html')];
  const sources = newestMtime(
    ['apps/api/src', 'apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contest-engine/src', 'libs/contracts/src', 'nest-cli.json'].map((path) =>
      join(ROOT, path),
    ),
  );
  const missing = outputs.filter((file) => !existsSync(file));
  const oldest = missing.length ? 0 : Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  if (!missing.length && oldest >= sources) return;
  console.warn(`[${label}] ${missing.length ? 'no build found' : 'the build is older than the sources'}: running npm run build`);
  // Jest sets NODE_ENV=test, which would make Vite build React's development bundle.
  const env = { ...process.env };
  delete env.NODE_ENV;
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/** A port nothing listens on, away from the 3000s other processes on the machine may hold. */
export async function freePort(): Promise<number> {
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
  throw new Error('no free port found');
}

export interface BuiltApp {
  /** The `node` process itself (no npm or shell wrapper), so a signal reaches the server. */
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  logFile: string;
  /** Everything the server printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

export interface StartOptions {
  /** The server's whole environment besides PATH and HOME (nothing else is inherited) and PORT. */
  env: Record<string, string>;
  logFile: string;
  /** How long to wait for /api/health (a fresh embedded database migrates and loads the demo first). */
  healthTimeoutMs?: number;
}

/** Starts `node apps/api/dist/main.js` on a free port and waits until /api/health answers 200. */
export async function startBuiltApp(options: StartOptions): Promise<BuiltApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env, PORT: String(port) };
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${MAIN}`);
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const chunks: string[] = [];
  const record = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    log.write(chunk);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const app: BuiltApp = { child, pid: child.pid, baseUrl: `http://127.0.0.1:${String(port)}`, logFile: options.logFile, output: () => chunks.join(''), exited };
  await waitForHealth(app, options.healthTimeoutMs ?? 90_000);
  return app;
}

async function waitForHealth(app: BuiltApp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && app.child.exitCode === null && app.child.signalCode === null) {
    try {
      const response = await fetch(`${app.baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const state = app.child.exitCode !== null || app.child.signalCode !== null ? `exited (${String(app.child.exitCode ?? app.child.signalCode)})` : 'not healthy in time';
  throw new Error(`the built app at ${app.baseUrl} ${state}; log ${app.logFile}:\n${app.output().slice(-4000)}`);
}

/** SIGTERM (the app closes and releases the embedded database), SIGKILL if it has not exited in time. */
export async function stopBuiltApp(app: BuiltApp, timeoutMs = 10_000): Promise<number | string> {
  if (app.child.exitCode === null && app.child.signalCode === null) {
    app.child.kill('SIGTERM');
    const timer = setTimeout(() => app.child.kill('SIGKILL'), timeoutMs);
    try {
      return await app.exited;
    } finally {
      clearTimeout(timer);
    }
  }
  return app.exited;
}
