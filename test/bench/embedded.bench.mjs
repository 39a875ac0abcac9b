// Benchmark (issue #14 item 4): how big is the embedded default? `npm start` with no DATABASE_URL
// runs PostgreSQL in the app's own process (PGlite, WebAssembly, ONE session, served to the app's
// `pg` pool of one connection through pglite-socket). This measures it beside the PostgreSQL
// server, on the same small data set, both without Redis. A measurement, never a test: it exits 0
// when a goal is missed and prints "GOAL MISSED" instead.
//
//   npm run bench:embedded            (builds first; `npm run bench` runs every benchmark)
//
// For each mode, from scratch: the embedded default gets a fresh temporary DATA_DIR (no
// DATABASE_URL; migrated by migration-cli, then seeded by a one-off PGlite opened the way the app
// opens it, before the app starts: the app's process owns the folder while it runs); the server
// gets a fresh database (dropped afterwards). Both get the same SQL (lib/small-seed.mjs): 100 units,
// BENCH_EMB_MEMBERS members, a 100-question bank, one published quiz round drawing 20 questions,
// 20 minutes, 100 attempts per member. The API runs as `npm start` runs it (DEMO_DATA=false, the
// sweeper every 30 s), logging at warn like the other benchmarks. Then:
//
// 1. rates: BENCH_EMB_CLIENTS (16) connections back to back (closed loop): starts for
//    BENCH_EMB_RATE_SECONDS, saves on those attempts for as long, then every one of them submitted;
// 2. capacity: the most contestants at once, each saving one answer every 5 s ± 1 s (open loop:
//    requests leave on schedule whether or not the server keeps up, latency counted from the due
//    time; lib/open-loop.mjs), submitting after ~20 saves (18–22) and starting again 5 s later
//    (a new member takes over when a member has no attempt left), with save p99 < 100 ms and zero
//    errors. Steps of BENCH_EMB_STEP_SECONDS (20): the first at a quarter of the contestants the
//    rate phase's save rate could serve, up by half while a step passes (down by a third while
//    none has), then bisected to within ~10%, at most BENCH_EMB_STEPS (6) steps. Before a step,
//    the contestants new to it start their attempt (16 connections, not timed) with a random
//    number of saves already made, so starts and submits are spread as in a long-running round;
//    contestants dropped by a smaller step keep their attempt and come back in a larger one. The
//    first 2 s of a step are not timed. A failing step during which other processes of the machine
//    used more than a quarter of a core is run again, once per mode (as one of the steps).
//    The embedded app runs VACUUM (ANALYZE) over its tables itself (PGlite has no autovacuum),
//    30 s after boot and then every 10 minutes: that first pass gets a "maintenance step" of its own
//    (half the first step's load, until BENCH_EMB_MAINTENANCE_UNTIL (40) s after boot), reported
//    apart, so that no step of the search pays for it. "Longest stall" is the longest time requests
//    were out and no answer came back.
//
// CPU from /proc over each phase and step, as a share of one core: the API process and its
// busiest thread (for the embedded mode, PGlite runs on the API's main thread), the PostgreSQL
// backends of the benchmark's database (server mode), this process (the load generator), the
// other processes of the machine ("others": on a shared machine, a figure measured while they
// took more than a quarter of a core is noted as low) and the machine (share of all cores). A
// generator above ~70% of a core, or starting its requests late, may be part of the limit.
//
// Environment (all optional):
//   BENCH_EMB_MODES=embedded,server   which modes, in that order
//   BENCH_EMB_MEMBERS=25000   members seeded (and the most contestants a step can have)
//   BENCH_EMB_CLIENTS=16      connections of the rate phases
//   BENCH_EMB_RATE_SECONDS=4  starts, then saves, for this long each (then the submits)
//   BENCH_EMB_STEP_SECONDS=20 each capacity step;  BENCH_EMB_STEPS=6 at most
//   BENCH_EMB_START=<n>       contestants of the first step (default from the save rate)
//   BENCH_EMB_CONNECTIONS=128 most connections the open-loop generator opens
//   BENCH_EMB_LOG_LEVEL=warn  the API's LOG_LEVEL (npm start's default is info: a line per request)
//   BENCH_DATABASE_URL        admin connection to the server (default postgres://postgres@127.0.0.1:5432/postgres)
import argon2 from 'argon2';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApi } from './lib/api.mjs';
import { ADMIN_URL, env, int, PASSWORD } from './lib/env.mjs';
import { newStats, openConnections, timed } from './lib/http.mjs';
import { ConnectionPool, runSchedule } from './lib/open-loop.mjs';
import { cpuMeter } from './lib/proc.mjs';
import { createDatabase } from './lib/seed.mjs';
import { seedSmall, SMALL, SMALL_ROUND_ID, smallMembers } from './lib/small-seed.mjs';
import { tokenSigner } from './lib/tokens.mjs';
import { databaseUrl, mulberry32, run, seconds, sleep, stop, summarize, withClient } from './lib/util.mjs';

