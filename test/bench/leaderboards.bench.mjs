// Benchmark: the round leaderboard (issue #5) through the real HTTP API on a PostgreSQL server, on
// the attempts bench's data set (200,000 members, one open round holding 1,000,000 finished
// attempts, so a 200,000-entry board), beside raw `redis-benchmark` ZREVRANK / ZREVRANGE on a
// sorted set of the same size, measured in the same run. A measurement, never a test: it exits 0
// when a goal is missed and prints "GOAL MISSED" instead.
//
//   npm run bench:leaderboards        (builds first; `npm run bench` runs every benchmark)
//
// For each store (PostgreSQL: each API process keeps the board in memory and catches up with one
// indexed query per read; Redis: sorted sets), a fresh API process is booted, the board's first
// read is timed (PostgreSQL: loading every best row; Redis: building the sorted set — the round's
// `hoithi:lb:<round>*` keys are deleted first, and only those), then BENCH_LB_READERS (16)
// connections read `/me` (random members) for BENCH_LB_SECONDS, then the top 50 for as long, while
// BENCH_LB_WRITERS (4) contestants start, answer 20 questions and submit the whole time. Each
// endpoint gets the same concurrency as `redis-benchmark -c 16`, so the ratios compare like with
// like. Then the round is closed (closes_at set in the past by SQL first), the close is timed and
// the final board is read; at the end the round is reopened (closed_at, actual_value, closes_at
// and round_results restored), so a kept database stays usable by both benchmarks, and the
// round's Redis keys are deleted again.
//
// Goals (issue #5): `/me` and top 50 p99 < 20 ms with Redis, < 100 ms with PostgreSQL, while
// submits run; close < 30 s; `/me` ≥ 25% of ZREVRANK's rate and top 50 ≥ 20% of ZREVRANGE 0 49's
// (judged for both stores); no request-time COUNT(*) over the board (checked with BENCH_PROFILE=1).
//
// Environment (all optional; the data size variables and KEEP_DB, BENCH_DB, BENCH_PROFILE,
// BENCH_API_FLAGS, BENCH_DATABASE_URL are the attempts bench's):
//   BENCH_LB_SECONDS=20        each read phase (/me, then top 50) per store
//   BENCH_LB_WARMUP_SECONDS=3  mixed reads and writes before the measured phases (not counted)
//   BENCH_LB_FINAL_SECONDS=5   each read phase on the final board after close
//   BENCH_LB_HEALTH_SECONDS=5  reference: the API's /api/health (no SQL, no token) under the same load,
//                              the framework's ceiling on this machine
//   BENCH_LB_READERS=16        reader connections (and redis-benchmark -c)
//   BENCH_LB_WRITERS=4         contestant connections during the read phases
//   BENCH_LB_STORES=postgres,redis
//   BENCH_LB_CLOSE=1           0 skips the close (and the round stays open)
//   BENCH_REDIS_URL            Redis for the Redis store and redis-benchmark (default redis://127.0.0.1:6379)
//   BENCH_REDIS_REQUESTS=200000  requests per redis-benchmark command
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startApi } from './lib/api.mjs';
import {
  ADMIN_URL, benchUuid, env, int, KEEP_DB, MAX_ATTEMPTS, MEMBERS, PARENT_UNITS, PASSWORD, PROFILE, QUESTIONS, REUSE_DB, ROUND_ID, UNITS, USERS,
} from './lib/env.mjs';
import { newStats, openConnections, runFor, timed } from './lib/http.mjs';
import { checkSeeded, createDatabase, dataSizes, migrateAndSeed } from './lib/seed.mjs';
import { tokenSigner } from './lib/tokens.mjs';
import { databaseUrl, mulberry32, run, seconds, stop, summarize, withClient } from './lib/util.mjs';

