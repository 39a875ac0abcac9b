/**
 * `npm run start:cluster` as a real process (node scripts/cluster/cluster.mjs, no npm wrapper, so a
 * signal reaches it): started with an exact environment, its `[cluster]` lines parsed for the URL and
 * the pids (which change when it restarts an API process), stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../browser/support/built-app.js';

export interface ClusterProcess {
  child: ChildProcess;
  url: string;
  nginxPid: number;
  /** The current pid of each API process (1-based in the cluster's lines, 0-based here). */
  apiPids: number[];
  /** The `[cluster] …` lines so far. */
  lines(): string[];
  /** Everything it printed (its own lines, the API processes' and nginx's logs). */
  output(): string;
  /** Resolves with the first `[cluster]` line at or after `from` that matches. */
  waitForLine(pattern: RegExp, timeoutMs: number, from?: number): Promise<string>;
  exited: Promise<number | string>;
  /** SIGTERM; resolves with the exit code (SIGKILL after 20 s). */
  stop(): Promise<number | string>;
}

export interface ClusterProcessOptions {
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}

export async function startClusterProcess(options: ClusterProcessOptions): Promise<ClusterProcess> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env };
  const child = spawn(process.execPath, [join(ROOT, 'scripts/cluster/cluster.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const chunks: string[] = [];
  const clusterLines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  const apiPids: number[] = [];
  const record = (chunk: Buffer) => {
    const text = chunk.toString();
    chunks.push(text);
    log.write(chunk);
    partial += text;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) {
      if (!line.startsWith('[cluster] ')) continue;
      clusterLines.push(line);
      const restarted = /api #(\d+) restarted: pid (\d+)/.exec(line);
      if (restarted) apiPids[Number(restarted[1]) - 1] = Number(restarted[2]);
    }
    waiters.forEach((wake) => wake());
  };
  child.stdout!.on('data', record);
  child.stderr!.on('data', record);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      log.end();
      waiters.forEach((wake) => wake());
      resolve(code ?? signal ?? 'unknown');
    });
  });

  const waitForLine = (pattern: RegExp, timeoutMs: number, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = clusterLines.slice(from).find((line) => pattern.test(line));
        if (found) return finish(() => resolve(found));
        if (child.exitCode !== null || child.signalCode !== null) {
          finish(() => reject(new Error(`the cluster exited (${String(child.exitCode ?? child.signalCode)}) before ${String(pattern)}:\n${chunks.join('').slice(-4000)}`)));
        }
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${String(pattern)} within ${String(timeoutMs)} ms; log ${options.logFile}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  let ready: string;
  try {
    ready = await waitForLine(/\bready: /, options.timeoutMs ?? 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const parsed = /ready: (http:\/\/\S+) \(nginx pid (\d+); api pids ([\d, ]+) on ports/.exec(ready);
  if (!parsed) throw new Error(`unexpected ready line: ${ready}`);
  apiPids.push(...parsed[3]!.split(',').map((pid) => Number(pid.trim())));
  return {
    child,
    url: parsed[1]!,
    nginxPid: Number(parsed[2]),
    apiPids,
    lines: () => [...clusterLines],
    output: () => chunks.join(''),
    waitForLine,
    exited,
    stop,
  };
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
