// Runs a pgbench script file against a database and reads its result: rate, failures and the
// per-transaction latencies from pgbench's own log (-l), for p50/p99.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from './env.mjs';
import { run, summarize } from './util.mjs';

/** pgbench on PATH; PGBENCH overrides it (e.g. /usr/lib/postgresql/15/bin/pgbench). */
export const PGBENCH = env.PGBENCH ?? 'pgbench';

/**
 * `script` (text) is written to `dir`/`name`.sql; `-M prepared` unless `mode`. Resolves { tps,
 * processed, failed, averageMs, count, p50, p99, max, code, stderr }.
 */
export async function runPgbench({ name, script, url, dir, clients, threads = 2, seconds, mode = 'prepared', vars = {} }) {
  const file = join(dir, `${name}.sql`);
  writeFileSync(file, script);
  const prefix = `log_${name}_${mode}`;
  const target = new URL(url);
  const args = [
    '-n', '-c', String(clients), '-j', String(threads), '-T', String(seconds), '-M', mode,
    ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]), '-f', file,
    '-l', `--log-prefix=${join(dir, prefix)}`,
    '-h', target.hostname, '-p', target.port || '5432', '-U', decodeURIComponent(target.username || 'postgres'), target.pathname.slice(1),
  ];
  const result = await run(PGBENCH, args, { env: { ...env, PGPASSWORD: decodeURIComponent(target.password) || env.PGPASSWORD || '' } });
  const number = (pattern) => Number(pattern.exec(result.stdout)?.[1] ?? NaN);
  const latencies = [];
  for (const log of readdirSync(dir).filter((f) => f.startsWith(`${prefix}.`))) {
    for (const line of readFileSync(join(dir, log), 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 6) latencies.push(Number(fields[2]) / 1000);
    }
  }
  const aborted = (result.stderr.match(/aborted/g) ?? []).length;
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    processed: number(/number of transactions actually processed: (\d+)/),
    failed: (number(/number of failed transactions: (\d+)/) || 0) + aborted,
    averageMs: number(/latency average = ([\d.]+) ms/),
    ...summarize(latencies),
    code: result.code,
    stderr: result.stderr.trim().split('\n').slice(0, 5).join('\n'),
  };
}