const MODES = (env.BENCH_EMB_MODES ?? 'embedded,server').split(',').map((m) => m.trim()).filter(Boolean);
const MEMBERS = int('BENCH_EMB_MEMBERS', 25_000);
const CLIENTS = Math.max(1, int('BENCH_EMB_CLIENTS', 16));
const RATE_SECONDS = int('BENCH_EMB_RATE_SECONDS', 4);
const STEP_SECONDS = Math.max(5, int('BENCH_EMB_STEP_SECONDS', 20));
const MAX_STEPS = Math.max(1, int('BENCH_EMB_STEPS', 6));
const FIRST_STEP = int('BENCH_EMB_START', 0);
const CONNECTIONS = Math.max(1, int('BENCH_EMB_CONNECTIONS', 128));
const LOG_LEVEL = env.BENCH_EMB_LOG_LEVEL ?? 'warn';
for (const mode of MODES) if (!['embedded', 'server'].includes(mode)) throw new Error(`BENCH_EMB_MODES: unknown mode ${mode}`);
if (MEMBERS < 100) throw new Error('BENCH_EMB_MEMBERS must be at least 100');

const PERIOD_MS = 5000; // one save per contestant every 5 s …
const JITTER_MS = 1000; // … ± 1 s
const SAVES = [18, 22]; // saves before the submit
const WARM_MS = 2000; // the start of a step that is not timed
const GOALS = { saveP99Ms: 100, generatorShare: 0.7, generatorLateMs: 20, othersShare: 0.25 };
// apps/api/src/database/embedded-maintenance.ts: VACUUM (ANALYZE) of every table 30 s after boot,
// then every EMBEDDED_VACUUM_MINUTES (10). The maintenance step runs until MAINTENANCE_UNTIL_S after boot.
const MAINTENANCE_FIRST_PASS_S = 30;
const MAINTENANCE_UNTIL_S = int('BENCH_EMB_MAINTENANCE_UNTIL', 40);

const random = mulberry32(14);
const between = (low, high) => low + random() * (high - low);
const dueAfter = (due) => due + between(PERIOD_MS - JITTER_MS, PERIOD_MS + JITTER_MS);
const nice = (n) => {
  // two significant figures, so the steps read as round numbers
  if (n < 100) return Math.max(1, Math.round(n));
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
};
const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
const pct = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');
const parse = (body) => {
  try {
    return JSON.parse(body);
  } catch {
    return {};
  }
};

const startedAt = performance.now();
const results = [];
const missed = [];
const notes = [];

