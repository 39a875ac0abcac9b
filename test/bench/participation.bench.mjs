// Benchmark (issue #19 item 1): the participation dashboard, `GET /api/contests/:id/participation`,
// through the real HTTP API on a PostgreSQL server, on a contest of 5,000 units, 10 quiz rounds and
// 1,000,000 finished attempts. A measurement, never a test: it exits 0 when the goal is missed and
// prints "GOAL MISSED" instead.
//
//   npm run build:libs && npm run build:api && node test/bench/participation.bench.mjs
//
// The data set, built in SQL with generate_series (fixed ids, no randomness): a federation of
// 1 + 49 provincial unions + 4,950 grassroots units, BENCH_PART_USERS members (the units' member
// counts are their members), one published quiz contest of 10 rounds whose participants grow and
// fall from round to round (a quarter of the members on average), 1 to 2 finished attempts each
// (1,000,000 attempts in all at the default size), each participant's row in round_participants
// with its best attempt; every 200th member takes part from another unit in the last rounds (moved
// between rounds: counted once above both units). An earlier contest of 10 rounds with as many
// participants lies in the same tables (as a real database holds past contests), so the query has
// to find this contest's rows by index rather than read the table.
//
// Then: the API is booted, the dashboard is read once, then BENCH_PART_READS more times (median and
// slowest), once as xlsx, and the answer is checked against counts made here by SQL (a few units at
// each level, one round and overall). The API's query alone (as the repository runs it, 5 times:
// the median) and its EXPLAIN (ANALYZE, BUFFERS) are printed. Goal (issue #19): < 1 s.
//
// Environment (all optional):
//   BENCH_PART_USERS=300000   members
//   BENCH_PART_READS=10       timed reads after the first
//   BENCH_DB=<name>           reuse a database kept by an earlier run (KEEP_DB=1 keeps it)
//   BENCH_DATABASE_URL        admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './lib/api.mjs';
import { ADMIN_URL, benchUuid, env, int, JWT_SECRET, KEEP_DB, REUSE_DB } from './lib/env.mjs';
import { createDatabase } from './lib/seed.mjs';
import { databaseUrl, run, seconds, stop, summarize, withClient } from './lib/util.mjs';

const USERS = int('BENCH_PART_USERS', 300_000);
const READS = Math.max(1, int('BENCH_PART_READS', 10));
const UNITS = 5_000;
const PARENTS = 50; // the federation and 49 provincial unions; the rest are grassroots units under them
const ROUNDS = 10;
const GOAL_MS = 1_000;
const SIZE_KEY = JSON.stringify({ bench: 'participation', USERS, UNITS, ROUNDS });

const CONTEST_ID = benchUuid('part-contest:1');
const ADMIN_ID = benchUuid('part-admin');
const roundId = (contest, k) => `bench_uuid('part-round:${contest}:' || ${k})`;
/** Grassroots unit of member n. */
const unitOf = (n) => `bench_uuid('part-unit:' || (${PARENTS + 1} + (${n}) % ${UNITS - PARENTS}))`;
/** Whether member n takes part in round k: 17–35% of the members, a different share each round (250% in all). */
const takesPart = (n, k) => `abs(hashint8((${n})::bigint * 16 + ${k})) % 100 < (ARRAY[18, 22, 27, 31, 35, 30, 26, 24, 20, 17])[${k}]`;

