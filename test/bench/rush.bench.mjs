// Benchmark (issue #18 items 2 and 5): the deadline rush, as deployed. Virtual contestants through
// nginx in front of N API processes (scripts/cluster/cluster.mjs) on the local PostgreSQL server,
// with Redis (a redis-server of its own) and without (PostgreSQL only). A measurement, never a
// test: it exits 0 when a goal is missed and prints "GOAL MISSED" instead.
//
//   npm run bench:rush                 (builds first; a quick run: steps of 500, 1,000, 2,000)
//   BENCH_RUSH_STEPS=500,1000,2000,5000,10000,20000 BENCH_RUSH_RAMP_SECONDS=30 BENCH_RUSH_HOLD_SECONDS=90 npm run bench:rush
//                                      (the full run: on a quiet machine only)
//
// Data: a fresh database bench_rush_* (dropped afterwards) with the small data set of the embedded
// benchmark (lib/small-seed.mjs: 100 units, a 100-question bank, one open round drawing 20
// questions, 20 minutes, 100 attempts per member) and as many members as the largest step, plus
// pgbench's own members.
//
// Each contestant (lib/rush-worker.mjs): already signed in (a token minted from one real login, as
// the other benchmarks do) except one in BENCH_RUSH_LOGIN_EVERY (100) who logs in first; start,
// 20 saves 2–6 s apart, a prediction, submit, its rank (/me), and again 2–6 s later; one in
// BENCH_RUSH_WATCH_EVERY (10) also watches the board: half poll the top 50 every 5 s, half hold the
// live stream open. Arrivals ramp up into the deadline: over BENCH_RUSH_RAMP_SECONDS, ever more
// of them (arrival density rising linearly to the end of the ramp), then all of them at once for
// BENCH_RUSH_HOLD_SECONDS. Open loop: requests leave on schedule whether or not the server keeps
// up and latency counts from the due time. A start answered 202 (admission control,
// START_ADMISSION_PER_SECOND > 0) is retried after its retryAfterMs, and a login answered 429 after
// its Retry-After: both are the contract, not errors.
//
// The knee: steps of contestants at once, in order, until one fails; the largest step with save p99
// < 100 ms, start and submit p99 < 300 ms and zero errors (every endpoint). For each step: the
// per-endpoint p50/p99 and the CPU split (as a share of one core; process trees from /proc):
// API processes, PostgreSQL (the benchmark database's backends and the server's background
// processes), Redis, nginx, the load generator (this process and its worker threads) and the
// machine's other processes. Then pgbench runs the SQL of one whole attempt (lib/rush-pgbench.mjs:
// start, 20 saves, prediction, submit) on the same database, and the system's attempts per second
// at the knee (saves/s ÷ 20) are printed as a share of pgbench's.
//
// Environment (all optional):
//   BENCH_MODE=both                redis | pg | both (Redis first)
//   BENCH_RUSH_STEPS=500,1000,2000 contestants at once per step
//   BENCH_RUSH_RAMP_SECONDS=10     arrivals;  BENCH_RUSH_HOLD_SECONDS=30  everyone at once, then the deadline
//   BENCH_RUSH_ALL_STEPS=1         run every step (default: stop at the first failing one)
//   BENCH_RUSH_API_PROCESSES=2     API processes behind nginx
//   BENCH_RUSH_WORKERS=2           load-generator threads;  BENCH_RUSH_CONNECTIONS=256 per thread at most
//   BENCH_RUSH_LOGIN_EVERY=100, BENCH_RUSH_WATCH_EVERY=10
//   BENCH_RUSH_ADMISSION=<n>       START_ADMISSION_PER_SECOND for the API (default: unset, off)
//   BENCH_PG_SECONDS=20, BENCH_PG_CLIENTS=16   the pgbench run
//   BENCH_TARGET=cluster           or single: one API process, no nginx (also used while the cluster command is missing)
//   BENCH_DATABASE_URL             admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   KEEP_DB=1                      keep the database
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { childrenOf, cpuSplit } from './lib/cpu-split.mjs';
import { ADMIN_URL, env, int, KEEP_DB, PASSWORD } from './lib/env.mjs';
import { newStats, openConnections, timed } from './lib/http.mjs';
import { runPgbench } from './lib/pgbench.mjs';
import { startRedis } from './lib/redis-server.mjs';
import { preparePgbenchPapers, wholeAttemptScript } from './lib/rush-pgbench.mjs';
import { startTarget } from './lib/rush-target.mjs';
import { createDatabase } from './lib/seed.mjs';
import { migrateDatabase, seedSmallDatabase } from './lib/small-database.mjs';
import { SMALL, SMALL_ROUND_ID, smallMembers } from './lib/small-seed.mjs';
import { databaseUrl, mulberry32, seconds, sleep, stop, summarize, withClient } from './lib/util.mjs';