console.log(`embedded benchmark: modes ${MODES.join(', ')}; ${MEMBERS.toLocaleString('en')} members; rates ${CLIENTS} clients × ${RATE_SECONDS} s; ` +
  `capacity steps of ${STEP_SECONDS} s (at most ${MAX_STEPS}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// One hash for every member, with the API's parameters (a login does not rehash).
const { PASSWORD_HASH_OPTIONS } = await import('../../apps/api/dist/modules/auth/password-hasher.js');
const passwordHash = await argon2.hash(PASSWORD, PASSWORD_HASH_OPTIONS);

// ---------------------------------------------------------------------------------------------

async function benchMode(mode) {
  const embedded = mode === 'embedded';
  const workDir = mkdtempSync(join(tmpdir(), `hoithi-embedded-bench-${mode}-`));
  const database = embedded ? null : `hoithi_bench_emb_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const url = database ? databaseUrl(database) : '';
  const children = [];
  const apiLog = { lines: 0 };
  let created = false;
  let monitor = null;
  const stage = async (label, work) => {
    const started = performance.now();
    const result = await work();
    console.log(`· ${mode}: ${label}: ${seconds(performance.now() - started)}`);
    return result;
  };
  console.log('');
  console.log(`${mode}: ${embedded ? `embedded PGlite in ${workDir}` : `database ${database} on ${new URL(ADMIN_URL).host}`}`);
  try {
    // --- data: migrations (migration-cli, as `npm run migration:run`), then the small seed
    const migrationEnv = { ...env, DATABASE_URL: url, DATA_DIR: workDir, JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'warn' };
    if (!embedded) {
      await createDatabase(database);
      created = true;
    }
    await stage('migrations', async () => {
      const result = await run(process.execPath, ['apps/api/dist/database/migration-cli.js', 'run'], { env: migrationEnv });
      if (result.code !== 0) throw new Error(`migrations failed: ${result.stderr || result.stdout}`);
    });
    const seedSteps = await stage(`seed (${MEMBERS.toLocaleString('en')} members)`, async () => {
      if (embedded) {
        const result = await run(process.execPath, ['test/bench/lib/embedded-seed.mjs', workDir, String(MEMBERS)], { env: { ...env, BENCH_PASSWORD_HASH: passwordHash } });
        if (result.code !== 0) throw new Error(`seeding the embedded database failed: ${result.stderr || result.stdout}`);
        return JSON.parse(result.stdout.trim().split('\n').pop()).steps;
      }
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        return await seedSmall((sql, params) => pool.query(sql, params), { members: MEMBERS, passwordHash });
      } finally {
        await pool.end();
      }
    });
    console.log(`  ${seedSteps.join(', ')}`);

    // --- the API, as `npm start` runs it (no DATABASE_URL = embedded), without Redis
    const api = await stage('API boot', () =>
      startApi({ url, workDir, children, log: apiLog, label: mode, extraEnv: { ATTEMPT_SWEEP_SECONDS: '30', LOG_LEVEL } }),
    );
    const { port, child, profile } = api;
    const bootAt = performance.now();
    // The API's last lines and its exit, to say why if it dies under load.
    const tail = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        tail.push(...String(chunk).split('\n').filter(Boolean).map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)));
        tail.splice(0, Math.max(0, tail.length - 12));
      });
    }
    let exit = null;
    child.once('exit', (code, signal) => (exit = `the ${mode} API exited (${signal ?? `code ${code}`}) ${seconds(performance.now() - bootAt)} after boot`));
    const alive = () => {
      if (exit) throw new Error(`${exit}; its last lines:\n    ${tail.join('\n    ')}`);
    };
    // The PostgreSQL backends serving the benchmark's database (server mode), for their CPU.
    if (!embedded) {
      monitor = new pg.Client({ connectionString: ADMIN_URL });
      await monitor.connect();
    }
    const backends = async () =>
      monitor ? (await monitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid) : [];
    const meter = () => cpuMeter({ api: child.pid }, backends);

    // --- one real login; every member gets a token with the same claims, signed with the same secret
    const members = smallMembers(MEMBERS);
    const login = newStats();
    const [loginConnection] = await openConnections(port, 1);
    const loginResponse = await timed(login, loginConnection, 200, 'POST', '/api/auth/login', null, { email: members[0].email, password: PASSWORD });
    loginConnection.close();
    if (!loginResponse) throw new Error(`login failed: ${login.samples.join('; ')}`);
    const sign = tokenSigner(JSON.parse(loginResponse.body).accessToken);
    for (const member of members) member.token = sign(member);
    const free = [...members]; // members with no attempt running (taken from the front, returned at the back)

    // --- 1. rates, closed loop
    const connections = await openConnections(port, CLIENTS);
    await stage('warm-up (not counted)', () => playClosedLoop(connections, free, 1, { start: newStats(), save: newStats(), submit: newStats() }));
    const rates = { start: newStats(), save: newStats(), submit: newStats() };
    const rateCpu = {};
    await stage(`rates (${CLIENTS} clients)`, () => playClosedLoop(connections, free, RATE_SECONDS, rates, rateCpu, meter));
    alive();
    connections.forEach((c) => c.close());
    for (const name of ['start', 'save', 'submit']) {
      const s = summarize(rates[name].latencies);
      console.log(`  ${name}: ${num(rate(rates[name]))} req/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, ${s.count} requests, ${rates[name].errors} errors; ` +
        `CPU: API ${pct(rateCpu[name].api.share)} (busiest thread ${threadLabel(rateCpu[name].api.busiest)})` +
        `${embedded ? '' : `, PostgreSQL ${pct(rateCpu[name].extra.share)}`}, generator ${pct(rateCpu[name].generator.share)}, others ${pct(rateCpu[name].others.share)}, ` +
        `machine ${pct(rateCpu[name].machine.share)}`);
    }

    // --- 2. capacity, open loop
    const crowd = { contestants: [], free, exhausted: [] };
    const first = firstStep(rate(rates.save));
    // The embedded app vacuums its database itself (PGlite has no autovacuum): a first pass
    // MAINTENANCE_FIRST_PASS_S after boot, then every 10 minutes. That first pass gets a step of its
    // own at half the first step's load (its stall is then the pass, not the load), so that it
    // falls in none of the search's steps.
    let maintenance = null;
    if (embedded && MAINTENANCE_UNTIL_S > 0) {
      const left = MAINTENANCE_UNTIL_S - (performance.now() - bootAt) / 1000;
      if (left >= 10) {
        maintenance = await capacityStep({ n: nice(first / 2), seconds: left, label: 'maintenance step', port, crowd, meter, profile, mode });
        alive();
      } else {
        notes.push(`embedded: the rates ended ${seconds(performance.now() - bootAt)} after boot: the first maintenance pass (~${MAINTENANCE_FIRST_PASS_S} s after boot) may have fallen in them`);
      }
    }
    const capacity = await capacitySearch({ mode, port, crowd, meter, profile, first, alive });
    alive();
    return { mode, rates, rateCpu, capacity, maintenance, apiLog, seedSteps };
  } finally {
    for (const child of children) await stop(child);
    if (monitor) await monitor.end().catch(() => {});
    if (created) {
      await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      console.log(`  dropped database ${database}`);
    }
    rmSync(workDir, { recursive: true, force: true });
    if (apiLog.lines) console.log(`  the ${mode} API wrote ${apiLog.lines} log line(s) at level ${LOG_LEVEL} or above (first ones shown above)`);
  }
}