async function seed(url) {
  const steps = [];
  const step = async (label, work) => {
    const started = performance.now();
    await work();
    steps.push(`${label} ${seconds(performance.now() - started)}`);
  };
  await withClient(url, async (db) => {
    const q = (sql, params) => db.query(sql, params);
    await q(`SET synchronous_commit = off`);
    await q(`SET work_mem = '256MB'`);
    await step('schema helpers', async () => {
      await q(`CREATE FUNCTION bench_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`);
      await q(`CREATE TABLE bench_meta (key text PRIMARY KEY, value text NOT NULL)`);
    });
    await step(`${UNITS} units`, () =>
      q(`INSERT INTO units (id, name, parent_id)
         SELECT bench_uuid('part-unit:' || n),
                CASE WHEN n = 1 THEN 'Tổng Liên đoàn (bench)' WHEN n <= ${PARENTS} THEN 'Liên đoàn Lao động tỉnh ' || n ELSE 'Công đoàn cơ sở ' || n END,
                CASE WHEN n = 1 THEN NULL WHEN n <= ${PARENTS} THEN bench_uuid('part-unit:1') ELSE bench_uuid('part-unit:' || (2 + n % ${PARENTS - 1})) END
           FROM generate_series(1, ${UNITS}) n ORDER BY n`),
    );
    await step(`${USERS} members`, async () => {
      await q(`INSERT INTO users (id, full_name, email, password_hash, phone, unit_id, roles)
               SELECT bench_uuid('part-user:' || n), 'Đoàn viên ' || n, 'member' || n || '@part.bench.hoithi.vn', 'not-a-hash',
                      '07' || lpad(n::text, 8, '0'), ${unitOf('n')}, '{member}'
                 FROM generate_series(1, ${USERS}) n`);
      await q(`INSERT INTO users (id, full_name, email, password_hash, phone, unit_id, roles)
               VALUES ($1, 'Quản trị (bench)', 'admin@part.bench.hoithi.vn', 'not-a-hash', '0600000000', bench_uuid('part-unit:1'), '{admin,organizer}')`, [ADMIN_ID]);
      await q(`UPDATE units u SET member_count = c.count FROM (SELECT unit_id, count(*) FROM users GROUP BY unit_id) c WHERE c.unit_id = u.id`);
    });
    await step('2 contests × 10 rounds', async () => {
      for (const contest of [1, 2]) {
        await q(`INSERT INTO contests (id, title, kind, status, eligible_unit_ids, published_at)
                 VALUES (bench_uuid('part-contest:${contest}'), 'Hội thi tìm hiểu pháp luật ${contest} (bench)', 'quiz', 'published', '{}', now() - interval '90 days')`);
        await q(`INSERT INTO rounds (id, contest_id, position, kind, title, opens_at, closes_at, time_limit_seconds, max_attempts, blueprint, closed_at)
                 SELECT ${roundId(contest, 'k')}, bench_uuid('part-contest:${contest}'), k, 'quiz', 'Tuần ' || k,
                        now() - (80 - 7 * k) * interval '1 day', now() - (73 - 7 * k) * interval '1 day', 600, 3, '[]'::jsonb, now() - (73 - 7 * k) * interval '1 day'
                   FROM generate_series(1, ${ROUNDS}) k`);
      }
    });
    // Attempts of this contest only (the earlier contest's participants rows stand alone: only their size matters).
    await step('attempts', async () => {
      for (let k = 1; k <= ROUNDS; k++) {
        await q(`INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline, submitted_at,
                                       score, max_score, correct_count, duration_ms)
                 SELECT bench_uuid('part-attempt:' || ${k} || ':' || n || ':' || j), ${roundId(1, k)}, bench_uuid('part-user:' || n),
                        CASE WHEN n % 200 = 0 AND ${k} > 6 THEN ${unitOf('n + 1')} ELSE ${unitOf('n')} END,
                        j, 'submitted', md5(n || ':' || j), '[]'::jsonb, '{}'::jsonb, now() - interval '10 days', now() - interval '10 days' + interval '10 minutes',
                        now() - interval '10 days' + interval '5 minutes', (n * j) % 21, 20, (n * j) % 21, 300000
                   FROM generate_series(1, ${USERS}) n, LATERAL generate_series(1, 1 + ((n + ${k}) % 3 = 0)::int) j
                  WHERE ${takesPart('n', k)}`);
      }
    });
    await step('participants', async () => {
      await q(`INSERT INTO round_participants (round_id, user_id, unit_id, attempts_used, best_attempt_id, best_score, best_duration_ms, best_submitted_at)
               SELECT DISTINCT ON (round_id, user_id) round_id, user_id, unit_id, count(*) OVER (PARTITION BY round_id, user_id), id, score, duration_ms, submitted_at
                 FROM attempts ORDER BY round_id, user_id, score DESC, id`);
      await q(`INSERT INTO round_participants (round_id, user_id, unit_id, attempts_used, best_attempt_id, best_score, best_duration_ms, best_submitted_at)
               SELECT ${roundId(2, 'k')}, bench_uuid('part-user:' || n), ${unitOf('n')}, 1, bench_uuid('part-old-attempt:' || k || ':' || n), 10, 300000, now() - interval '60 days'
                 FROM generate_series(1, ${ROUNDS}) k, generate_series(1, ${USERS}) n
                WHERE ${takesPart('n + 13', 'k')}`);
    });
    await step('vacuum analyze', async () => {
      for (const table of ['units', 'users', 'contests', 'rounds', 'attempts', 'round_participants']) await q(`VACUUM (ANALYZE) ${table}`);
      await q('CHECKPOINT');
    });
    await q(`INSERT INTO bench_meta (key, value) VALUES ('size', $1)`, [SIZE_KEY]);
  });
  return steps;
}

