// Benchmark (issue #16 item 4): does a flood of bad logins starve the quiz? A steady save load runs
// through nginx in front of the API processes (scripts/cluster/cluster.mjs; one API process with
// BENCH_TARGET=single) while logins that must fail (unknown emails and wrong passwords: the API
// runs argon2 for both) hit the API, first from many client addresses, then from one. It prints the
// save p99 without the flood and during it, and what the logins got: 401, or 429 with Retry-After
// (the password hashing gate, apps/api/src/modules/auth/hash-gate.ts: cores − 1 hashes at once and
// a short queue per process; LOGIN_ADDRESS_FAILURE_LIMIT failed logins per address per minute;
// LOGIN_FAILURE_LIMIT per account). A measurement, never a test: it exits 0 when a goal is missed
// and prints "GOAL MISSED" instead.
//
//   npm run bench:login-flood          (builds first; about 2 minutes)
//
// The flood is sent straight to the API processes' own ports by default (BENCH_FLOOD_VIA=api), with
// X-Forwarded-For and TRUST_PROXY=true: the case nginx's per-address limit_req does not stop (many
// real addresses, or an address shared by a whole office). BENCH_FLOOD_VIA=nginx sends it through
// nginx instead, where every request comes from 127.0.0.1 and nginx's own limit applies first.
// Open loop at BENCH_FLOOD_RATE logins per second, latency from the due time.
//
// Environment (all optional):
//   BENCH_MODE=pg                  pg (limits in each process) | redis (shared, a redis-server of its own) | both
//   BENCH_FLOOD_CONTESTANTS=2000   contestants saving an answer every 2–6 s (about 500 saves/s)
//   BENCH_FLOOD_SECONDS=20         each phase: no flood, flood from many addresses, flood from one
//   BENCH_FLOOD_RATE=300           bad logins per second;  BENCH_FLOOD_CONNECTIONS=64 per API process (or for nginx)
//   BENCH_FLOOD_VIA=api            api | nginx
//   BENCH_RUSH_API_PROCESSES=2, BENCH_TARGET=cluster, BENCH_DATABASE_URL, KEEP_DB=1   as bench:rush
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cpuSplit } from './lib/cpu-split.mjs';
import { ADMIN_URL, env, int, KEEP_DB, PASSWORD } from './lib/env.mjs';
import { newStats, openConnections, timed } from './lib/http.mjs';
import { ConnectionPool, runSchedule } from './lib/open-loop.mjs';
import { startRedis } from './lib/redis-server.mjs';
import { startTarget } from './lib/rush-target.mjs';
import { createDatabase } from './lib/seed.mjs';
import { migrateDatabase, seedSmallDatabase } from './lib/small-database.mjs';
import { SMALL, SMALL_ROUND_ID, smallMembers } from './lib/small-seed.mjs';
import { tokenSigner } from './lib/tokens.mjs';
import { databaseUrl, mulberry32, seconds, sleep, stop, summarize, withClient } from './lib/util.mjs';

const MODES = { both: ['pg', 'redis'], redis: ['redis'], pg: ['pg'] }[env.BENCH_MODE ?? 'pg'];
if (!MODES) throw new Error('BENCH_MODE must be pg, redis or both');
const CONTESTANTS = Math.max(10, int('BENCH_FLOOD_CONTESTANTS', 2000));
const PHASE_MS = Math.max(5, int('BENCH_FLOOD_SECONDS', 20)) * 1000;
const RATE = Math.max(1, int('BENCH_FLOOD_RATE', 300));
const FLOOD_CONNECTIONS = Math.max(1, int('BENCH_FLOOD_CONNECTIONS', 64));
const VIA = env.BENCH_FLOOD_VIA ?? 'api';
if (!['api', 'nginx'].includes(VIA)) throw new Error('BENCH_FLOOD_VIA must be api or nginx');
const API_PROCESSES = Math.max(1, int('BENCH_RUSH_API_PROCESSES', 2));
const VICTIMS = 200; // known accounts the flood tries wrong passwords on (not contestants)
const WARM_MS = 2000; // the start of a phase that is not timed
const GOALS = { saveP99Ms: 100 };
const PHASES = [
  { key: 'none', label: 'no flood' },
  { key: 'many', label: 'flood, many addresses' },
  { key: 'one', label: 'flood, one address' },
];