const rate = (stats) => (stats.ms > 0 ? stats.latencies.length / (stats.ms / 1000) : NaN);
const threadLabel = (thread) => (thread ? `${thread.name} ${pct(thread.share)}` : '—');

/**
 * Closed loop on `connections`: starts for `secondsEach` (members taken from `free`), saves on those
 * attempts for as long (question-major, so concurrent saves hit different attempts), then every
 * attempt submitted; the members go back to `free`. `cpu[phase]` gets each phase's CPU shares.
 */
async function playClosedLoop(connections, free, secondsEach, stats, cpu = null, meter = null) {
  const phase = async (name, work) => {
    const m = meter ? await meter() : null;
    const started = performance.now();
    await work();
    stats[name].ms += performance.now() - started;
    if (m) cpu[name] = await m.read();
  };
  const attempts = [];
  const used = [];
  await phase('start', async () => {
    const end = performance.now() + secondsEach * 1000;
    await Promise.all(connections.map(async (connection) => {
      while (performance.now() < end) {
        const member = free.shift();
        if (!member) return;
        used.push(member);
        const response = await timed(stats.start, connection, 201, 'POST', `/api/rounds/${SMALL_ROUND_ID}/attempts`, member.token);
        if (response) attempts.push(paperOf(JSON.parse(response.body), member));
      }
    }));
  });
  const saves = [];
  for (let i = 0; i < SMALL.paper; i++) for (const attempt of attempts) if (attempt.questions[i]) saves.push([attempt, attempt.questions[i]]);
  await phase('save', async () => {
    if (!saves.length) return;
    const end = performance.now() + secondsEach * 1000;
    let next = 0;
    await Promise.all(connections.map(async (connection) => {
      while (performance.now() < end) {
        const [attempt, question] = saves[next++ % saves.length];
        await timed(stats.save, connection, 200, 'PUT', `/api/attempts/${attempt.id}/answers/${question.id}`, attempt.member.token,
          { optionIds: [question.options[Math.floor(random() * question.options.length)]] });
      }
    }));
  });
  await phase('submit', async () => {
    let next = 0;
    await Promise.all(connections.map(async (connection) => {
      while (next < attempts.length) {
        const attempt = attempts[next++];
        await timed(stats.submit, connection, 200, 'POST', `/api/attempts/${attempt.id}/submit`, attempt.member.token, { prediction: Math.floor(random() * 5000) });
      }
    }));
  });
  free.push(...used);
}

