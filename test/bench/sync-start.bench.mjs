// Benchmark (issue #18 item 4): a synchronized start. BENCH_SYNC_MEMBERS members (5,000) press
// "start" at the same instant through nginx in front of two API processes, with admission control
// at BENCH_SYNC_RATE starts per second shared by both replicas through Redis (BENCH_MODE=pg: each
// process its own queue, no Redis). Each member does what the client does: a 202 gives a place
// and `retryAfterMs`, the member asks again after it (keeping the place), until its attempt is
// created (201). A measurement, never a test: it exits 0 when a goal is missed and prints
// "GOAL MISSED" instead.
//
//   npm run bench:sync-start
//
// Goals (issue #18): nobody gets an error, every member gets exactly one attempt, nobody loses
// their place (a later 202 with a larger position), and everyone is admitted within the queue's
// promise: the first 202 says position p, so the member's admitted request is sent by p / rate
// seconds after it (the API's own estimate, `retryAfterMs`, assumes no tokens saved up), plus one
// retry interval of slack (BENCH_SYNC_SLACK_MS, 1,000 ms: the member only learns it is admitted when
// it asks again). Also printed: how long the admitted start took to answer, and how much of the
// member's clock (from the attempt's startedAt) had run when the answer came.
//
// Environment (all optional):
//   BENCH_SYNC_MEMBERS=5000   BENCH_SYNC_RATE=250 (START_ADMISSION_PER_SECOND)   BENCH_SYNC_BURST (START_ADMISSION_BURST)
//   BENCH_SYNC_CONNECTIONS=1000 sockets to nginx (a phone holds one each; requests wait for a free socket)
//   BENCH_SYNC_SLACK_MS=1000   BENCH_MODE=redis | pg   BENCH_RUSH_API_PROCESSES=2   KEEP_DB=1
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cpuSplit } from './lib/cpu-split.mjs';
import { ADMIN_URL, env, int, KEEP_DB, PASSWORD } from './lib/env.mjs';
import { openConnections } from './lib/http.mjs';
import { startRedis } from './lib/redis-server.mjs';
import { startTarget } from './lib/rush-target.mjs';
import { createDatabase } from './lib/seed.mjs';
import { migrateDatabase, seedSmallDatabase } from './lib/small-database.mjs';
import { SMALL_ROUND_ID, smallMembers } from './lib/small-seed.mjs';
import { tokenSigner } from './lib/tokens.mjs';
import { databaseUrl, percentile, seconds, sleep, stop, withClient } from './lib/util.mjs';

const MEMBERS = Math.max(1, int('BENCH_SYNC_MEMBERS', 5000));
const RATE = Math.max(1, int('BENCH_SYNC_RATE', 250));
const BURST = env.BENCH_SYNC_BURST;
const CONNECTIONS = Math.max(1, int('BENCH_SYNC_CONNECTIONS', 1000));
const SLACK_MS = int('BENCH_SYNC_SLACK_MS', 1000);
const MODE = env.BENCH_MODE ?? 'redis';
if (!['redis', 'pg'].includes(MODE)) throw new Error('BENCH_MODE must be redis or pg');
const API_PROCESSES = Math.max(1, int('BENCH_RUSH_API_PROCESSES', 2));

const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-sync-bench-'));
const database = `bench_sync_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
const url = databaseUrl(database);
const children = [];
const missed = [];
let created = false;
let target = null;
let redis = null;
let monitor = null;

console.log(`synchronized-start benchmark: ${num(MEMBERS)} members at once, admission ${RATE}/s${BURST ? ` (burst ${BURST})` : ''}, ` +
  `mode ${MODE}, ${API_PROCESSES} API processes, ${CONNECTIONS} connections; database ${database}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