/** Counts made here by SQL, independently of the API: per unit (and below) and round, and overall. */
async function expectedCounts(db, unitIds, round) {
  const { rows } = await db.query(
    `WITH RECURSIVE below(top, id) AS (SELECT id, id FROM units WHERE id = ANY($1::uuid[])
                                        UNION ALL SELECT b.top, u.id FROM units u JOIN below b ON u.parent_id = b.id)
     SELECT b.top AS unit_id,
            count(DISTINCT p.user_id) FILTER (WHERE p.round_id = $2)::int AS in_round,
            count(DISTINCT p.user_id)::int AS overall
       FROM below b JOIN round_participants p ON p.unit_id = b.id
        AND p.round_id IN (SELECT id FROM rounds WHERE contest_id = $3) AND p.best_attempt_id IS NOT NULL
      GROUP BY b.top`,
    [unitIds, round, CONTEST_ID],
  );
  return new Map(rows.map((row) => [row.unit_id, row]));
}

function adminToken() {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = Buffer.from(JSON.stringify({ sub: ADMIN_ID, unitId: benchUuid('part-unit:1'), roles: ['admin', 'organizer'], sid: benchUuid('part-session'), ver: 0, iat: now, exp: now + 3600 })).toString('base64url');
  return `${header}.${body}.${createHmac('sha256', JWT_SECRET).update(`${header}.${body}`).digest('base64url')}`;
}

async function get(port, path, token) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, status: response.status, body };
}