const SECONDS = int('BENCH_LB_SECONDS', 20);
const WARMUP_SECONDS = int('BENCH_LB_WARMUP_SECONDS', 3);
const FINAL_SECONDS = int('BENCH_LB_FINAL_SECONDS', 5);
const HEALTH_SECONDS = int('BENCH_LB_HEALTH_SECONDS', 5);
const READERS = Math.max(1, int('BENCH_LB_READERS', 16));
const WRITERS = int('BENCH_LB_WRITERS', 4);
const STORES = (env.BENCH_LB_STORES ?? 'postgres,redis').split(',').map((s) => s.trim()).filter(Boolean);
const CLOSE = env.BENCH_LB_CLOSE !== '0';
const REDIS_URL = env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const REDIS_REQUESTS = int('BENCH_REDIS_REQUESTS', 200_000);
if (STORES.some((s) => s !== 'postgres' && s !== 'redis')) throw new Error('BENCH_LB_STORES: postgres and/or redis');

const GOALS = { p99Ms: { postgres: 100, redis: 20 }, meRatio: 0.25, topRatio: 0.2, closeMs: 30_000 };
const TOP = 50;
const SIGNED_READERS = 20_000; // random members whose tokens read /me
const CONTESTANTS = 3_000; // members who play during the read phases (cycled)
const RESERVED = MEMBERS + 2_000; // the attempts bench's API members and pgbench's attempt owners: never contestants here
const random = mulberry32(5);

const CORRECT = 0.9; // share of questions a contestant answers right: most submits beat their best, so the board keeps changing
const member = (n) => ({ n, id: benchUuid(`user:${n}`), unit_id: benchUuid(`unit:${PARENT_UNITS + 1 + (n % (UNITS - PARENT_UNITS))}`) });
const boardPath = `/api/rounds/${ROUND_ID}/leaderboard?limit=${TOP}&offset=0`;
const mePath = `/api/rounds/${ROUND_ID}/leaderboard/me`;

// ---------------------------------------------------------------------------------------------
// Database chores: the round's state, contestants, consistency checks

/**
 * Opens the round again, as seeded: closes_at back to `closesAt` (null: 30 days from now, only if an
 * earlier run left the round closed or its window in the past), the final board deleted.
 */
async function reopenRound(db, closesAt) {
  const { rowCount } = closesAt
    ? await db.query('UPDATE rounds SET closed_at = NULL, actual_value = NULL, closes_at = $2 WHERE id = $1', [ROUND_ID, closesAt])
    : await db.query(`UPDATE rounds SET closed_at = NULL, actual_value = NULL, closes_at = now() + interval '30 days'
                       WHERE id = $1 AND (closed_at IS NOT NULL OR closes_at < now())`, [ROUND_ID]);
  const { rowCount: results } = await db.query('DELETE FROM round_results WHERE round_id = $1', [ROUND_ID]);
  if (results) await db.query('VACUUM (ANALYZE) round_results');
  return rowCount > 0;
}

/**
 * The contestants: the members with the weakest best attempts (so that most submits beat them and
 * the board keeps changing, run after run), leaving out the attempts bench's own members and
 * pgbench's (the first BENCH_MEMBERS + 2,000), anyone with an attempt still open, and anyone with
 * too few attempts left.
 */
async function contestants(db) {
  const { rows } = await db.query(
    `SELECT u.id, u.unit_id, substring(u.email from '^member(\\d+)@')::int AS n
       FROM round_participants p JOIN users u ON u.id = p.user_id
      WHERE p.round_id = $1 AND p.active_attempt_id IS NULL AND p.attempts_used < ${MAX_ATTEMPTS - 2}
        AND substring(u.email from '^member(\\d+)@')::int > ${RESERVED}
      ORDER BY p.best_score NULLS FIRST, p.best_duration_ms DESC LIMIT ${CONTESTANTS}`,
    [ROUND_ID],
  );
  return rows;
}

/** Rank and board size by SQL (a one-off check, never on the request path): the live ladder. */
async function sqlRank(db, userId) {
  const { rows } = await db.query(
    `WITH me AS (SELECT best_score s, best_duration_ms d, best_submitted_at t, best_attempt_id a FROM round_participants WHERE round_id = $1 AND user_id = $2)
     SELECT (SELECT count(*)::int FROM round_participants p, me WHERE p.round_id = $1 AND p.best_attempt_id IS NOT NULL
               AND (p.best_score > me.s OR (p.best_score = me.s AND (p.best_duration_ms, p.best_submitted_at, p.best_attempt_id) < (me.d, me.t, me.a)))) + 1 AS rank,
            (SELECT count(*)::int FROM round_participants WHERE round_id = $1 AND best_attempt_id IS NOT NULL) AS total,
            (SELECT s::float FROM me) AS score`,
    [ROUND_ID, userId],
  );
  return rows[0];
}

