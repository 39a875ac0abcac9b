// The system under a rush, as it is deployed: nginx in front of N API processes
// (scripts/cluster/cluster.mjs, `npm run start:cluster`), on the benchmark's database and Redis.
// With BENCH_TARGET=single (or while the cluster command is not there) one API process on its own
// port, the way the other benchmarks start it, and the report says so.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApi } from './api.mjs';
import { JWT_SECRET } from './env.mjs';

/** The API's settings for a benchmark: no demo data, no admin, quiet logs, tokens that outlive the run. */
export const benchApiEnv = (workDir) => ({
  DEMO_DATA: 'false',
  LOG_LEVEL: 'warn',
  ADMIN_EMAIL: '',
  ADMIN_PASSWORD: '',
  DATA_DIR: workDir,
  JWT_SECRET,
  // Pre-minted tokens carry the claims (and expiry) of one real login: a long run must not outlive them.
  JWT_EXPIRES_IN_SECONDS: '86400',
});

/**
 * Starts the target. Returns { kind: 'cluster' | 'single', port, url, apiPorts, apiPids(), nginxPid(),
 * describe, stop() }. `log` counts the lines the API processes wrote ({ lines }; a cluster's are counted when it stops).
 */
export async function startTarget({ kind = process.env.BENCH_TARGET ?? 'cluster', apiProcesses, url, redisUrl = '', workDir, children, log, extraEnv = {} }) {
  if (kind === 'cluster') {
    let startCluster = null;
    try {
      ({ startCluster } = await import('../../../scripts/cluster/cluster.mjs'));
    } catch (error) {
      console.log(`  (the cluster command could not be loaded: ${error.message}; one API process instead)`);
    }
    if (startCluster) {
      const logDir = join(workDir, `cluster-logs-${Date.now()}`);
      mkdirSync(logDir, { recursive: true });
      try {
        const cluster = await startCluster({
          apiProcesses,
          port: 0,
          build: false,
          logDir,
          accessLog: false,
          env: { ...process.env, ...benchApiEnv(workDir), DATABASE_URL: url, REDIS_URL: redisUrl, ...extraEnv },
          log: (line) => console.log(`  [cluster] ${String(line).slice(0, 300)}`),
        });
        await cluster.waitReady?.();
        const port = Number(new URL(cluster.url).port);
        return {
          kind: 'cluster',
          port,
          url: cluster.url,
          apiPorts: cluster.apiPorts,
          apiPids: () => cluster.pids.api,
          nginxPid: () => cluster.pids.nginx,
          describe: `nginx on :${port} in front of ${cluster.apiPorts.length} API processes`,
          stop: async () => {
            await cluster.stop();
            countApiLogLines(logDir, log);
          },
        };
      } catch (error) {
        if (!/not implemented/.test(error.message)) {
          tailLogs(logDir);
          throw error;
        }
        console.log('  (scripts/cluster/cluster.mjs is not implemented yet: one API process, no nginx)');
      }
    }
  } else if (kind !== 'single') {
    throw new Error(`BENCH_TARGET must be cluster or single, not ${kind}`);
  }
  const api = await startApi({ url, workDir, redisUrl, children, log, extraEnv: { ...benchApiEnv(workDir), ATTEMPT_SWEEP_SECONDS: '30', ...extraEnv } });
  return {
    kind: 'single',
    port: api.port,
    url: `http://127.0.0.1:${api.port}`,
    apiPorts: [api.port],
    apiPids: () => [api.child.pid],
    nginxPid: () => null,
    describe: `one API process on :${api.port}, no nginx`,
    stop: async () => {
      const { stop } = await import('./util.mjs');
      await stop(api.child);
    },
  };
}

/** The API processes' output (files in the cluster's logDir): counted into `log`, the first lines shown. */
function countApiLogLines(logDir, log) {
  let shown = 0;
  for (const file of readdirSync(logDir).filter((f) => f.startsWith('api')).sort()) {
    for (const text of readFileSync(join(logDir, file), 'utf8').split('\n').filter(Boolean)) {
      log.lines += 1;
      if (shown++ < 3) console.log(`  [${file}] ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
    }
  }
}

/** The last lines of every log in the cluster's logDir: why an API process did not come up. */
function tailLogs(logDir) {
  for (const file of readdirSync(logDir).sort()) {
    const lines = readFileSync(join(logDir, file), 'utf8').split('\n').filter(Boolean).slice(-8);
    for (const text of lines) console.log(`  [${file}] ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
  }
}