const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
const pct = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');
const random = mulberry32(16);
const between = (low, high) => low + random() * (high - low);
const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-login-flood-bench-'));
const database = `bench_rush_flood_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
const url = databaseUrl(database);
const children = [];
const results = [];
const missed = [];
let created = false;
let monitor = null;

console.log(`login-flood benchmark: modes ${MODES.join(', ')}; ${num(CONTESTANTS)} contestants saving every 2–6 s; ${num(RATE)} bad logins/s via ${VIA}; ` +
  `phases of ${seconds(PHASE_MS)}; database ${database}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

try {
  await createDatabase(database);
  created = true;
  await migrateDatabase(url);
  await seedSmallDatabase(url, CONTESTANTS + VICTIMS);
  const everyone = smallMembers(CONTESTANTS + VICTIMS);
  monitor = new pg.Client({ connectionString: ADMIN_URL });
  await monitor.connect();
  const postgresPids = async () =>
    (await monitor.query(`SELECT pid FROM pg_stat_activity
                           WHERE (datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer', 'autovacuum launcher'))
                             AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);
  for (const mode of MODES) results.push(await benchMode(mode, everyone.slice(0, CONTESTANTS), everyone.slice(CONTESTANTS), postgresPids));
  printReport();
} catch (error) {
  console.log(`login-flood benchmark FAILED: ${error.stack ?? error}`);
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

async function benchMode(mode, contestants, victims, postgresPids) {
  console.log('');
  const log = { lines: 0 };
  const redis = mode === 'redis' ? await startRedis({ children }) : null;
  const target = await startTarget({ apiProcesses: API_PROCESSES, url, redisUrl: redis?.url ?? '', workDir, children, log, extraEnv: { TRUST_PROXY: 'true' } });
  console.log(`  ${mode}: ${target.describe}${redis ? `, Redis ${redis.url} (its own)` : ', no Redis (login limits in each process)'}; TRUST_PROXY=true`);
  const phases = [];
  try {
    // One real login; the contestants' tokens are minted from it. Then every contestant starts (not timed).
    const login = newStats();
    const [first] = await openConnections(target.port, 1);
    const response = await timed(login, first, 200, 'POST', '/api/auth/login', null, { email: contestants[0].email, password: PASSWORD });
    first.close();
    if (!response) throw new Error(`login failed: ${login.samples.join('; ')}`);
    const sign = tokenSigner(JSON.parse(response.body).accessToken);
    const admit = newStats();
    const connections = await openConnections(target.port, 16);
    let next = 0;
    await Promise.all(connections.map(async (connection) => {
      while (next < contestants.length) {
        const c = contestants[next++];
        c.token = sign(c);
        const started = await timed(admit, connection, 201, 'POST', `/api/rounds/${SMALL_ROUND_ID}/attempts`, c.token);
        if (started) {
          const attempt = JSON.parse(started.body);
          c.attempt = { id: attempt.id, questions: attempt.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })) };
          c.saves = 0;
        }
      }
    }));
    connections.forEach((c) => c.close());
    if (admit.errors) throw new Error(`${admit.errors} starts failed: ${admit.samples.join('; ')}`);

    const groups = { api: async () => target.apiPids(), postgres: postgresPids, ...(redis ? { redis: async () => [redis.pid] } : {}), ...(target.nginxPid() ? { nginx: async () => [target.nginxPid()] } : {}) };
    for (const phase of PHASES) {
      phases.push(await runPhase({ mode, phase, target, contestants, victims, groups }));
      await sleep(2000);
    }
  } finally {
    await target.stop();
    if (redis) await redis.stop();
    if (log.lines) console.log(`  the ${mode} API processes wrote ${log.lines} log line(s) at level warn or above (first ones shown above)`);
  }
  return { mode, target: target.describe, phases };
}

async function runPhase({ mode, phase, target, contestants, victims, groups }) {
  const t0 = performance.now() + 200;
  const endAt = t0 + PHASE_MS;
  const timedFrom = t0 + WARM_MS;
  const save = newStats();
  const pool = new ConnectionPool(target.port, 256);
  const meter = await cpuSplit(groups);
  const saving = runSchedule({
    actors: contestants,
    pool,
    endAt,
    first: () => t0 + random() * 4000,
    act: async (c, due, send) => {
      const q = c.attempt.questions[c.saves++ % c.attempt.questions.length];
      const response = await send('PUT', `/api/attempts/${c.attempt.id}/answers/${q.id}`, c.token, { optionIds: [q.options[Math.floor(random() * q.options.length)]] });
      if (due >= timedFrom) save.latencies.push(response.latency);
      if (response.status !== 200) {
        save.errors += 1;
        if (save.samples.length < 3) save.samples.push(`save → ${response.status} ${response.body.slice(0, 200)}`);
      }
      return due + between(2000, 6000);
    },
  });
  const flood = phase.key === 'none' ? null : floodLogins({ target, victims, t0, endAt, oneAddress: phase.key === 'one' });
  const schedule = await saving;
  const logins = flood ? await flood : null;
  const cpu = await meter.read();
  pool.close();
  const result = { phase, save: { ...summarize(save.latencies), rate: save.latencies.length / ((endAt - timedFrom) / 1000), errors: save.errors + schedule.unfinished, samples: save.samples }, logins, cpu, late: schedule.late };
  const s = result.save;
  console.log(`  ${mode}, ${phase.label}: ${num(s.rate)} saves/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}, ${s.errors} errors` +
    `${logins ? `; logins: ${loginText(logins)}` : ''}; CPU API ${pct(cpu.api.share)}, PostgreSQL ${pct(cpu.postgres.share)}` +
    `${cpu.redis ? `, Redis ${pct(cpu.redis.share)}` : ''}${cpu.nginx ? `, nginx ${pct(cpu.nginx.share)}` : ''}, generator ${pct(cpu.generator.share)}, others ${pct(cpu.others.share)}`);
  for (const sample of [...s.samples, ...(logins?.samples ?? [])].slice(0, 4)) console.log(`    sample: ${sample}`);
  return result;
}

/**
 * Bad logins, open loop at RATE per second until `endAt`: even ones for unknown emails, odd ones
 * for known accounts with a wrong password; from a new address each (X-Forwarded-For) or all from
 * one. Resolves the statuses, Retry-After, latencies (from the due time) and samples.
 */
async function floodLogins({ target, victims, t0, endAt, oneAddress }) {
  const ports = VIA === 'api' ? target.apiPorts : [target.port];
  const pools = ports.map((port) => new ConnectionPool(port, FLOOD_CONNECTIONS));
  const out = { sent: 0, statuses: new Map(), retryAfter: 0, latencies: [], samples: [] };
  const inFlight = new Set();
  const interval = 1000 / RATE;
  let i = 0;
  for (let due = t0; due < endAt; due += interval) {
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const n = i++;
    const address = oneAddress ? '203.0.113.7' : `198.18.${(n >> 8) & 255}.${n & 255}`;
    const email = n % 2 ? victims[n % victims.length].email : `flood${n}@nobody.bench.hoithi.vn`;
    const pool = pools[n % pools.length];
    const request = (async () => {
      const connection = await pool.acquire();
      let response;
      try {
        response = await connection.request('POST', '/api/auth/login', null, { email, password: 'wrong-password-123' }, `x-forwarded-for: ${address}\r\n`);
      } catch (error) {
        response = { status: 0, body: error.message, head: '' };
      }
      pool.release(connection);
      out.latencies.push(performance.now() - due);
      out.statuses.set(response.status, (out.statuses.get(response.status) ?? 0) + 1);
      if (response.status === 429 && /\r\nretry-after:/i.test(response.head)) out.retryAfter += 1;
      if (![401, 429].includes(response.status) && out.samples.length < 3) out.samples.push(`login → ${response.status} ${response.body.slice(0, 200)}`);
    })();
    out.sent += 1;
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  const drained = await Promise.race([Promise.all(inFlight).then(() => true), sleep(15_000).then(() => false)]);
  pools.forEach((p) => p.close());
  if (!drained) await Promise.allSettled(inFlight);
  return { ...out, ...summarize(out.latencies) };
}

function loginText(l) {
  const count = (status) => l.statuses.get(status) ?? 0;
  const other = [...l.statuses].filter(([status]) => ![401, 429].includes(status)).map(([status, n]) => `${num(n)}× ${status}`);
  return `${num(l.sent)} sent, ${num(count(401))} 401, ${num(count(429))} 429 (${num(l.retryAfter)} with Retry-After)${other.length ? `, ${other.join(', ')}` : ''}, ` +
    `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}`;
}

function printReport() {
  const line = (widths, cells, left = [0]) => `| ${cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const headers = ['mode', 'phase', 'saves/s', 'save p50', 'save p99', 'save max', 'save errors', 'logins', '401', '429', 'with Retry-After', 'other', 'login p99', 'API CPU', 'PostgreSQL', 'result'];
  const rows = [];
  for (const r of results) {
    for (const p of r.phases) {
      const l = p.logins;
      const other = l ? [...l.statuses].filter(([status]) => ![401, 429].includes(status)).reduce((total, [, n]) => total + n, 0) : 0;
      const pass = p.save.p99 < GOALS.saveP99Ms && p.save.errors === 0;
      if (!pass) missed.push(`GOAL MISSED: ${r.mode}, ${p.phase.label}: save p99 ${ms(p.save.p99)} (goal < ${GOALS.saveP99Ms} ms), ${p.save.errors} errors`);
      rows.push([r.mode, p.phase.label, num(p.save.rate), ms(p.save.p50), ms(p.save.p99), ms(p.save.max), String(p.save.errors),
        l ? num(l.sent) : '—', l ? num(l.statuses.get(401) ?? 0) : '—', l ? num(l.statuses.get(429) ?? 0) : '—', l ? num(l.retryAfter) : '—', l ? num(other) : '—',
        l ? ms(l.p99) : '—', pct(p.cpu.api.share), pct(p.cpu.postgres.share), pass ? 'pass' : 'FAIL']);
    }
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  console.log('');
  console.log(`Login flood — ${results[0]?.target ?? ''}; ${num(CONTESTANTS)} contestants saving every 2–6 s; ${num(RATE)} bad logins/s (half unknown emails, half wrong passwords) sent via ${VIA}; ` +
    `${SMALL.paper}-question attempts; phases of ${seconds(PHASE_MS)} (the first ${seconds(WARM_MS)} not timed)`);
  console.log(line(widths, headers, [0, 1]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(widths, r, [0, 1])));
  for (const r of results) {
    const [none, ...floods] = r.phases;
    for (const f of floods) console.log(`${r.mode}: save p99 ${ms(none.save.p99)} without the flood, ${ms(f.save.p99)} during the ${f.phase.label.replace('flood, ', 'flood from ')}`);
  }
  console.log(`total ${seconds(performance.now() - startedAt)}; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: other processes skew the figures)`);
  if (missed.length) missed.forEach((text) => console.log(text));
  else console.log('all goals met');
}