/** What a contestant keeps of a started attempt: its id and, per question, the option ids. */
function paperOf(attempt, member) {
  return { id: attempt.id, member, questions: attempt.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })) };
}

// ---------------------------------------------------------------------------------------------
// Capacity

/**
 * The contestants of the first step: a quarter of what the closed-loop save rate could serve (saves
 * batched by 16 clients back to back are far cheaper than the same saves arriving one by one on a
 * schedule; the capacity came out at a fifth to a quarter of it in both modes).
 */
const firstStep = (saveRate) => FIRST_STEP || nice(Math.max(20, (saveRate * PERIOD_MS) / 1000 / 4));

/** Steps up by half while they pass (down by a third while none has), then bisects to within ~10%. */
async function capacitySearch({ mode, port, crowd, meter, profile, first, alive }) {
  const steps = [];
  let n = first;
  let best = null;
  let lowestFailed = null;
  let retried = false;
  for (let i = 1; i <= MAX_STEPS; i++) {
    const available = crowd.contestants.length + crowd.free.length;
    const capped = n >= available;
    if (capped) n = available;
    const step = await capacityStep({ n, seconds: STEP_SECONDS, label: `step ${i}`, port, crowd, meter, profile, mode });
    alive();
    steps.push(step);
    if (!step.pass && !retried && i < MAX_STEPS && step.cpu.others.share > GOALS.othersShare) {
      // Other processes took the cores this step needed: once per mode, the same load again (one of the steps).
      retried = true;
      step.retried = true;
      console.log(`  ${mode}: other processes used ${pct(step.cpu.others.share)} of a core during that step: the same load once more`);
      continue;
    }
    if (step.pass) best = step;
    else lowestFailed = n;
    if (step.pass && capped) {
      notes.push(`${mode}: the search reached every seeded member (${n.toLocaleString('en')}) and passed: the capacity is at least that (raise BENCH_EMB_MEMBERS)`);
      break;
    }
    if (best && lowestFailed !== null && lowestFailed - best.n <= Math.max(10, best.n * 0.1)) break;
    if (lowestFailed === null) n = nice(n * 1.5);
    else if (!best) n = nice(n / 1.5);
    else n = nice((best.n + lowestFailed) / 2);
    if (n === best?.n || n === lowestFailed) break;
  }
  return { steps, best, lowestFailed };
}

/**
 * One open-loop step of `seconds` with `n` contestants (crowd.contestants[0 … n), created from
 * crowd.free as needed); the first WARM_MS are not timed.
 */