const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-participation-bench-'));
const database = REUSE_DB ?? `hoithi_bench_part_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
if (!/^[a-z0-9_]+$/.test(database)) throw new Error('BENCH_DB must be a plain lower-case database name');
const url = databaseUrl(database);
const children = [];
let created = false;
const missed = [];

try {
  console.log(`participation benchmark: database ${database} on ${new URL(ADMIN_URL).host}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (REUSE_DB) {
    const { rows } = await withClient(url, (db) => db.query(`SELECT value FROM bench_meta WHERE key = 'size'`).catch(() => ({ rows: [] })));
    if (rows[0]?.value !== SIZE_KEY) throw new Error(`BENCH_DB=${REUSE_DB} was not seeded by this benchmark with this size`);
  } else {
    await createDatabase(database);
    created = true;
    const started = performance.now();
    const migrated = await run(process.execPath, ['apps/api/dist/database/migration-cli.js', 'run'], {
      env: { ...env, DATABASE_URL: url, JWT_SECRET, LOG_LEVEL: 'warn', DATA_DIR: workDir },
    });
    if (migrated.code !== 0) throw new Error(`migrations failed: ${migrated.stderr || migrated.stdout}`);
    console.log(`· migrations: ${seconds(performance.now() - started)}`);
    const seeded = performance.now();
    const steps = await seed(url);
    console.log(`· seeding: ${seconds(performance.now() - seeded)} (${steps.join(', ')})`);
  }
  const sizes = await withClient(url, async (db) => (await db.query(
    `SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM attempts a JOIN rounds r ON r.id = a.round_id WHERE r.contest_id = $1)::int AS attempts,
            (SELECT count(*) FROM round_participants p JOIN rounds r ON r.id = p.round_id WHERE r.contest_id = $1)::int AS participants,
            (SELECT count(*) FROM round_participants)::int AS all_participants,
            pg_size_pretty(pg_total_relation_size('round_participants')) AS rp_size, pg_size_pretty(pg_database_size(current_database())) AS size`,
    [CONTEST_ID],
  )).rows[0]);
  console.log(`  data: ${sizes.units} units, ${sizes.users} users, contest: ${ROUNDS} rounds, ${sizes.attempts} attempts, ${sizes.participants} (round, member) rows ` +
    `of ${sizes.all_participants} in round_participants (${sizes.rp_size}); database ${sizes.size}`);

  const api = await startApi({ url, workDir, children, log: { lines: 0 } });
  const token = adminToken();
  const path = `/api/contests/${CONTEST_ID}/participation`;
  const first = await get(api.port, path, token);
  if (first.status !== 200) throw new Error(`participation answered ${first.status}: ${first.body.toString().slice(0, 300)}`);
  const reads = [];
  for (let i = 0; i < READS; i++) reads.push((await get(api.port, path, token)).ms);
  const stats = summarize(reads);
  const xlsx = await get(api.port, `${path}?format=xlsx`, token);
  const answer = JSON.parse(first.body.toString());
  console.log(`  first read ${first.ms.toFixed(0)} ms (${(first.body.length / 1024).toFixed(0)} KB, ${answer.units.length} units × ${answer.rounds.length} rounds); ` +
    `then ${READS} reads: median ${stats.p50.toFixed(0)} ms, slowest ${stats.max.toFixed(0)} ms; xlsx ${xlsx.ms.toFixed(0)} ms (${(xlsx.body.length / 1024).toFixed(0)} KB, status ${xlsx.status})`);

  // The answer against SQL: the federation, two provinces, two grassroots units; round 5 and overall.
  const byId = new Map(answer.units.map((u) => [u.unitId, u]));
  const sample = [1, 2, 17, 51, 4321].map((n) => benchUuid(`part-unit:${n}`));
  const round5 = answer.rounds[4].id;
  const expected = await withClient(url, (db) => expectedCounts(db, sample, round5));
  const wrong = sample.filter((id) => {
    const got = byId.get(id);
    const want = expected.get(id) ?? { in_round: 0, overall: 0 };
    return !got || got.rounds[4].participants !== want.in_round || got.participants !== want.overall;
  });
  console.log(`  check against SQL (5 units, round 5 and overall): ${wrong.length ? `DIFFERENT for ${wrong.join(', ')}` : 'agree'}; federation: ` +
    `${byId.get(sample[0]).participants} of ${byId.get(sample[0]).memberCount} members took part (${(byId.get(sample[0]).participationRate * 100).toFixed(1)}%)`);
  if (wrong.length) missed.push('GOAL MISSED: the answer differs from the counts made by SQL');

  // The API's query alone and its plan, as the repository runs it: the contest's quiz rounds, every unit, its settings.
  const { plan, sqlMs } = await withClient(url, async (db) => {
    const { PARTICIPATION_SQL } = await import('../../apps/api/dist/modules/attempts/participants.repository.js');
    const rounds = (await db.query('SELECT id FROM rounds WHERE contest_id = $1 ORDER BY position', [CONTEST_ID])).rows.map((r) => r.id);
    const units = (await db.query('SELECT id FROM units')).rows.map((r) => r.id);
    const inTransaction = async (work) => {
      await db.query('BEGIN');
      await db.query(`SET LOCAL work_mem = '64MB'`);
      await db.query('SET LOCAL jit = off');
      try {
        return await work();
      } finally {
        await db.query('ROLLBACK');
      }
    };
    const times = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await inTransaction(() => db.query(PARTICIPATION_SQL, [rounds, units]));
      times.push(performance.now() - started);
    }
    const { rows } = await inTransaction(() => db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${PARTICIPATION_SQL}`, [rounds, units]));
    return { plan: rows.map((r) => r['QUERY PLAN']), sqlMs: summarize(times).p50 };
  });
  console.log(`  the query alone (pg, 5 runs): median ${sqlMs.toFixed(0)} ms`);
  console.log('  EXPLAIN ANALYZE of the participation query:');
  plan.forEach((line) => console.log(`    ${line}`));

  const slowest = Math.max(first.ms, stats.max);
  const verdict = slowest < GOAL_MS ? 'pass' : 'FAIL';
  if (verdict === 'FAIL') missed.push(`GOAL MISSED: participation answered in ${slowest.toFixed(0)} ms (goal < ${GOAL_MS} ms)`);
  console.log('');
  console.log('| measure | value | goal | |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| participation, first read | ${first.ms.toFixed(0)} ms | < ${GOAL_MS} ms | ${first.ms < GOAL_MS ? 'pass' : 'FAIL'} |`);
  console.log(`| participation, median of ${READS} | ${stats.p50.toFixed(0)} ms | < ${GOAL_MS} ms | ${stats.p50 < GOAL_MS ? 'pass' : 'FAIL'} |`);
  console.log(`| participation, slowest of ${READS} | ${stats.max.toFixed(0)} ms | < ${GOAL_MS} ms | ${stats.max < GOAL_MS ? 'pass' : 'FAIL'} |`);
  console.log(`| its SQL alone, median of 5 | ${sqlMs.toFixed(0)} ms | — | |`);
  console.log(`| participation xlsx | ${xlsx.ms.toFixed(0)} ms | — | |`);
  missed.forEach((line) => console.log(line));
  console.log(`done in ${seconds(performance.now() - startedAt)}`);
} finally {
  for (const child of children) await stop(child);
  rmSync(workDir, { recursive: true, force: true });
  if (created && !KEEP_DB) {
    await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  } else if (created) {
    console.log(`kept database ${database} (reuse it with BENCH_DB=${database})`);
  }
}
