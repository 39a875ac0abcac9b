// A throw-away redis-server for one benchmark run: its own port, no persistence, so the benchmark's
// keys meet nobody else's and its CPU is the benchmark's alone (the machine's Redis serves others).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stop, waitForPort } from './util.mjs';

/** Starts redis-server (REDIS_SERVER or redis-server on PATH); returns { url, pid, stop() }. */
export async function startRedis({ children }) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-bench-redis-'));
  const child = spawn(process.env.REDIS_SERVER ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new Error(`redis-server could not start (${error.message}); set REDIS_SERVER or use BENCH_MODE=pg`)));
  });
  await waitForPort(port, child, 'redis-server');
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