async function capacityStep({ n, seconds: stepSeconds, label, port, crowd, meter, profile, mode }) {
  const { contestants, free, exhausted } = crowd;
  // Contestants new to this step (or whose attempt was lost) start one first, not timed.
  while (contestants.length < n && free.length) contestants.push({ member: free.shift(), attempt: null, saves: 0, target: 0, uncertain: false });
  const active = contestants.slice(0, n);
  const admit = active.filter((c) => !c.attempt);
  const admitStats = newStats();
  const admitStarted = performance.now();
  if (admit.length) {
    const connections = await openConnections(port, CLIENTS);
    let next = 0;
    await Promise.all(connections.map(async (connection) => {
      while (next < admit.length) {
        const c = admit[next++];
        for (let tries = 0; tries < 3 && !c.attempt; tries++) {
          const response = await timed(admitStats, connection, 201, 'POST', `/api/rounds/${SMALL_ROUND_ID}/attempts`, c.member.token);
          if (response) {
            c.attempt = paperOf(JSON.parse(response.body), c.member);
            c.saves = Math.floor(random() * SAVES[1]);
            c.target = Math.max(c.saves + 1, Math.round(between(SAVES[0], SAVES[1])));
          } else if (!swapMember(c, free, exhausted)) {
            break;
          }
        }
      }
    }));
    connections.forEach((c) => c.close());
  }
  const admitMs = performance.now() - admitStarted;
  await sleep(500);

  // The step: every contestant's first save at a random point of the first 5 s, then every 5 s ± 1 s.
  const kinds = { start: newStats(), save: newStats(), submit: newStats() };
  const lags = [];
  const pool = new ConnectionPool(port, CONNECTIONS);
  const t0 = performance.now() + 50;
  const endAt = t0 + stepSeconds * 1000;
  const timedFrom = t0 + WARM_MS;
  const record = (kind, due, response, expected) => {
    const stats = kinds[kind];
    if (due >= timedFrom) {
      stats.latencies.push(response.latency);
      lags.push(response.sendLag);
    }
    if (response.status === expected) return true;
    stats.errors += 1;
    if (stats.samples.length < 5) stats.samples.push(`${kind} → ${response.status} ${response.body.slice(0, 200)}`);
    return false;
  };
  const m = await meter();
  await profile();
  const schedule = await runSchedule({
    actors: active,
    pool,
    endAt,
    first: () => t0 + random() * PERIOD_MS,
    act: async (c, due, send) => {
      if (!c.attempt) {
        const response = await send('POST', `/api/rounds/${SMALL_ROUND_ID}/attempts`, c.member.token);
        if (response.status === 201) {
          record('start', due, response, 201);
          c.attempt = paperOf(JSON.parse(response.body), c.member);
          c.saves = 0;
          c.target = Math.round(between(SAVES[0], SAVES[1]));
        } else {
          const code = parse(response.body).code;
          // No attempt left: a new member takes over (not an error). An attempt already running after
          // a request the benchmark gave up on (its connection closed): also a new member.
          const expected = code === 'ATTEMPT.LIMIT_REACHED' || (code === 'ATTEMPT.ACTIVE_EXISTS' && c.uncertain);
          record('start', due, response, expected ? response.status : 201);
          if (response.status === 409) swapMember(c, free, exhausted);
        }
        c.uncertain = false;
        return dueAfter(due);
      }
      if (c.saves >= c.target) {
        const response = await send('POST', `/api/attempts/${c.attempt.id}/submit`, c.member.token, { prediction: Math.floor(random() * 5000) });
        if (!record('submit', due, response, 200)) c.uncertain = response.status === 0;
        c.attempt = null; // submitted (or lost): the member starts again at the next turn
        return dueAfter(due);
      }
      const question = c.attempt.questions[c.saves % c.attempt.questions.length];
      const response = await send('PUT', `/api/attempts/${c.attempt.id}/answers/${question.id}`, c.member.token,
        { optionIds: [question.options[Math.floor(random() * question.options.length)]] });
      record('save', due, response, 200);
      c.saves += 1;
      return dueAfter(due);
    },
  });
  const cpu = await m.read();
  const sql = await profile();
  pool.close();
  const windowSeconds = (endAt - timedFrom) / 1000;
  const summary = Object.fromEntries(Object.entries(kinds).map(([kind, stats]) => [kind, { ...summarize(stats.latencies), rate: stats.latencies.length / windowSeconds }]));
  const errors = kinds.start.errors + kinds.save.errors + kinds.submit.errors + admitStats.errors;
  const lag = summarize(lags);
  const pass = summary.save.p99 < GOALS.saveP99Ms && errors === 0 && summary.save.count > 0;
  const step = {
    n, label, pass, summary, errors, admitted: admit.length, admitMs, admitErrors: admitStats.errors, cpu, lag, loop: schedule, connections: pool.size,
    samples: [...admitStats.samples.map((s) => `admit start → ${s}`), ...kinds.start.samples, ...kinds.save.samples, ...kinds.submit.samples],
  };
  console.log(`  ${mode} ${label}: ${num(n)} contestants (${num(admit.length)} started first in ${seconds(admitMs)}): ` +
    `${num(summary.save.rate)} saves/s p50 ${ms(summary.save.p50)} p99 ${ms(summary.save.p99)}; ` +
    `start p99 ${ms(summary.start.p99)} (${num(summary.start.count)}), submit p99 ${ms(summary.submit.p99)} (${num(summary.submit.count)}); ` +
    `${errors} errors; longest stall ${ms(schedule.stallMs)}; CPU: API ${pct(cpu.api.share)} (busiest thread ${threadLabel(cpu.api.busiest)})${cpu.extra.processes ? `, PostgreSQL ${pct(cpu.extra.share)}` : ''}, ` +
    `generator ${pct(cpu.generator.share)}, others ${pct(cpu.others.share)}, machine ${pct(cpu.machine.share)}; generator late p99 ${ms(schedule.late.p99)}, sent after p99 ${ms(lag.p99)} (free connection)` +
    `${schedule.unfinished ? `; ${schedule.unfinished} requests unanswered ${seconds(15_000)} after the step` : ''} → ${label.startsWith('maintenance') ? 'info' : pass ? 'pass' : 'FAIL'}`);
  for (const sample of step.samples.slice(0, 3)) console.log(`    error sample: ${sample}`);
  if (sql) {
    // BENCH_PROFILE=1: what the API's pg driver sent during the step (all of it, the untimed first 2 s included).
    const requests = Object.values(kinds).reduce((total, k) => total + k.latencies.length, 0) * (stepSeconds * 1000) / (endAt - timedFrom);
    console.log(`    profile: ${sql.statements} statements (${(sql.statements / requests).toFixed(2)} per request), ${(sql.queryMs / requests).toFixed(2)} ms in queries ` +
      `and ${(sql.poolWaitMs / requests).toFixed(2)} ms waiting for the connection per request; API loop busy ${pct(sql.eventLoopUtilization)}, ` +
      `API CPU ${((sql.cpuSeconds / requests) * 1000).toFixed(2)} ms per request`);
    for (const e of sql.bySql.slice(0, 10)) console.log(`      ${(e.count / stepSeconds).toFixed(0).padStart(5)}/s ${(e.ms / e.count).toFixed(2)} ms  ${e.sql}`);
  }
  return step;
}