const MODES = { both: ['redis', 'pg'], redis: ['redis'], pg: ['pg'] }[env.BENCH_MODE ?? 'both'];
if (!MODES) throw new Error('BENCH_MODE must be redis, pg or both');
const STEPS = (env.BENCH_RUSH_STEPS ?? '500,1000,2000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
if (!STEPS.length || STEPS.some((n) => !Number.isInteger(n))) throw new Error('BENCH_RUSH_STEPS must list whole numbers, e.g. 500,1000,2000');
const RAMP_MS = int('BENCH_RUSH_RAMP_SECONDS', 10) * 1000;
const HOLD_MS = Math.max(5, int('BENCH_RUSH_HOLD_SECONDS', 30)) * 1000;
const ALL_STEPS = env.BENCH_RUSH_ALL_STEPS === '1';
const API_PROCESSES = Math.max(1, int('BENCH_RUSH_API_PROCESSES', 2));
const WORKERS = Math.max(1, int('BENCH_RUSH_WORKERS', 2));
const CONNECTIONS = Math.max(1, int('BENCH_RUSH_CONNECTIONS', 256));
const LOGIN_EVERY = Math.max(1, int('BENCH_RUSH_LOGIN_EVERY', 100));
const WATCH_EVERY = Math.max(1, int('BENCH_RUSH_WATCH_EVERY', 10));
const ADMISSION = env.BENCH_RUSH_ADMISSION;
const PG_SECONDS = Math.max(1, int('BENCH_PG_SECONDS', 20));
const PG_CLIENTS = Math.max(1, int('BENCH_PG_CLIENTS', 16));
const PGB_SLICE = 100; // members per pgbench client (each ends every attempt it starts, 100 attempts each at most)

const GOALS = { saveP99Ms: 100, startP99Ms: 300, submitP99Ms: 300, attemptShare: 0.5, contestants: 20_000 };
const KINDS = ['login', 'start', 'save', 'prediction', 'submit', 'me', 'top50', 'stream', 'resume'];
const MAX_STEP = Math.max(...STEPS);
const PGB_BASE = MAX_STEP; // pgbench's members come after every contestant
const MEMBERS = MAX_STEP + PG_CLIENTS * PGB_SLICE;

const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
const pct = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');
const random = mulberry32(18);
const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-rush-bench-'));
const database = `bench_rush_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
const url = databaseUrl(database);
const children = [];
const results = []; // { mode, target, steps: [...] }
const notes = [];
const missed = [];
let created = false;
let monitor = null;

const stage = async (label, work) => {
  const started = performance.now();
  const result = await work();
  console.log(`· ${label}: ${seconds(performance.now() - started)}`);
  return result;
};

console.log(`rush benchmark: modes ${MODES.join(', ')}; steps ${STEPS.map(num).join(', ')} contestants (ramp ${seconds(RAMP_MS)}, hold ${seconds(HOLD_MS)}); ` +
  `${API_PROCESSES} API processes; ${WORKERS} generator threads; database ${database}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

try {
  // --- data
  await createDatabase(database);
  created = true;
  await stage('migrations', () => migrateDatabase(url));
  const seedSteps = await stage(`seed (${num(MEMBERS)} members)`, () => seedSmallDatabase(url, MEMBERS, { after: preparePgbenchPapers }));
  console.log(`  ${seedSteps.join(', ')}`);
  const members = smallMembers(MAX_STEP);

  monitor = new pg.Client({ connectionString: ADMIN_URL });
  await monitor.connect();
  // The benchmark database's backends, and the server's own background processes (shared with
  // other databases, but their work here is mostly ours: WAL writing, checkpoints, autovacuum).
  const postgresPids = async () =>
    (await monitor.query(`SELECT pid FROM pg_stat_activity
                           WHERE (datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer', 'autovacuum launcher'))
                             AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);

  for (const mode of MODES) results.push(await benchMode(mode, members, postgresPids));

  // --- pgbench: one whole attempt per transaction, same server, same database, same run
  const rev = await withClient(url, async (db) => (await db.query('SELECT revision FROM question_bank_state WHERE id = 1')).rows[0].revision);
  const pgb = await stage(`pgbench whole attempt (-c ${PG_CLIENTS} -j 2 -T ${PG_SECONDS} -M prepared)`, async () => {
    const meter = await cpuSplit({ postgres: postgresPids, pgbench: async () => childrenOf(process.pid) });
    const result = await runPgbench({
      name: 'rush-attempt', script: wholeAttemptScript({ base: PGB_BASE, slice: PGB_SLICE }), url, dir: workDir,
      clients: PG_CLIENTS, seconds: PG_SECONDS, vars: { k: 0, rev },
    });
    result.cpu = await meter.read();
    return result;
  });
  const pgbCheck = await withClient(url, async (db) => (await db.query(
    `SELECT count(*)::int AS attempts, count(*) FILTER (WHERE status = 'active')::int AS active FROM attempts WHERE user_id = ANY($1::uuid[])`,
    [smallMembers(MEMBERS).slice(PGB_BASE).map((m) => m.id)],
  )).rows[0]);
  console.log(`  pgbench: ${num(pgb.tps)} attempts/s (${num(pgb.tps * (SMALL.paper + 5))} statements/s), p50 ${ms(pgb.p50)}, p99 ${ms(pgb.p99)}, ` +
    `${num(pgb.processed)} transactions, ${pgb.failed} failed; in the database ${num(pgbCheck.attempts)} attempts of its members, ${pgbCheck.active} left active; ` +
    `CPU: PostgreSQL ${pct(pgb.cpu.postgres.share)} of a core, pgbench ${pct(pgb.cpu.pgbench.share)}, others ${pct(pgb.cpu.others.share)}` +
    `${pgb.code !== 0 ? ` (exit ${pgb.code}: ${pgb.stderr})` : ''}`);
  printReport(pgb);
} catch (error) {
  console.log(`rush benchmark FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
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

// ---------------------------------------------------------------------------------------------

async function benchMode(mode, members, postgresPids) {
  console.log('');
  const log = { lines: 0 };
  const redis = mode === 'redis' ? await startRedis({ children }) : null;
  const target = await stage(`${mode}: start the target`, () => startTarget({
    apiProcesses: API_PROCESSES, url, redisUrl: redis?.url ?? '', workDir, children, log,
    extraEnv: ADMISSION ? { START_ADMISSION_PER_SECOND: ADMISSION } : {},
  }));
  console.log(`  ${mode}: ${target.describe}${redis ? `, Redis ${redis.url} (its own)` : ', no Redis (boards and limits in PostgreSQL / in process)'}`);
  const steps = [];
  try {
    // One real login: every other token is minted with its claims (lib/tokens.mjs).
    const login = newStats();
    const [connection] = await openConnections(target.port, 1);
    const response = await timed(login, connection, 200, 'POST', '/api/auth/login', null, { email: members[0].email, password: PASSWORD });
    connection.close();
    if (!response) throw new Error(`login failed: ${login.samples.join('; ')}`);
    const sampleToken = JSON.parse(response.body).accessToken;

    const groups = {
      api: async () => target.apiPids(),
      postgres: postgresPids,
      ...(redis ? { redis: async () => [redis.pid] } : {}),
      ...(target.nginxPid() ? { nginx: async () => [target.nginxPid()] } : {}),
    };
    for (const n of STEPS) {
      const step = await runStep({ mode, n, target, members, sampleToken, groups });
      steps.push(step);
      if (!step.pass && !ALL_STEPS) break;
      await sleep(3000); // let the clean-up's commits and autovacuum settle
    }
  } finally {
    await target.stop();
    if (redis) await redis.stop();
    if (log.lines) console.log(`  the ${mode} API processes wrote ${log.lines} log line(s) at level warn or above (first ones shown above)`);
  }
  const passed = steps.filter((s) => s.pass);
  const firstFail = steps.find((s) => !s.pass);
  const knee = passed.filter((s) => !firstFail || s.n < firstFail.n).at(-1) ?? null;
  return { mode, target: target.describe, targetKind: target.kind, steps, knee, firstFail };
}

async function runStep({ mode, n, target, members, sampleToken, groups }) {
  const contestants = members.slice(0, n).map((m, i) => ({
    ...m,
    arrival: RAMP_MS * Math.sqrt(random()), // density rising linearly to the deadline
    firstSaves: 1 + Math.floor(random() * SMALL.paper),
    login: i % LOGIN_EVERY === LOGIN_EVERY - 1,
    watch: i % WATCH_EVERY === 0 ? ((i / WATCH_EVERY) % 2 ? 'stream' : 'poll') : null,
  }));
  const t0 = performance.timeOrigin + performance.now() + 1500; // epoch ms: the threads' clocks differ
  const shares = Array.from({ length: WORKERS }, () => []);
  contestants.forEach((c, i) => shares[i % WORKERS].push(c));
  let loadDone = 0;
  let resolveLoad;
  const loadFinished = new Promise((resolve) => (resolveLoad = resolve));
  const outcomes = shares.map((share, w) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lib/rush-worker.mjs', import.meta.url), {
      workerData: {
        port: target.port, roundId: SMALL_ROUND_ID, contestants: share, sampleToken, paper: SMALL.paper,
        plan: { t0, rampMs: RAMP_MS, holdMs: HOLD_MS }, connections: CONNECTIONS, seed: 1000 * n + w,
      },
    });
    worker.on('message', (message) => {
      if (message.type === 'load-done' && ++loadDone === WORKERS) resolveLoad();
      if (message.type === 'result') resolve(message);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`generator thread ${w} exited with ${code}`)));
  }));
  await sleep(Math.max(0, t0 - performance.timeOrigin - performance.now()));
  const meter = await cpuSplit(groups);
  await Promise.race([loadFinished, Promise.all(outcomes)]);
  const cpu = await meter.read();
  const parts = await Promise.all(outcomes);

  const windowSeconds = (RAMP_MS + HOLD_MS) / 1000;
  const summary = {};
  let errors = 0;
  const samples = [];
  for (const kind of KINDS) {
    const latencies = parts.flatMap((p) => Array.from(p.stats[kind].latencies));
    const kindErrors = parts.reduce((total, p) => total + p.stats[kind].errors, 0);
    errors += kindErrors;
    summary[kind] = { ...summarize(latencies), rate: latencies.length / windowSeconds, errors: kindErrors };
    samples.push(...parts.flatMap((p) => p.stats[kind].samples).slice(0, 3));
  }
  const counts = parts.reduce((total, p) => {
    for (const [key, value] of Object.entries(p.counts)) total[key] = (total[key] ?? 0) + value;
    return total;
  }, {});
  const loop = {
    lateP99: Math.max(...parts.map((p) => p.loop.late.p99).filter(Number.isFinite), 0),
    stallMs: Math.max(...parts.map((p) => p.loop.stallMs)),
    unfinished: parts.reduce((total, p) => total + p.loop.unfinished, 0),
    connections: parts.reduce((total, p) => total + p.loop.connections, 0),
  };
  errors += loop.unfinished;
  const pass = summary.save.count > 0 && summary.save.p99 < GOALS.saveP99Ms && summary.start.p99 < GOALS.startP99Ms && summary.submit.p99 < GOALS.submitP99Ms && errors === 0;
  const requests = KINDS.reduce((total, kind) => total + summary[kind].rate, 0);
  const step = { n, pass, summary, errors, samples, counts, cpu, loop, requests };
  console.log(`  ${mode} ${num(n)} contestants: ${num(requests)} req/s (${num(summary.save.rate)} saves/s, ${num(summary.submit.rate)} submits/s); ` +
    `save p50 ${ms(summary.save.p50)} p99 ${ms(summary.save.p99)}, start p99 ${ms(summary.start.p99)}, submit p99 ${ms(summary.submit.p99)}; ${errors} errors; ` +
    `${num(counts.acknowledged)} saves acknowledged; CPU ${cpuText(cpu)}; generator late p99 ${ms(loop.lateP99)}, ${loop.connections} connections, longest stall ${ms(loop.stallMs)}` +
    `${counts.waited ? `; ${num(counts.waited)} starts waited (202)` : ''}${counts.loginRefused ? `; ${num(counts.loginRefused)} logins refused (429) and retried` : ''}` +
    `${loop.unfinished ? `; ${loop.unfinished} actions unanswered after the step` : ''} → ${pass ? 'pass' : 'FAIL'}`);
  for (const sample of samples.slice(0, 4)) console.log(`    error sample: ${sample}`);
  return step;
}

