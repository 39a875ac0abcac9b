// The built API (apps/api/dist/main.js) as the benchmarks run it: its own port, the bench secret,
// no demo data, logs at warn (the first few lines shown, the rest counted), and with BENCH_PROFILE=1
// the SQL/CPU counters of pg-profile.preload.mjs on a side port.
import { spawn } from 'node:child_process';
import { API_FLAGS, env, JWT_SECRET, PROFILE } from './env.mjs';
import { freePort, waitForPort } from './util.mjs';

/**
 * Starts the API and waits for its port. `redisUrl` '' = no Redis (in-process rate limits, the
 * PostgreSQL leaderboard store). `log` counts the lines the API wrote ({ lines }); `label` prefixes
 * the ones shown. Returns { child, port, profile }: profile() reads and resets the counters
 * (null without BENCH_PROFILE=1).
 */
export async function startApi({ url, workDir, redisUrl = '', children, log, label = 'api', extraEnv = {} }) {
  const port = await freePort();
  const profilePort = PROFILE ? await freePort() : 0;
  const child = spawn(process.execPath, [...API_FLAGS, ...(PROFILE ? ['--import', './test/bench/pg-profile.preload.mjs'] : []), 'apps/api/dist/main.js'], {
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL: url,
      JWT_SECRET,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ATTEMPT_SWEEP_SECONDS: '0',
      DATA_DIR: workDir,
      REDIS_URL: redisUrl,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      BENCH_PROFILE_PORT: String(profilePort),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  // The API logs at warn: show the first few lines (shortened), count the rest.
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const text of lines.filter(Boolean)) {
        log.lines += 1;
        if (log.lines <= 3) console.log(`  [${label}] ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
      }
    });
  }
  await waitForPort(port, child, 'the API');
  const profile = async () => (PROFILE ? (await fetch(`http://127.0.0.1:${profilePort}/stats`)).json() : null);
  return { child, port, profile };
}