/** Gives the contestant the next free member; the old one is set aside. False when none is left. */
function swapMember(c, free, exhausted) {
  const next = free.shift();
  if (!next) return false;
  exhausted.push(c.member);
  c.member = next;
  c.attempt = null;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The tables

function printTables() {
  const line = (widths, cells, left = [0]) => `| ${cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const table = (headers, rows, left) => {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    console.log(line(widths, headers, left));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    rows.forEach((r) => console.log(line(widths, r, left)));
  };
  const cpuCell = (cpu) => `${pct(cpu.api.share)} (${cpu.api.busiest?.name ?? '?'} ${pct(cpu.api.busiest?.share)})`;
  console.log('');
  console.log(`Embedded default vs PostgreSQL server (no Redis either) — ${MEMBERS.toLocaleString('en')} members, a 100-question bank, one open round of 20 questions; ` +
    `CPU as a share of one core (machine: of all cores)`);
  console.log('');
  console.log(`Rates, ${CLIENTS} clients back to back (closed loop):`);
  const rateRows = [];
  for (const r of results) {
    for (const name of ['start', 'save', 'submit']) {
      const s = summarize(r.rates[name].latencies);
      const errors = r.rates[name].errors;
      if (errors) missed.push(`GOAL MISSED: ${r.mode} ${name}: ${errors} errors`);
      const cpu = r.rateCpu[name];
      rateRows.push([r.mode, name, num(rate(r.rates[name])), ms(s.p50), ms(s.p99), num(s.count), String(errors), cpuCell(cpu),
        r.mode === 'server' ? pct(cpu.extra.share) : '(in API)', pct(cpu.generator.share), pct(cpu.others.share), pct(cpu.machine.share), '0 errors', errors ? 'FAIL' : 'pass']);
    }
  }
  table(['mode', 'endpoint', 'req/s', 'p50', 'p99', 'requests', 'errors', 'API CPU (busiest thread)', 'PostgreSQL CPU', 'generator CPU', 'others CPU', 'machine', 'goal', 'result'], rateRows, [0, 1, 12]);

  console.log('');
  console.log(`Capacity: contestants at once, one save every ${PERIOD_MS / 1000} s ± ${JITTER_MS / 1000} s, submit after ${SAVES[0]}–${SAVES[1]} saves, ` +
    `then a new attempt (open loop, latency from the due time); steps of ${STEP_SECONDS} s; goal: save p99 < ${GOALS.saveP99Ms} ms and 0 errors`);
  const capRows = [];
  for (const r of results) {
    const { best, lowestFailed, steps } = r.capacity;
    const show = (label, step) => {
      const s = step.summary;
      return [r.mode, label, num(step.n), num(s.save.rate), num(s.save.rate + s.start.rate + s.submit.rate), ms(s.save.p50), ms(s.save.p99), ms(s.save.max), ms(s.start.p99), ms(s.submit.p99),
        String(step.errors), ms(step.loop.stallMs), cpuCell(step.cpu), r.mode === 'server' ? pct(step.cpu.extra.share) : '(in API)', pct(step.cpu.generator.share),
        pct(step.cpu.others.share), pct(step.cpu.machine.share),
        label.startsWith('maintenance') ? 'info' : step.pass ? 'pass' : 'FAIL'];
    };
    if (r.maintenance) capRows.push(show('maintenance (VACUUM pass)', r.maintenance));
    if (best) capRows.push(show('capacity', best));
    else missed.push(`GOAL MISSED: ${r.mode}: no step passed (save p99 < ${GOALS.saveP99Ms} ms, 0 errors), not even ${num(Math.min(...steps.map((s) => s.n)))} contestants`);
    const failed = steps.filter((s) => s.n === lowestFailed).at(-1);
    if (failed) capRows.push(show('first failing', failed));
    for (const step of [best, failed].filter(Boolean)) {
      if (step.cpu.generator.share > GOALS.generatorShare || step.loop.late.p99 > GOALS.generatorLateMs) {
        notes.push(`${r.mode} at ${num(step.n)}: the generator used ${pct(step.cpu.generator.share)} of a core and started actions late by ${ms(step.loop.late.p99)} (p99): it may be part of the limit`);
      }
      if (step.cpu.others.share > GOALS.othersShare) {
        notes.push(`${r.mode} at ${num(step.n)}: other processes used ${pct(step.cpu.others.share)} of a core (machine ${pct(step.cpu.machine.share)} busy): the figure is lower than this machine gives when idle`);
      }
    }
  }
  table(['mode', 'step', 'contestants', 'saves/s', 'req/s', 'save p50', 'save p99', 'save max', 'start p99', 'submit p99', 'errors', 'longest stall', 'API CPU (busiest thread)', 'PostgreSQL CPU', 'generator CPU', 'others CPU', 'machine', 'result'],
    capRows, [0, 1]);
  console.log('');
  for (const r of results) {
    console.log(`${r.mode} steps: ${r.capacity.steps.map((s) => `${num(s.n)} ${s.pass ? 'pass' : 'FAIL'} (p99 ${ms(s.summary.save.p99)}${s.errors ? `, ${s.errors} errors` : ''}` +
      `${s.cpu.others.share > GOALS.othersShare ? `, others ${pct(s.cpu.others.share)}` : ''}${s.retried ? ', run again' : ''})`).join(' → ')}`);
    for (const step of [r.maintenance, ...r.capacity.steps].filter(Boolean)) for (const sample of step.samples) console.log(`error sample (${r.mode}, ${step.label}, ${num(step.n)}): ${sample}`);
    for (const [name, stats] of Object.entries(r.rates)) for (const sample of stats.samples) console.log(`error sample (${r.mode} ${name}): ${sample}`);
  }
  const [a, b] = ['embedded', 'server'].map((mode) => results.find((r) => r.mode === mode)?.capacity.best?.n);
  if (a && b) console.log(`the embedded default holds ${pct(a / b)} of the server's contestants on this machine (${num(a)} vs ${num(b)})`);
  notes.forEach((note) => console.log(`note: ${note}`));
  console.log(`total ${seconds(performance.now() - startedAt)}; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: other processes skew both modes)`);
  if (missed.length) missed.forEach((text) => console.log(text));
  else console.log('all goals met');
}

// ---------------------------------------------------------------------------------------------
// The run

for (const mode of MODES) {
  try {
    results.push(await benchMode(mode));
  } catch (error) {
    console.log(`  ${mode}: FAILED: ${error.stack ?? error}`);
    missed.push(`GOAL MISSED: ${mode}: the run failed: ${String(error.message ?? error).split('\n')[0]}`);
    process.exitCode = 1;
  }
}
printTables();