function cpuText(cpu) {
  const parts = [`API ${pct(cpu.api.share)}`, `PostgreSQL ${pct(cpu.postgres.share)}`];
  if (cpu.redis) parts.push(`Redis ${pct(cpu.redis.share)}`);
  if (cpu.nginx) parts.push(`nginx ${pct(cpu.nginx.share)}`);
  parts.push(`generator ${pct(cpu.generator.share)}`, `others ${pct(cpu.others.share)}`, `machine ${pct(cpu.machine.share)} of ${cpu.machine.cores.toFixed(0)} cores`);
  return parts.join(', ');
}

function printReport(pgb) {
  const line = (widths, cells, left = [0]) => `| ${cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const table = (headers, rows, left) => {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    console.log(line(widths, headers, left));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    rows.forEach((r) => console.log(line(widths, r, left)));
  };
  console.log('');
  console.log(`Deadline rush — ${results[0]?.target ?? ''}; small data set (${SMALL.questions}-question bank, ${SMALL.paper} questions per attempt); ` +
    `ramp ${seconds(RAMP_MS)} then hold ${seconds(HOLD_MS)} per step; CPU as a share of one core (machine: of all cores)`);
  const stepRows = [];
  for (const r of results) {
    for (const s of r.steps) {
      const c = s.cpu;
      stepRows.push([r.mode, num(s.n), num(s.requests), num(s.summary.save.rate), ms(s.summary.save.p50), ms(s.summary.save.p99), ms(s.summary.start.p99), ms(s.summary.submit.p99),
        String(s.errors), pct(c.api.share), pct(c.postgres.share), c.redis ? pct(c.redis.share) : '—', c.nginx ? pct(c.nginx.share) : '—', pct(c.generator.share), pct(c.others.share),
        s.pass ? 'pass' : 'FAIL']);
    }
  }
  table(['mode', 'contestants', 'req/s', 'saves/s', 'save p50', 'save p99', 'start p99', 'submit p99', 'errors', 'API', 'PostgreSQL', 'Redis', 'nginx', 'generator', 'others', 'result'], stepRows, [0]);

  console.log('');
  console.log('Per endpoint (p50 / p99 / max; latency from the due time):');
  const endpointRows = [];
  for (const r of results) {
    for (const s of r.steps) {
      for (const kind of KINDS) {
        const e = s.summary[kind];
        if (!e.count && !e.errors) continue;
        endpointRows.push([r.mode, num(s.n), kind, num(e.count), `${e.rate.toFixed(1)}/s`, ms(e.p50), ms(e.p99), ms(e.max), String(e.errors)]);
      }
    }
  }
  table(['mode', 'contestants', 'endpoint', 'requests', 'rate', 'p50', 'p99', 'max', 'errors'], endpointRows, [0, 2]);

  console.log('');
  for (const r of results) {
    const kneeText = r.knee ? num(r.knee.n) : `none (not even ${num(STEPS[0])})`;
    const attemptRate = r.knee ? r.knee.summary.save.rate / SMALL.paper : NaN;
    const share = attemptRate / pgb.tps;
    console.log(`${r.mode}: knee ${kneeText} contestants at once (save p99 < ${GOALS.saveP99Ms} ms, start and submit p99 < ${GOALS.startP99Ms} ms, 0 errors)` +
      `${r.firstFail ? `; ${num(r.firstFail.n)} failed (save p99 ${ms(r.firstFail.summary.save.p99)}, start p99 ${ms(r.firstFail.summary.start.p99)}, ` +
        `submit p99 ${ms(r.firstFail.summary.submit.p99)}, ${r.firstFail.errors} errors)` : r.knee && r.knee.n === MAX_STEP ? '; every step passed: the knee is at least that' : ''}`);
    if (r.knee) {
      console.log(`  at the knee: ${attemptRate.toFixed(1)} whole attempts/s (saves/s ÷ ${SMALL.paper}; ${num(r.knee.summary.submit.rate)} submits/s) = ${pct(share)} of pgbench's ${num(pgb.tps)} for the same statements`);
      if (share < GOALS.attemptShare) missed.push(`GOAL MISSED: ${r.mode}: the system's attempt rate at the knee is ${pct(share)} of pgbench's (goal ≥ ${pct(GOALS.attemptShare)}; it is a rate at a latency bound beside pgbench's at full load)`);
    }
    if (!r.knee || r.knee.n < GOALS.contestants) {
      missed.push(`GOAL MISSED: ${r.mode}: knee ${r.knee ? num(r.knee.n) : 'none'} < ${num(GOALS.contestants)} contestants` +
        `${MAX_STEP < GOALS.contestants ? ` (the largest step run was ${num(MAX_STEP)}: BENCH_RUSH_STEPS)` : ''}`);
    }
    if (r.targetKind !== 'cluster') notes.push(`${r.mode}: ran on one API process without nginx (${r.target}), not the cluster`);
    for (const s of r.steps) {
      // "late" also counts a contestant's next save waiting for its previous one (one action at a time):
      // only with answers coming fast does a late start point at the generator.
      if (s.cpu.generator.share > 0.7 || (s.loop.lateP99 > 20 && s.summary.save.p99 < GOALS.saveP99Ms)) {
        notes.push(`${r.mode} at ${num(s.n)}: the generator used ${pct(s.cpu.generator.share)} of a core and started actions late by ${ms(s.loop.lateP99)} (p99): it may be part of the limit`);
      }
      if (s.cpu.others.share > 0.25) notes.push(`${r.mode} at ${num(s.n)}: other processes used ${pct(s.cpu.others.share)} of a core: the figure is lower than this machine gives when idle`);
    }
  }
  notes.forEach((note) => console.log(`note: ${note}`));
  console.log(`total ${seconds(performance.now() - startedAt)}; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: other processes skew the figures)`);
  if (missed.length) missed.forEach((text) => console.log(text));
  else console.log('all goals met');
}