try {
  await createDatabase(database);
  created = true;
  await migrateDatabase(url);
  console.log(`  seeded: ${(await seedSmallDatabase(url, MEMBERS)).join(', ')}`);
  const members = smallMembers(MEMBERS);

  redis = MODE === 'redis' ? await startRedis({ children }) : null;
  target = await startTarget({
    apiProcesses: API_PROCESSES, url, redisUrl: redis?.url ?? '', workDir, children, log: { lines: 0 },
    extraEnv: { START_ADMISSION_PER_SECOND: String(RATE), ...(BURST ? { START_ADMISSION_BURST: BURST } : {}) },
  });
  console.log(`  ${target.describe}${redis ? `, Redis ${redis.url} (its own)` : ', no Redis (a queue per process)'}`);

  const connections = await openConnections(target.port, CONNECTIONS);
  const login = await connections[0].request('POST', '/api/auth/login', null, { email: members[0].email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.body}`);
  const sign = tokenSigner(JSON.parse(login.body).accessToken);

  // Requests wait for a free socket, as a phone's would for its own; the wait counts in the latency.
  const idle = [...connections];
  const waiting = [];
  const request = async (method, path, token) => {
    const connection = idle.pop() ?? (await new Promise((resolve) => waiting.push(resolve)));
    try {
      return await connection.request(method, path, token, {});
    } catch (error) {
      return { status: 0, body: String(error.message), head: '' };
    } finally {
      const next = waiting.shift();
      if (next) next(connection);
      else idle.push(connection);
    }
  };

  const postgresPids = async () => (await monitor.query(
    `SELECT pid FROM pg_stat_activity WHERE (datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer'))
       AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);
  monitor = new pg.Client({ connectionString: ADMIN_URL });
  await monitor.connect();
  const meter = await cpuSplit({
    api: async () => target.apiPids(), postgres: postgresPids,
    ...(redis ? { redis: async () => [redis.pid] } : {}), ...(target.nginxPid() ? { nginx: async () => [target.nginxPid()] } : {}),
  });

  const path = `/api/rounds/${SMALL_ROUND_ID}/attempts`;
  const t0 = performance.now();
  const outcomes = await Promise.all(members.map(async (member) => {
    const token = sign(member);
    const outcome = { requests: 0, waits: 0, first: null, startedMs: NaN, admittedMs: NaN, unseenMs: NaN, lostPlace: false, error: null, latencies: [] };
    let lastPosition = Infinity;
    for (;;) {
      const sent = performance.now();
      const response = await request('POST', path, token);
      outcome.latencies.push(performance.now() - sent);
      outcome.requests += 1;
      if (response.status === 201) {
        outcome.startedMs = performance.now() - t0;
        outcome.admittedMs = sent - t0;
        // The member's clock runs from the attempt's startedAt: what passed before the answer came is lost.
        outcome.unseenMs = Date.now() - Date.parse(JSON.parse(response.body).startedAt);
        return outcome;
      }
      if (response.status !== 202) {
        outcome.error = `${response.status} ${response.body.slice(0, 160)}`;
        return outcome;
      }
      const wait = JSON.parse(response.body);
      outcome.waits += 1;
      // A place only moves forward; a larger one means the ticket expired and the member went to the back.
      if (wait.position > lastPosition) outcome.lostPlace = true;
      lastPosition = wait.position;
      if (!outcome.first) outcome.first = { atMs: performance.now() - t0, position: wait.position, retryAfterMs: wait.retryAfterMs };
      await sleep(wait.retryAfterMs);
    }
  }));
  const wallMs = performance.now() - t0;
  const cpu = await meter.read();
  for (const connection of connections) connection.close();

  const attempts = await withClient(url, async (db) => (await db.query(
    `SELECT count(*)::int AS attempts, count(DISTINCT user_id)::int AS members FROM attempts WHERE round_id = $1`, [SMALL_ROUND_ID])).rows[0]);
  const errors = outcomes.filter((o) => o.error);
  const queued = outcomes.filter((o) => o.first);
  // The queue's promise, made by the first 202: admitted by position / rate after it, plus the slack
  // (judged by when the admitted request was sent; how long the start then took is reported apart).
  const lateness = queued.filter((o) => Number.isFinite(o.admittedMs)).map((o) => o.admittedMs - (o.first.atMs + (o.first.position * 1000) / RATE + SLACK_MS));
  const late = lateness.filter((l) => l > 0);
  const lostPlace = queued.filter((o) => o.lostPlace).length;
  const startAnswers = outcomes.filter((o) => Number.isFinite(o.startedMs)).map((o) => o.latencies.at(-1)).sort((a, b) => a - b);
  const unseen = outcomes.map((o) => o.unseenMs).filter(Number.isFinite).sort((a, b) => a - b);
  const started = outcomes.map((o) => o.startedMs).filter(Number.isFinite).sort((a, b) => a - b);
  const latencies = outcomes.flatMap((o) => o.latencies).sort((a, b) => a - b);
  const requests = outcomes.reduce((total, o) => total + o.requests, 0);
  const maxPosition = Math.max(0, ...queued.map((o) => o.first.position));
  const idealMs = (MEMBERS * 1000) / RATE;

  console.log('');
  console.log(`Synchronized start — ${target.describe}; ${num(MEMBERS)} members at once; admission ${RATE}/s (${MODE === 'redis' ? 'one queue for both replicas' : 'a queue per process'})`);
  console.log(`| members | started | attempts in the database | errors | queued (202 first) | largest position | requests | request p50 / p99 | last start | ideal (members ÷ rate) | admitted late vs promise (worst) | lost their place | CPU: API, PostgreSQL${redis ? ', Redis' : ''}, nginx |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${num(MEMBERS)} | ${num(started.length)} | ${num(attempts.attempts)} (${num(attempts.members)} members) | ${errors.length} | ${num(queued.length)} | ${num(maxPosition)} | ${num(requests)} | ` +
    `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))} | ${seconds(started.at(-1) ?? NaN)} | ${seconds(idealMs)} | ${num(late.length)} ` +
    `(${late.length ? ms(Math.max(...late)) : '—'}) | ${num(lostPlace)} | ${[cpu.api, cpu.postgres, cpu.redis, cpu.nginx].filter(Boolean).map((c) => `${Math.round(c.share * 100)}%`).join(', ')} |`);
  const firsts = outcomes.map((o) => o.latencies[0]).sort((a, b) => a - b);
  const retries = outcomes.flatMap((o) => o.latencies.slice(1)).sort((a, b) => a - b);
  console.log(`  start times: p50 ${seconds(percentile(started, 50))}, p99 ${seconds(percentile(started, 99))}; wall ${seconds(wallMs)}; ` +
    `first request p50 / p99 ${ms(percentile(firsts, 50))} / ${ms(percentile(firsts, 99))}, later ones ${ms(percentile(retries, 50))} / ${ms(percentile(retries, 99))}`);
  console.log(`  the start that was admitted (201): answered in p50 / p99 / max ${ms(percentile(startAnswers, 50))} / ${ms(percentile(startAnswers, 99))} / ${ms(startAnswers.at(-1))}; ` +
    `the member's clock ran before the answer came (from the attempt's startedAt) p50 / p99 / max ${ms(percentile(unseen, 50))} / ${ms(percentile(unseen, 99))} / ${ms(unseen.at(-1))}`);
  for (const o of errors.slice(0, 5)) console.log(`  error sample: ${o.error}`);

  if (errors.length) missed.push(`GOAL MISSED: ${errors.length} member(s) got an error`);
  if (attempts.attempts !== MEMBERS || attempts.members !== MEMBERS) missed.push(`GOAL MISSED: ${num(attempts.attempts)} attempts for ${num(attempts.members)} members, not one each for ${num(MEMBERS)}`);
  if (late.length) missed.push(`GOAL MISSED: ${num(late.length)} member(s) admitted later than the queue promised (worst by ${ms(Math.max(...late))})`);
  if (lostPlace) missed.push(`GOAL MISSED: ${num(lostPlace)} member(s) lost their place in the queue`);
} catch (error) {
  console.log(`synchronized-start benchmark FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  if (target) await target.stop();
  if (redis) await redis.stop();
  for (const child of children) await stop(child);
  if (monitor) await monitor.end().catch(() => {});
  if (created && !KEEP_DB) {
    await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    console.log(`dropped database ${database}`);
  } else if (created) {
    console.log(`kept database ${database}`);
  }
  rmSync(workDir, { recursive: true, force: true });
}
console.log(`total ${seconds(performance.now() - startedAt)}; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (missed.length) missed.forEach((text) => console.log(text));
else if (!process.exitCode) console.log('all goals met');