/** What a PostgreSQL-store catch-up reads right now, and the oldest open transaction holding the horizon back. */
async function horizonLag(db) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM round_participants WHERE round_id = $1 AND board_txid >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint) AS rows,
            (SELECT coalesce(round(extract(epoch FROM max(now() - xact_start)))::int, 0) FROM pg_stat_activity
              WHERE (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL) AND pid <> pg_backend_pid()) AS oldest_seconds`,
    [ROUND_ID],
  );
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Redis: the round's keys, and raw redis-benchmark on a sorted set as large as the board

async function withRedis(work) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Deletes this round's board keys only (`hoithi:lb:<round>`, `:u`, `:ready`, locks, build leftovers). */
async function flushRoundKeys(redis) {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `hoithi:lb:${ROUND_ID}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

async function redisBenchmark(size) {
  const key = `hoithi:bench:zset:${process.pid}`;
  // Members shaped like the app's (13-digit time, 32 hex, user and unit uuids, prediction: ~125 bytes),
  // numbered so that redis-benchmark's __rand_int__ (12 digits, 0 … size − 1) names one.
  const tail = `|${benchUuid('user:1')}|${benchUuid('unit:51')}|123456`;
  const name = (index) => `${String(index).padStart(12, '0')}${'f'.repeat(33)}${tail}`;
  const target = new URL(REDIS_URL);
  const fill = await withRedis(async (redis) => {
    const started = performance.now();
    await redis.del(key);
    for (let start = 0; start < size; start += 5000) {
      const args = [];
      for (let i = start; i < Math.min(size, start + 5000); i++) args.push(Math.floor(random() * 2_100_000_000), name(i));
      await redis.zadd(key, ...args);
    }
    return { ms: performance.now() - started, card: await redis.zcard(key) };
  });
  const bench = async (...command) => {
    const args = ['-h', target.hostname, '-p', target.port || '6379', '-n', String(REDIS_REQUESTS), '-c', String(READERS), '-P', '1', '-q', '--csv', '-r', String(size), ...command];
    const result = await run('redis-benchmark', args);
    const line = result.stdout.trim().split('\n').find((l) => l.startsWith('"') && !l.startsWith('"test"'));
    const cells = line ? line.split(',').map((c) => Number(c.replace(/"/g, ''))) : [];
    if (result.code !== 0 || !line) throw new Error(`redis-benchmark ${command[0]} failed (${result.code}): ${result.stderr || result.stdout}`);
    return { rps: cells[1], p50: cells[4], p99: cells[6], command: command.join(' ').replace(key, '<zset>').replace(name(0).slice(12), '…') };
  };
  try {
    const zrevrank = await bench('ZREVRANK', key, `__rand_int__${name(0).slice(12)}`);
    const zrevrange = await bench('ZREVRANGE', key, '0', String(TOP - 1));
    const withScores = await bench('ZREVRANGE', key, '0', String(TOP - 1), 'WITHSCORES');
    return { fill, zrevrank, zrevrange, withScores };
  } finally {
    await withRedis((redis) => redis.del(key));
  }
}

// ---------------------------------------------------------------------------------------------
// Load: readers and contestants

// The seed's answer key: question n's correct option is option 1 + n % 4.
const correctOption = new Map(Array.from({ length: QUESTIONS }, (_, i) => [benchUuid(`question:${i + 1}`), benchUuid(`option:${i + 1}:${1 + ((i + 1) % 4)}`)]));

/**
 * Contestants playing until `control.stop`: start, save 20 answers, submit, each in turn (the list
 * is cycled, so nobody has two attempts at once); counts what was done.
 */
function startWriters(port, players, sign, control) {
  const stats = { start: newStats(), save: newStats(), submit: newStats(), submitted: 0, ms: 0 };
  if (!WRITERS || !players.length) return { stats, done: Promise.resolve() };
  let next = 0;
  const done = (async () => {
    const started = performance.now();
    const connections = await openConnections(port, WRITERS);
    await Promise.all(
      connections.map(async (connection) => {
        while (!control.stop) {
          const player = players[next++ % players.length];
          const token = sign(player);
          const started = await timed(stats.start, connection, 201, 'POST', `/api/rounds/${ROUND_ID}/attempts`, token);
          if (!started) continue;
          const attempt = JSON.parse(started.body);
          for (const question of attempt.questions) {
            const right = random() < CORRECT ? question.options.find((o) => o.id === correctOption.get(question.id)) : null;
            const option = right ?? question.options[Math.floor(random() * question.options.length)];
            await timed(stats.save, connection, 200, 'PUT', `/api/attempts/${attempt.id}/answers/${question.id}`, token, { optionIds: [option.id] });
          }
          if (await timed(stats.submit, connection, 200, 'POST', `/api/attempts/${attempt.id}/submit`, token, { prediction: Math.floor(random() * 200000) })) {
            stats.submitted += 1;
            control.submitted.push(player);
          }
        }
      }),
    );
    connections.forEach((c) => c.close());
    stats.ms = performance.now() - started;
  })();
  return { stats, done };
}

/** One read phase: `connections` requests back to back for `ms`; returns stats and submits done meanwhile. */
async function readPhase(connections, ms, kind, readerTokens, writerStats) {
  const stats = newStats();
  const submitsBefore = writerStats?.submitted ?? 0;
  let i = 0;
  await runFor(stats, connections, ms, (connection) =>
    kind === 'me'
      ? timed(stats, connection, 200, 'GET', mePath, readerTokens[i++ % readerTokens.length])
      : timed(stats, connection, 200, 'GET', kind === 'health' ? '/api/health' : boardPath),
  );
  stats.submits = (writerStats?.submitted ?? 0) - submitsBefore;
  return stats;
}

async function timedOnce(port, method, path, token, body, expected = 200) {
  const [connection] = await openConnections(port, 1);
  const stats = newStats();
  const response = await timed(stats, connection, expected, method, path, token, body);
  connection.close();
  return { ms: stats.latencies[0], response, stats };
}

// ---------------------------------------------------------------------------------------------
// The run

const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-leaderboards-bench-'));
const database = REUSE_DB ?? `hoithi_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
if (!/^[a-z0-9_]+$/.test(database)) throw new Error('BENCH_DB must be a plain lower-case database name');
const url = databaseUrl(database);
const children = [];
let created = false;
let originalClosesAt = null;
let roundTouched = false;
let redisTouched = false;
const apiLog = { lines: 0 };
const stages = {};
const stage = async (label, work) => {
  const started = performance.now();
  const result = await work();
  stages[label] = performance.now() - started;
  console.log(`· ${label}: ${seconds(stages[label])}`);
  return result;
};

try {
  console.log(`leaderboards benchmark: stores ${STORES.join(', ')}, ${READERS} readers + ${WRITERS} contestants, database ${database} on ${new URL(ADMIN_URL).host}, ` +
    `Redis ${REDIS_URL}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (REUSE_DB) {
    await withClient(url, (db) => checkSeeded(db, REUSE_DB));
  } else {
    await createDatabase(database);
    created = true;
    await migrateAndSeed(url, stage);
  }
  const { players, board } = await withClient(url, async (db) => {
    if (await reopenRound(db, null)) console.log('  the round was left closed by an earlier run: reopened');
    originalClosesAt = (await db.query('SELECT closes_at FROM rounds WHERE id = $1', [ROUND_ID])).rows[0].closes_at;
    const { rows } = await db.query(`SELECT count(*)::int AS entries, sum(attempts_used)::int AS attempts FROM round_participants WHERE round_id = $1 AND best_attempt_id IS NOT NULL`, [ROUND_ID]);
    return { players: await contestants(db), board: rows[0] };
  });
  const sizes = await dataSizes(url);
  console.log(`  data: ${sizes.users} members, ${sizes.units} units, ${sizes.finished} finished attempts, database ${sizes.size}; ` +
    `board: ${board.entries} entries (${board.attempts} attempts counted); ${players.length} contestants available`);

  // --- raw Redis, same run, nothing else running
  // Without Redis (or redis-benchmark) the Redis store is skipped and the ratio goals cannot be met.
  const none = { rps: NaN, p50: NaN, p99: NaN };
  const raw = await stage(`redis-benchmark (${board.entries} members, -n ${REDIS_REQUESTS} -c ${READERS} -P 1)`, () =>
    redisBenchmark(board.entries).catch((error) => ({ fill: { ms: NaN, card: 0 }, zrevrank: none, zrevrange: none, withScores: none, error })),
  );
  const stores = raw.error ? STORES.filter((s) => s !== 'redis') : STORES;
  if (raw.error) console.log(`  no Redis figures (${raw.error.message.split('\n')[0]}): the Redis store is skipped`);
  else {
    console.log(`  sorted set filled in ${seconds(raw.fill.ms)} (${raw.fill.card} members); ZREVRANK ${Math.round(raw.zrevrank.rps)}/s, ` +
      `ZREVRANGE 0 ${TOP - 1} ${Math.round(raw.zrevrange.rps)}/s, WITHSCORES ${Math.round(raw.withScores.rps)}/s`);
  }

  // Tokens: one real login for the claims; readers are random members, the organizer closes.
  const readerMembers = Array.from({ length: SIGNED_READERS }, () => member(1 + Math.floor(random() * USERS)));
  let sign = null;
  let readerTokens = [];
  const results = {};
  let lastApi = null;

  for (const store of stores) {
    if (lastApi) {
      await stop(lastApi.child);
      lastApi = null;
    }
    const redisUrl = store === 'redis' ? REDIS_URL : '';
    if (store === 'redis') {
      redisTouched = true;
      const deleted = await withRedis(flushRoundKeys);
      console.log(`  redis: deleted ${deleted} key(s) of round ${ROUND_ID}`);
    }
    const api = await stage(`${store} store: API boot`, () => startApi({ url, workDir, redisUrl, children, log: apiLog, label: `api ${store}` }));
    lastApi = api;
    if (!sign) {
      const login = await timedOnce(api.port, 'POST', '/api/auth/login', null, { email: 'member1@bench.hoithi.vn', password: PASSWORD });
      if (!login.response) throw new Error(`login failed: ${login.stats.samples.join('; ')}`);
      sign = tokenSigner(JSON.parse(login.response.body).accessToken);
      readerTokens = readerMembers.map((m) => sign(m));
    }
    const result = { store };
    results[store] = result;

    // First reads: the board is loaded (PostgreSQL store) or built (Redis) by the first one.
    const first = await timedOnce(api.port, 'GET', boardPath);
    if (!first.response) throw new Error(`first board read failed: ${first.stats.samples.join('; ')}`);
    result.firstLoadMs = first.ms;
    result.firstMeMs = (await timedOnce(api.port, 'GET', mePath, readerTokens[0])).ms;
    result.secondTopMs = (await timedOnce(api.port, 'GET', boardPath)).ms;
    const firstBody = JSON.parse(first.response.body);
    result.total = firstBody.total;
    console.log(`  ${store}: first read (board ${store === 'redis' ? 'built in Redis' : 'loaded in memory'}) ${result.firstLoadMs.toFixed(0)} ms, total ${firstBody.total}; ` +
      `then /me ${result.firstMeMs.toFixed(1)} ms, top ${TOP} ${result.secondTopMs.toFixed(1)} ms`);

    // Contestants play during the warm-up and both read phases.
    const control = { stop: false, submitted: [] };
    // Fresh contestants per store (the weakest bests now: the previous store's players have improved theirs).
    const { txidBefore, playing } = await withClient(url, async (db) => ({
      playing: store === stores[0] ? players : await contestants(db),
      txidBefore: (await db.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x,
    }));
    const writers = startWriters(api.port, playing, sign, control);
    const readers = await openConnections(api.port, READERS);
    const half = Math.ceil(READERS / 2);
    await stage(`${store} store: warm-up (not counted)`, () =>
      Promise.all([readPhase(readers.slice(0, half), WARMUP_SECONDS * 1000, 'me', readerTokens), readPhase(readers.slice(half), WARMUP_SECONDS * 1000, 'top', readerTokens)]),
    );
    await api.profile();
    result.me = await stage(`${store} store: /me, ${READERS} connections`, () => readPhase(readers, SECONDS * 1000, 'me', readerTokens, writers.stats));
    result.meProfile = await api.profile();
    result.top = await stage(`${store} store: top ${TOP}, ${READERS} connections`, () => readPhase(readers, SECONDS * 1000, 'top', readerTokens, writers.stats));
    result.topProfile = await api.profile();
    if (HEALTH_SECONDS) result.health = await stage(`${store} store: /api/health (reference), ${READERS} connections`, () => readPhase(readers, HEALTH_SECONDS * 1000, 'health', readerTokens, writers.stats));
    result.lag = await withClient(url, horizonLag);
    control.stop = true;
    await writers.done;
    result.boardChanges = await withClient(url, async (db) =>
      (await db.query('SELECT count(*)::int AS n FROM round_participants WHERE round_id = $1 AND board_txid > $2::bigint', [ROUND_ID, txidBefore])).rows[0].n);
    readers.forEach((c) => c.close());
    result.writers = writers.stats;

    // Read-your-writes and ordering: a few members who just submitted, and a few random ones, against SQL.
    const sample = [...control.submitted.slice(-3), ...readerMembers.slice(0, 3)];
    result.checks = [];
    await withClient(url, async (db) => {
      for (const m of sample) {
        const { response } = await timedOnce(api.port, 'GET', mePath, sign(m));
        const expected = await sqlRank(db, m.id);
        const got = response ? JSON.parse(response.body) : null;
        const ok = got && got.rank === expected.rank && got.total === expected.total && got.entry?.score === expected.score;
        result.checks.push({ ok, text: `member ${m.n}: API rank ${got?.rank}/${got?.total} score ${got?.entry?.score}, SQL ${expected.rank}/${expected.total} score ${expected.score}` });
      }
    });
    const bad = result.checks.filter((c) => !c.ok);
    console.log(`  ${store}: ${writers.stats.submitted} submits during the run, ${result.boardChanges} of them changed the board; /me vs SQL: ${bad.length ? bad.map((c) => c.text).join('; ') : `${result.checks.length} of ${result.checks.length} agree`}; ` +
      `catch-up would read ${result.lag.rows} row(s) now (oldest open transaction ${result.lag.oldest_seconds} s)`);
  }

  // --- close: the round's window is moved into the past, then the final board is computed and read
  let close = null;
  if (CLOSE && lastApi) {
    roundTouched = true;
    await withClient(url, (db) => db.query(`UPDATE rounds SET closes_at = now() - interval '10 seconds' WHERE id = $1`, [ROUND_ID]));
    const organizer = sign(member(1), { roles: ['organizer'] });
    close = await stage('close (final board)', () => timedOnce(lastApi.port, 'POST', `/api/rounds/${ROUND_ID}/close`, organizer, {}));
    if (close.response) {
      close.body = JSON.parse(close.response.body);
      close.rows = await withClient(url, async (db) => (await db.query('SELECT count(*)::int AS n FROM round_results WHERE round_id = $1', [ROUND_ID])).rows[0].n);
      console.log(`  closed: ${close.rows} ranked rows, ${close.body.participants} participants, actual value ${close.body.actualValue}`);
      const readers = await openConnections(lastApi.port, READERS);
      close.me = await stage(`final board: /me, ${READERS} connections`, () => readPhase(readers, FINAL_SECONDS * 1000, 'me', readerTokens));
      close.meProfile = await lastApi.profile();
      close.top = await stage(`final board: top ${TOP}, ${READERS} connections`, () => readPhase(readers, FINAL_SECONDS * 1000, 'top', readerTokens));
      close.topProfile = await lastApi.profile();
      readers.forEach((c) => c.close());
    } else {
      console.log(`  close failed: ${close.stats.samples.join('; ')}`);
    }
  }

  // --- the table
  const rate = (stats) => stats.latencies.length / (stats.ms / 1000);
  const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
  const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
  const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%` : '—');
  const rows = [];
  const missed = raw.error ? [`GOAL MISSED: no redis-benchmark figures, no Redis store run: ${raw.error.message.split('\n')[0]}`] : [];
  const judge = (label, checks) => {
    const failed = checks.filter(([, ok]) => !ok).map(([text]) => text);
    failed.forEach((text) => missed.push(`GOAL MISSED: ${label}: ${text}`));
    return failed.length ? 'FAIL' : 'PASS';
  };
  for (const store of stores) {
    const result = results[store];
    if (!result) continue;
    const limit = GOALS.p99Ms[store];
    for (const [kind, stats, rawOp, goalRatio] of [['/me', result.me, raw.zrevrank, GOALS.meRatio], [`top ${TOP}`, result.top, raw.zrevrange, GOALS.topRatio]]) {
      const s = summarize(stats.latencies);
      const ratio = rate(stats) / rawOp.rps;
      rows.push([store, kind, num(rate(stats)), ms(s.p50), ms(s.p99), num(s.count), String(stats.errors), num(stats.submits), num(rawOp.rps), pct(ratio),
        `p99 < ${limit} ms, ≥ ${pct(goalRatio)}`,
        judge(`${store} store ${kind}`, [
          [`p99 ${ms(s.p99)} ≥ ${limit} ms`, s.p99 < limit],
          [`${pct(ratio)} of ${rawOp === raw.zrevrank ? 'ZREVRANK' : `ZREVRANGE 0 ${TOP - 1}`} (${num(rate(stats))} vs ${num(rawOp.rps)}/s) < ${pct(goalRatio)}`, ratio >= goalRatio],
          [`${stats.errors} errors`, stats.errors === 0],
          [`no submit during the phase`, stats.submits > 0 || WRITERS === 0],
        ])]);
    }
    if (result.health) {
      const h = summarize(result.health.latencies);
      rows.push([store, '(ref) /api/health', num(rate(result.health)), ms(h.p50), ms(h.p99), num(h.count), String(result.health.errors), num(result.health.submits),
        num(raw.zrevrank.rps), pct(rate(result.health) / raw.zrevrank.rps), 'ceiling', '']);
    }
    rows.push([store, `first read (${store === 'redis' ? 'build' : 'load'})`, '', '', ms(result.firstLoadMs), '1', '', '', '', '', 'info', '']);
    const w = result.writers;
    const ws = summarize(w.submit.latencies);
    rows.push([store, 'submit (background)', num(w.submitted / (w.ms / 1000)), ms(ws.p50), ms(ws.p99), num(ws.count),
      String(w.start.errors + w.save.errors + w.submit.errors), num(w.submitted), '', '', 'info', '']);
    const inconsistent = result.checks.filter((c) => !c.ok);
    if (inconsistent.length) missed.push(`GOAL MISSED: ${store} store: /me disagrees with SQL: ${inconsistent.map((c) => c.text).join('; ')}`);
  }
  if (close) {
    rows.push(['close', 'POST close', '', '', ms(close.ms), '1', String(close.stats.errors), '', '', '', `< ${GOALS.closeMs / 1000} s`,
      judge('close', [[`${seconds(close.ms)} ≥ ${GOALS.closeMs / 1000} s`, close.ms < GOALS.closeMs], ['close failed', Boolean(close.response)]])]);
    for (const [kind, stats] of close.me ? [['/me', close.me], [`top ${TOP}`, close.top]] : []) {
      const s = summarize(stats.latencies);
      rows.push(['final', kind, num(rate(stats)), ms(s.p50), ms(s.p99), num(s.count), String(stats.errors), '', '', '', 'info', '']);
    }
  }
  for (const [label, r] of [['ZREVRANK (random member)', raw.zrevrank], [`ZREVRANGE 0 ${TOP - 1}`, raw.zrevrange], [`ZREVRANGE 0 ${TOP - 1} WITHSCORES`, raw.withScores]]) {
    rows.push(['redis-benchmark', label, num(r.rps), ms(r.p50), ms(r.p99), num(REDIS_REQUESTS), '', '', '', '', 'reference', '']);
  }
  const headers = ['store', 'endpoint', 'req/s', 'p50', 'p99', 'requests', 'errors', 'submits', 'redis op/s', 'ratio', 'goal', 'result'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i <= 1 || i === 10 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(`Leaderboards benchmark — ${board.entries} board entries (${sizes.finished} finished attempts, ${sizes.users} members); ${READERS} reader connections per phase ` +
    `(${SECONDS} s each) while ${WRITERS} contestants start/save/submit; redis-benchmark -c ${READERS} -P 1 on a ${raw.fill.card}-member sorted set`);
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
  console.log('');
  for (const store of stores) {
    const result = results[store];
    if (!result) continue;
    for (const [name, stats] of Object.entries({ me: result.me, top: result.top, start: result.writers.start, save: result.writers.save, submit: result.writers.submit })) {
      for (const sample of stats.samples) console.log(`error sample (${store} ${name}): ${sample}`);
    }
  }
  if (PROFILE) {
    console.log('API profile (pg driver, per request): statements, time in queries; event loop busy share; API CPU ms per request (includes the background contestants)');
    const phases = stores.filter((s) => results[s]).flatMap((s) => [[`${s} /me`, results[s].meProfile, results[s].me], [`${s} top ${TOP}`, results[s].topProfile, results[s].top]]);
    if (close?.me) phases.push(['final /me', close.meProfile, close.me], [`final top ${TOP}`, close.topProfile, close.top]);
    for (const [label, snap, stats] of phases) {
      if (!snap) continue;
      const requests = stats.latencies.length;
      console.log(`  ${label}: ${(snap.statements / requests).toFixed(2)} statements, ${(snap.queryMs / requests).toFixed(2)} ms in queries, ` +
        `${(snap.poolWaitMs / requests).toFixed(2)} ms waiting for a connection; loop busy ${pct(snap.eventLoopUtilization)}; ${((snap.cpuSeconds / requests) * 1000).toFixed(2)} CPU ms per request`);
      for (const e of snap.bySql.slice(0, 8)) console.log(`      ${(e.count / requests).toFixed(2)}× ${(e.ms / e.count).toFixed(2)} ms  ${e.sql}`);
      const counts = snap.bySql.filter((e) => /\bcount\s*\(/i.test(e.sql) && e.count / requests > 0.01);
      if (counts.length && !label.startsWith('final')) missed.push(`GOAL MISSED: ${label}: a COUNT runs per request: ${counts.map((e) => e.sql).join('; ')}`);
    }
  } else {
    console.log('(BENCH_PROFILE=1 adds SQL statements, CPU per request and the no-COUNT(*) check)');
  }
  console.log('');
  if (apiLog.lines) console.log(`the API wrote ${apiLog.lines} log line(s) at level warn or above (first ones shown above)`);
  console.log(`seeding ${stages.seeding ? seconds(stages.seeding) : '(reused database)'}; total ${seconds(performance.now() - startedAt)}; ` +
    `load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: other processes skew both sides)`);
  if (missed.length) missed.forEach((m) => console.log(m));
  else console.log('all goals met');
} finally {
  for (const child of children) await stop(child);
  if (roundTouched && originalClosesAt) {
    // The round goes back to open, as seeded (a kept database stays usable by both benchmarks).
    await withClient(url, (db) => reopenRound(db, originalClosesAt)).catch((error) => console.log(`could not reopen the round: ${error.message}`));
  }
  if (redisTouched) {
    // Every bench database has the same round id: leave no board of this one in Redis.
    await withRedis(flushRoundKeys).catch((error) => console.log(`could not delete the round's Redis keys: ${error.message}`));
  }
  if (created && !KEEP_DB) {
    await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  } else if (created) {
    console.log(`kept database ${database} (reuse it with BENCH_DB=${database})`);
  }
  rmSync(workDir, { recursive: true, force: true });
}
