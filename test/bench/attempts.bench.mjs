// Benchmark: the attempt hot path (start, save an answer, submit) through the real HTTP API on a
// PostgreSQL server, side by side with pgbench running the equivalent SQL on the same server in the
// same run, and the health route beside a raw node:http server. A measurement, never a test: it
// exits 0 when a goal is missed and prints "GOAL MISSED" instead.
//
//   npm run bench:attempts            (builds first; `npm run bench` runs every benchmark)
//
// Data (fixed seed, built with generate_series): 200,000 members in 5,000 units, a 5,000-question
// bank, one open quiz round (20 questions, 1,200 s, 100 attempts) that already holds 1,000,000
// finished attempts. Then BENCH_CLIENTS (16) simulated contestants: a sample logs in through the
// API (argon2 is slow on purpose, so it is reported apart and the rest of the pool gets tokens
// signed with the same secret and claims), then rounds of "every member starts an attempt, saves
// 20 answers, submits with a prediction" until BENCH_SECONDS have passed; each endpoint is timed
// in its own phase so its rate is the rate of 16 clients doing only that.
//
// Environment (all optional):
//   BENCH_DATABASE_URL     admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_CLIENTS=16       API connections and pgbench -c
//   BENCH_SECONDS=60       API load: rounds are played until this much time has passed (at least one)
//   BENCH_PG_SECONDS=15    each pgbench script;  BENCH_HEALTH_SECONDS=5, BENCH_HEALTH_CONNECTIONS=50
//   BENCH_MEMBERS=1000     contestants per round;  BENCH_LOGINS=16 of them log in through the API
//   BENCH_USERS, BENCH_UNITS, BENCH_QUESTIONS, BENCH_ATTEMPTS   data size (defaults above)
//   KEEP_DB=1              keep the database;  BENCH_DB=<name> reuses one kept earlier (no seeding)
//   BENCH_PROFILE=1        count the API's SQL statements, their time and the API's CPU per request
//                          (test/bench/pg-profile.preload.mjs is preloaded into the API)
//   BENCH_API_FLAGS="…"    extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   BENCH_REDIS_URL        give the API Redis (default: none, in-process rate limits and boards)
//   BENCH_PG_EXTENDED=1    also run the save script with pgbench -M extended (unnamed statements,
//                          parsed and planned on every call, which is what node-pg sends by default)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_URL, env, int, KEEP_DB, MEMBERS, PAPER, PAPERS, PARENT_UNITS, PASSWORD, PROFILE, QUESTIONS, REUSE_DB, ROUND_ID, STRIDE, TIME_LIMIT, MAX_ATTEMPTS, UNITS, unitOf, USERS,
} from './lib/env.mjs';
import { newStats, openConnections, runFor, runTasks, timed } from './lib/http.mjs';
import { startApi } from './lib/api.mjs';
import { checkSeeded, createDatabase, dataSizes, migrateAndSeed, papersSql } from './lib/seed.mjs';
import { tokenSigner } from './lib/tokens.mjs';
import { databaseUrl, freePort, mulberry32, run, seconds, sleep, stop, summarize, waitForPort, withClient } from './lib/util.mjs';

const CLIENTS = int('BENCH_CLIENTS', 16);
const LOAD_SECONDS = int('BENCH_SECONDS', 60);
const PG_SECONDS = int('BENCH_PG_SECONDS', 15);
const HEALTH_SECONDS = int('BENCH_HEALTH_SECONDS', 5);
const HEALTH_CONNECTIONS = int('BENCH_HEALTH_CONNECTIONS', 50);
const LOGINS = Math.min(int('BENCH_LOGINS', 16), MEMBERS);
const PG_EXTENDED = env.BENCH_PG_EXTENDED === '1';

const PGB_ATTEMPTS = 2000; // active attempts pgbench saves into and submits
const GOALS = { saveRatio: 0.5, submitRatio: 0.4, p99Ms: 50, healthRatio: 0.55 };

// Member numbers: 1..MEMBERS play through the API; the next PGB_ATTEMPTS own pgbench's active
// attempts; the rest are started by pgbench's start script, a separate slice per client.
const PGB_OWNER_BASE = MEMBERS;
const PGB_START_BASE = MEMBERS + PGB_ATTEMPTS;
const PGB_START_SLICE = Math.floor((USERS - PGB_START_BASE) / CLIENTS);
if (UNITS <= PARENT_UNITS + 1 || QUESTIONS < PAPER || PGB_START_SLICE < 1000 || MEMBERS < CLIENTS) {
  throw new Error('data too small: need BENCH_UNITS > 51, BENCH_QUESTIONS >= 20, BENCH_MEMBERS >= BENCH_CLIENTS, and 1,000 spare members per client');
}


const random = mulberry32(42);

// ---------------------------------------------------------------------------------------------
// pgbench: the same SQL as the API's hot path, on the same server

const PGB_ATTEMPT = (a) => `bench_uuid('pgb-attempt:' || ${a})`;
const PGB_OWNER = (a) => `bench_uuid('user:' || (${PGB_OWNER_BASE} + ${a}))`;

/** 2,000 active attempts (fresh deadline) owned by members nobody else uses, for save and submit. */
async function preparePgbenchAttempts(db) {
  await db.query(`DELETE FROM attempts WHERE id IN (SELECT ${PGB_ATTEMPT('a')} FROM generate_series(1, ${PGB_ATTEMPTS}) a)`);
  await db.query(`UPDATE round_participants SET active_attempt_id = NULL
                   WHERE round_id = $1 AND user_id IN (SELECT ${PGB_OWNER('a')} FROM generate_series(1, ${PGB_ATTEMPTS}) a)`, [ROUND_ID]);
  await db.query(`INSERT INTO round_participants (round_id, user_id, unit_id)
                  SELECT $1, ${PGB_OWNER('a')}, ${unitOf(`${PGB_OWNER_BASE} + a`)} FROM generate_series(1, ${PGB_ATTEMPTS}) a
                  ON CONFLICT DO NOTHING`, [ROUND_ID]);
  await db.query(`INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline)
                  SELECT ${PGB_ATTEMPT('pp.n')}, $1, ${PGB_OWNER('pp.n')}, ${unitOf(`${PGB_OWNER_BASE} + pp.n`)}, rp.attempts_used + 1, 'active', md5('pgb:' || pp.n),
                         pp.paper, pp.answer_specs, now(), now() + interval '${TIME_LIMIT} seconds'
                    FROM (${papersSql(`generate_series(1, ${PGB_ATTEMPTS})`, 7)}) pp
                    JOIN round_participants rp ON rp.round_id = $1 AND rp.user_id = ${PGB_OWNER('pp.n')}`, [ROUND_ID]);
  await db.query(`UPDATE round_participants rp SET attempts_used = attempts_used + 1, active_attempt_id = ${PGB_ATTEMPT('a')}
                    FROM generate_series(1, ${PGB_ATTEMPTS}) a WHERE rp.round_id = $1 AND rp.user_id = ${PGB_OWNER('a')}`, [ROUND_ID]);
  await db.query(`VACUUM (ANALYZE) attempts`);
  await db.query(`VACUUM (ANALYZE) round_participants`);
}

/** Expires what pgbench's start script began, so every member is back to "no active attempt". */
async function cleanUpPgbenchStarts(db) {
  await db.query(`UPDATE attempts SET status = 'expired', submitted_at = deadline, score = 0, max_score = ${PAPER}, correct_count = 0, duration_ms = ${TIME_LIMIT * 1000}
                   WHERE round_id = $1 AND status = 'active' AND id NOT IN (SELECT ${PGB_ATTEMPT('a')} FROM generate_series(1, ${PGB_ATTEMPTS}) a)`, [ROUND_ID]);
  await db.query(`UPDATE round_participants SET active_attempt_id = NULL
                   WHERE round_id = $1 AND active_attempt_id IS NOT NULL AND active_attempt_id NOT IN (SELECT ${PGB_ATTEMPT('a')} FROM generate_series(1, ${PGB_ATTEMPTS}) a)`, [ROUND_ID]);
}

/**
 * pgbench scripts spell bench_uuid() out (md5 + overlay) so that no SQL function is inlined while
 * planning: with -M extended each call is planned again, and inlining would be work the API's
 * statements do not have.
 */
function inlineUuids(script) {
  let out = '';
  let rest = script;
  for (let at = rest.indexOf('bench_uuid('); at >= 0; at = rest.indexOf('bench_uuid(')) {
    let depth = 0;
    let end = at + 'bench_uuid'.length;
    do {
      if (rest[end] === '(') depth += 1;
      else if (rest[end] === ')') depth -= 1;
      end += 1;
    } while (depth > 0);
    const argument = inlineUuids(rest.slice(at + 'bench_uuid('.length, end - 1));
    out += `${rest.slice(0, at)}overlay(overlay(md5(${argument}) placing '4' from 13) placing '8' from 17)::uuid`;
    rest = rest.slice(end);
  }
  return out + rest;
}

const PGB_SCRIPTS = {
  // start = the API's statement for the common case (the round itself comes from a copy at most a second old): the round open
  // in a published contest, the bank revision unchanged and the member's unit eligible (the bench contest is open to all), then the participant row created or locked with "none active,
  // attempts left" checked under that lock, and the attempt inserted (paper and specs as the app builds them). The attempt id
  // is drawn in SQL here (the API draws it in JS and passes it twice).
  start: `\\set k :k + 1
\\set u ${PGB_START_BASE + 1} + :client_id * ${PGB_START_SLICE} + (:k % ${PGB_START_SLICE})
\\set p random(0, ${PAPERS - 1})
WITH RECURSIVE member_units(id, parent_id, depth) AS (
  SELECT id, parent_id, 0 FROM units WHERE id = ${unitOf(':u')}
  UNION ALL
  SELECT u.id, u.parent_id, m.depth + 1 FROM units u JOIN member_units m ON u.id = m.parent_id WHERE m.depth < 64),
open_round AS (
  SELECT 1 FROM rounds r JOIN contests c ON c.id = r.contest_id
   WHERE r.id = '${ROUND_ID}' AND r.kind = 'quiz' AND c.status = 'published'
     AND r.opens_at <= now() AND r.closes_at > now() AND (r.closed_at IS NULL OR r.closed_at > now())
     AND (SELECT revision FROM question_bank_state WHERE id = 1) = :rev
     AND (cardinality(c.eligible_unit_ids) = 0
          OR EXISTS (SELECT 1 FROM member_units m WHERE m.id = ANY(c.eligible_unit_ids)))),
new_attempt AS (SELECT gen_random_uuid() AS id),
participant AS (
  INSERT INTO round_participants AS p (round_id, user_id, unit_id, attempts_used, active_attempt_id)
  SELECT '${ROUND_ID}', bench_uuid('user:' || :u), ${unitOf(':u')}, 1, (SELECT id FROM new_attempt) FROM open_round
  ON CONFLICT (round_id, user_id) DO UPDATE SET attempts_used = p.attempts_used + 1, active_attempt_id = EXCLUDED.active_attempt_id
   WHERE p.active_attempt_id IS NULL AND p.attempts_used < ${MAX_ATTEMPTS}
  RETURNING p.attempts_used)
INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline)
SELECT (SELECT id FROM new_attempt), '${ROUND_ID}', bench_uuid('user:' || :u), ${unitOf(':u')}, participant.attempts_used, 'active', md5(random()::text),
       bp.paper, bp.answer_specs, now(), now() + interval '${TIME_LIMIT} seconds'
  FROM participant, bench_papers bp WHERE bp.n = :p
RETURNING number;
`,
  // save = the issue's reference: one guarded upsert per save, with the guards of the API's save statement, word for word
  // (only the parameters are computed in SQL). The API writes the saves that arrive together in one statement of the same
  // shape over unnest() arrays ('attempts.save-answers'); BENCH_PROFILE=1 shows how many statements a save cost.
  save: `\\set a random(1, ${PGB_ATTEMPTS})
\\set i random(0, ${PAPER - 1})
\\set k random(1, 4)
\\set q 1 + ((:a * 7 + :i * ${STRIDE}) % ${QUESTIONS})
INSERT INTO attempt_answers AS aa (attempt_id, question_id, option_ids, saved_at)
SELECT a.id, bench_uuid('question:' || :q), jsonb_build_array(bench_uuid('option:' || :q || ':' || :k)), now()
  FROM attempts a
 WHERE a.id = ${PGB_ATTEMPT(':a')} AND a.user_id = ${PGB_OWNER(':a')} AND a.status = 'active'
   AND now() <= a.deadline + 5000 * interval '1 millisecond'
   AND (a.answer_specs -> bench_uuid('question:' || :q)::text -> 'o') @> jsonb_build_array(bench_uuid('option:' || :q || ':' || :k))
   AND jsonb_array_length(jsonb_build_array(bench_uuid('option:' || :q || ':' || :k))) <= (a.answer_specs -> bench_uuid('question:' || :q)::text ->> 'm')::int
   FOR KEY SHARE OF a
ON CONFLICT (attempt_id, question_id)
DO UPDATE SET option_ids = EXCLUDED.option_ids, saved_at = EXCLUDED.saved_at, revision = aa.revision + 1
RETURNING revision;
`,
  // submit = the API's statements: lock the participant and the attempt in one statement (participant first), read the
  // answers, then finish the attempt with its grade and set the best attempt in one statement (board_txid included).
  submit: `\\set a random(1, ${PGB_ATTEMPTS})
\\set score random(0, ${PAPER})
\\set prediction random(0, 200000)
BEGIN;
SELECT p.*, a.id, a.round_id, a.user_id, a.unit_id, a.number, a.status, a.seed, a.paper, a.started_at, a.deadline, a.submitted_at,
       a.score, a.max_score, a.correct_count, a.duration_ms, a.prediction
  FROM round_participants p JOIN attempts a ON a.round_id = p.round_id AND a.user_id = p.user_id
 WHERE a.id = ${PGB_ATTEMPT(':a')}
   FOR UPDATE OF p, a;
SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = ${PGB_ATTEMPT(':a')};
WITH finished AS (
  UPDATE attempts SET status = 'submitted', submitted_at = now(), score = :score, max_score = ${PAPER}, correct_count = :score, duration_ms = 600000, prediction = :prediction,
                      answer_specs = '{}'::jsonb
   WHERE id = ${PGB_ATTEMPT(':a')})
UPDATE round_participants
   SET best_attempt_id = ${PGB_ATTEMPT(':a')}, best_score = :score, best_duration_ms = 600000, best_submitted_at = now(), best_prediction = :prediction,
       board_txid = CASE WHEN best_attempt_id IS DISTINCT FROM ${PGB_ATTEMPT(':a')} OR best_score IS DISTINCT FROM :score::numeric
                           OR best_prediction IS DISTINCT FROM :prediction::int
                         THEN pg_current_xact_id()::text::bigint ELSE board_txid END,
       active_attempt_id = CASE WHEN true THEN NULL ELSE active_attempt_id END
 WHERE round_id = '${ROUND_ID}' AND user_id = ${PGB_OWNER(':a')};
END;
`,
};

async function pgbench(name, url, dir, mode = 'prepared', vars = {}) {
  const file = join(dir, `${name}.sql`);
  writeFileSync(file, inlineUuids(PGB_SCRIPTS[name]));
  const prefix = `log_${name}_${mode}`;
  const target = new URL(url);
  const args = [
    '-n', '-c', String(CLIENTS), '-j', '2', '-T', String(PG_SECONDS), '-M', mode, '-D', 'k=0', ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]), '-f', file,
    '-l', `--log-prefix=${join(dir, prefix)}`,
    '-h', target.hostname, '-p', target.port || '5432', '-U', decodeURIComponent(target.username || 'postgres'), target.pathname.slice(1),
  ];
  const result = await run('pgbench', args, { env: { ...env, PGPASSWORD: decodeURIComponent(target.password) || env.PGPASSWORD || '' } });
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
    failed: number(/number of failed transactions: (\d+)/) + aborted,
    averageMs: number(/latency average = ([\d.]+) ms/),
    ...summarize(latencies),
    code: result.code,
    stderr: result.stderr.trim().split('\n').slice(0, 5).join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// The run

const startedAt = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'hoithi-attempts-bench-'));
const database = REUSE_DB ?? `hoithi_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
if (!/^[a-z0-9_]+$/.test(database)) throw new Error('BENCH_DB must be a plain lower-case database name');
const url = databaseUrl(database);
const children = [];
let created = false;
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
  console.log(`attempts benchmark: ${CLIENTS} clients, database ${database} on ${new URL(ADMIN_URL).host}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const reused = REUSE_DB
    ? await withClient(url, async (db) => {
        await checkSeeded(db, REUSE_DB);
        // Leftovers of an interrupted run would make starts answer 409.
        await cleanUpPgbenchStarts(db);
        return true;
      })
    : false;
  if (!reused) {
    await createDatabase(database);
    created = true;
    await migrateAndSeed(url, stage);
  }
  const sizes = await dataSizes(url);
  console.log(`  data: ${sizes.users} members, ${sizes.units} units, ${sizes.questions} questions, ${sizes.finished} finished attempts, database ${sizes.size}`);

  // --- the API
  const { port, profile } = await startApi({ url, workDir, redisUrl: env.BENCH_REDIS_URL ?? '', children, log: apiLog });

  // --- logins: a sample through the API; the rest of the pool gets tokens with the same claims and secret
  const pool = await withClient(url, async (db) => {
    const { rows } = await db.query(
      `SELECT u.id, u.unit_id, u.email, coalesce(p.attempts_used, 0) AS used
         FROM generate_series(1, ${MEMBERS}) n JOIN users u ON u.email = 'member' || n || '@bench.hoithi.vn'
         LEFT JOIN round_participants p ON p.round_id = $1 AND p.user_id = u.id ORDER BY n`,
      [ROUND_ID],
    );
    return rows;
  });
  const login = newStats();
  const loginConnections = await openConnections(port, Math.min(CLIENTS, LOGINS));
  const tokens = [];
  await stage(`logins (${LOGINS}, argon2id)`, () =>
    runTasks(login, loginConnections, pool.slice(0, LOGINS), async (connection, member) => {
      const response = await timed(login, connection, 200, 'POST', '/api/auth/login', null, { email: member.email, password: PASSWORD });
      if (response) tokens.push(JSON.parse(response.body).accessToken);
    }),
  );
  loginConnections.forEach((c) => c.close());
  if (!tokens.length) throw new Error(`no login succeeded: ${login.samples.join('; ')}`);
  const sign = tokenSigner(tokens[0]);
  const members = pool.map((member) => ({ ...member, token: sign(member) }));
  const maxRounds = MAX_ATTEMPTS - Math.max(...pool.map((m) => m.used)) - 1;

  // --- load: rounds of start → save 20 → submit, each phase timed on its own
  const load = { start: newStats(), save: newStats(), submit: newStats() };
  const profiles = { start: [], save: [], submit: [] };
  const connections = await openConnections(port, CLIENTS);
  const playRound = async (who, stats, record) => {
    const attempts = [];
    await profile();
    await runTasks(stats.start, connections, who, async (connection, member) => {
      const response = await timed(stats.start, connection, 201, 'POST', `/api/rounds/${ROUND_ID}/attempts`, member.token);
      if (!response) return;
      const attempt = JSON.parse(response.body);
      attempts.push({ id: attempt.id, token: member.token, answers: attempt.questions.map((q) => [q.id, q.options[Math.floor(random() * q.options.length)].id]) });
    });
    if (record) profiles.start.push(await profile());
    // Question-major: concurrent saves land on different attempts, as 16 people answering would.
    const saves = [];
    for (let i = 0; i < PAPER; i++) for (const attempt of attempts) if (attempt.answers[i]) saves.push([attempt, ...attempt.answers[i]]);
    await profile();
    await runTasks(stats.save, connections, saves, (connection, [attempt, questionId, optionId]) =>
      timed(stats.save, connection, 200, 'PUT', `/api/attempts/${attempt.id}/answers/${questionId}`, attempt.token, { optionIds: [optionId] }),
    );
    if (record) profiles.save.push(await profile());
    await profile();
    await runTasks(stats.submit, connections, attempts, (connection, attempt) =>
      timed(stats.submit, connection, 200, 'POST', `/api/attempts/${attempt.id}/submit`, attempt.token, { prediction: Math.floor(random() * 200000) }),
    );
    if (record) profiles.submit.push(await profile());
    return attempts.length;
  };
  await stage('warm-up round (not counted)', () =>
    playRound(members.slice(0, CLIENTS * 8), { start: newStats(), save: newStats(), submit: newStats() }, false),
  );
  await withClient(url, (db) => db.query('CHECKPOINT'));
  const before = await withClient(url, async (db) => (await db.query(`SELECT count(*)::int AS attempts, (SELECT count(*)::int FROM attempt_answers) AS answers FROM attempts`)).rows[0]);
  let rounds = 0;
  let played = 0;
  await stage(`API load (${MEMBERS} contestants per round)`, async () => {
    const end = performance.now() + LOAD_SECONDS * 1000;
    do {
      played += await playRound(members, load, true);
      rounds += 1;
    } while (performance.now() < end && rounds < maxRounds);
  });
  connections.forEach((c) => c.close());
  const after = await withClient(url, async (db) =>
    (await db.query(`SELECT count(*)::int AS attempts, (SELECT count(*)::int FROM attempt_answers) AS answers,
                            (SELECT count(*)::int FROM attempts WHERE status = 'active' AND user_id = ANY($1::uuid[])) AS active FROM attempts`,
                    [members.map((m) => m.id)])).rows[0],
  );
  const apiCheck = `API load: ${rounds} round(s), ${played} attempts started; in the database +${after.attempts - before.attempts} attempts, ` +
    `+${after.answers - before.answers} answers, ${after.active} still active (expected ${played}, ${played * PAPER}, 0)`;
  console.log(`  ${apiCheck}`);

  // --- pgbench, same server, same run
  const pgb = {};
  const pgbChecks = [];
  await stage('pgbench (start, save, submit)', () =>
    withClient(url, async (db) => {
      await preparePgbenchAttempts(db);
      const counter = async (sql) => Number((await db.query(sql)).rows[0].n);
      const startedCount = `SELECT count(*) AS n FROM attempts WHERE round_id = '${ROUND_ID}' AND status = 'active'`;
      const revisions = `SELECT coalesce(sum(revision), 0) AS n FROM attempt_answers WHERE attempt_id IN (SELECT ${PGB_ATTEMPT('a')} FROM generate_series(1, ${PGB_ATTEMPTS}) a)`;
      const updates = `SELECT n_tup_upd AS n FROM pg_stat_user_tables WHERE relname = 'attempts'`;

      await db.query('CHECKPOINT');
      let was = await counter(startedCount);
      // The API passes the bank revision its paper was drawn from; the script gets the current one.
      const rev = Number((await db.query('SELECT revision FROM question_bank_state WHERE id = 1')).rows[0].revision);
      pgb.start = await pgbench('start', url, workDir, 'prepared', { rev });
      pgbChecks.push(`start: ${pgb.start.processed} transactions, ${(await counter(startedCount)) - was} attempts inserted`);
      await cleanUpPgbenchStarts(db);

      await db.query('CHECKPOINT');
      was = await counter(revisions);
      pgb.save = await pgbench('save', url, workDir);
      pgbChecks.push(`save: ${pgb.save.processed} transactions, ${(await counter(revisions)) - was} answers written (inserts + revisions)`);
      if (PG_EXTENDED) {
        // Unnamed statements, parsed and planned on every call: what node-pg sends unless a query is given a name.
        await db.query('CHECKPOINT');
        was = await counter(revisions);
        pgb.saveExtended = await pgbench('save', url, workDir, 'extended');
        pgbChecks.push(`save -M extended: ${pgb.saveExtended.processed} transactions, ${(await counter(revisions)) - was} answers written`);
      }

      await db.query('CHECKPOINT');
      await db.query('SELECT pg_stat_clear_snapshot()');
      was = await counter(updates);
      pgb.submit = await pgbench('submit', url, workDir);
      await sleep(1500); // backends report their table counts when they exit
      await db.query('SELECT pg_stat_clear_snapshot()');
      pgbChecks.push(`submit: ${pgb.submit.processed} transactions, ${(await counter(updates)) - was} attempt rows updated`);
    }),
  );
  console.log(`  pgbench: ${pgbChecks.join('; ')}`);

  // --- health route vs a raw node:http server (and, for reference, one that also runs SELECT 1)
  const health = { api: newStats(), raw: newStats(), rawDb: newStats() };
  const rawServer = async (withDatabase) => {
    const rawPort = await freePort();
    const source = `
      import { createServer } from 'node:http';
      import pg from 'pg';
      const pool = ${withDatabase ? `new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })` : 'null'};
      createServer(async (request, response) => {
        if (pool) await pool.query('SELECT 1');
        const body = JSON.stringify({ status: 'ok', database: { status: 'up', mode: 'postgres' }, uptimeSeconds: Math.round(process.uptime()) });
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      }).listen(${rawPort}, '127.0.0.1');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { env: { ...env, DATABASE_URL: url }, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(child);
    await waitForPort(rawPort, child, 'the raw node:http server');
    return { child, port: rawPort };
  };
  // The API and the raw servers take turns in short slices (api, raw, raw + SELECT 1, four times),
  // so whatever else the machine does meanwhile (PostgreSQL settling after pgbench) weighs on both.
  const SLICES = 4;
  let healthProfile = null;
  await stage('health vs raw node:http', async () => {
    const raw = await rawServer(false);
    const rawDb = await rawServer(true);
    const targets = [
      { port, path: '/api/health', stats: health.api },
      { port: raw.port, path: '/health', stats: health.raw },
      { port: rawDb.port, path: '/health', stats: health.rawDb },
    ];
    for (const target of targets) {
      target.pool = await openConnections(target.port, HEALTH_CONNECTIONS);
      await runFor(newStats(), target.pool, 1000, (c) => timed(newStats(), c, 200, 'GET', target.path)); // warm-up
    }
    await profile();
    for (let slice = 0; slice < SLICES; slice++) {
      for (const target of targets) {
        await runFor(target.stats, target.pool, (HEALTH_SECONDS * 1000) / SLICES, (c) => timed(target.stats, c, 200, 'GET', target.path));
      }
    }
    healthProfile = await profile(); // the API's counters since the warm-up (it idles while the raw servers run)
    targets.forEach((target) => target.pool.forEach((c) => c.close()));
    await stop(raw.child);
    await stop(rawDb.child);
  });

  // --- the table
  const rate = (stats) => stats.latencies.length / (stats.ms / 1000);
  const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
  const num = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');
  const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : '—');
  const rows = [];
  const missed = [];
  const judge = (label, checks) => {
    const failed = checks.filter(([, ok]) => !ok).map(([text]) => text);
    failed.forEach((text) => missed.push(`GOAL MISSED: ${label}: ${text}`));
    return failed.length ? 'FAIL' : 'pass';
  };
  for (const name of ['start', 'save', 'submit']) {
    const api_ = summarize(load[name].latencies);
    const apiRate = rate(load[name]);
    const ratio = apiRate / pgb[name].tps;
    const goalRatio = name === 'save' ? GOALS.saveRatio : name === 'submit' ? GOALS.submitRatio : null;
    const checks = [
      [`p99 ${ms(api_.p99)} ≥ ${GOALS.p99Ms} ms`, api_.p99 < GOALS.p99Ms],
      [`${load[name].errors} API errors`, load[name].errors === 0],
      [`${pgb[name].failed} pgbench failures`, pgb[name].failed === 0],
    ];
    if (goalRatio) checks.unshift([`ratio ${pct(ratio)} < ${pct(goalRatio)}`, ratio >= goalRatio]);
    rows.push([name, num(apiRate), ms(api_.p50), ms(api_.p99), num(api_.count), String(load[name].errors), num(pgb[name].tps), ms(pgb[name].p99),
      pct(ratio), `${goalRatio ? `≥ ${pct(goalRatio)}, ` : ''}p99 < ${GOALS.p99Ms} ms, 0 errors`, judge(name, checks)]);
  }
  const healthApi = summarize(health.api.latencies);
  const healthRaw = summarize(health.raw.latencies);
  const healthRatio = rate(health.api) / rate(health.raw);
  rows.push(['health vs node:http', num(rate(health.api)), ms(healthApi.p50), ms(healthApi.p99), num(healthApi.count), String(health.api.errors),
    `${num(rate(health.raw))} (http)`, ms(healthRaw.p99), pct(healthRatio), `≥ ${pct(GOALS.healthRatio)}`,
    judge('health', [[`ratio ${pct(healthRatio)} < ${pct(GOALS.healthRatio)}`, healthRatio >= GOALS.healthRatio], [`${health.api.errors + health.raw.errors} errors`, health.api.errors + health.raw.errors === 0]])]);
  const rawDb = summarize(health.rawDb.latencies);
  rows.push(['(ref) node:http + SELECT 1', num(rate(health.rawDb)), ms(rawDb.p50), ms(rawDb.p99), num(rawDb.count), String(health.rawDb.errors), '', '',
    pct(rate(health.api) / rate(health.rawDb)), 'info', '']);
  if (pgb.saveExtended) {
    const p = pgb.saveExtended;
    rows.push(['(ref) pgbench save -M extended', '', '', '', '', '', num(p.tps), ms(p.p99), pct(rate(load.save) / p.tps), 'info', '']);
  }
  const loginSummary = summarize(login.latencies);
  rows.push([`login (argon2id, ${LOGINS})`, num(rate(login)), ms(loginSummary.p50), ms(loginSummary.p99), num(loginSummary.count), String(login.errors), '', '', '', 'info', '']);

  const headers = ['endpoint', 'API req/s', 'API p50', 'API p99', 'requests', 'errors', 'pgbench tps', 'pgbench p99', 'ratio', 'goal', 'result'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 || i === 9 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(`Attempts benchmark — ${CLIENTS} clients (API and pgbench -c ${CLIENTS} -j 2 -M prepared), health ${HEALTH_CONNECTIONS} connections; ` +
    `${sizes.users} members, ${sizes.units} units, ${sizes.questions} questions, ${sizes.finished} finished attempts`);
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
  console.log('');
  for (const name of ['start', 'save', 'submit', ...(pgb.saveExtended ? ['saveExtended'] : [])]) {
    const p = pgb[name];
    console.log(`pgbench ${name}: ${num(p.tps)} tps, average ${ms(p.averageMs)}, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, ${p.processed} transactions, ${p.failed} failed` +
      (p.code !== 0 ? ` (exit ${p.code}: ${p.stderr})` : ''));
  }
  for (const [name, stats] of Object.entries({ ...load, login, health: health.api })) {
    for (const sample of stats.samples) console.log(`error sample (${name}): ${sample}`);
  }
  if (PROFILE) {
    console.log('');
    console.log('API profile (pg driver, per request): statements, time in queries, pool waits; event loop busy share; API CPU s per 1,000 requests');
    for (const name of ['start', 'save', 'submit']) {
      const snaps = profiles[name].filter(Boolean);
      const requests = load[name].latencies.length;
      const sum = (key) => snaps.reduce((total, s) => total + s[key], 0);
      const wall = load[name].ms;
      const elu = snaps.reduce((total, s) => total + s.eventLoopUtilization, 0) / Math.max(1, snaps.length);
      console.log(`  ${name}: ${(sum('statements') / requests).toFixed(1)} statements, ${(sum('queryMs') / requests).toFixed(2)} ms in queries, ` +
        `${(sum('poolWaitMs') / requests).toFixed(2)} ms waiting for a connection; loop busy ${pct(elu)}; ` +
        `${((sum('cpuSeconds') / requests) * 1000).toFixed(2)} CPU s per 1,000 (phase wall ${seconds(wall)})`);
      const bySql = new Map();
      for (const s of snaps) for (const e of s.bySql) {
        const entry = bySql.get(e.sql) ?? { count: 0, ms: 0 };
        entry.count += e.count;
        entry.ms += e.ms;
        bySql.set(e.sql, entry);
      }
      for (const [sql, e] of [...bySql].sort((a, b) => b[1].count - a[1].count).slice(0, 12)) {
        console.log(`      ${(e.count / requests).toFixed(2)}× ${(e.ms / e.count).toFixed(2)} ms  ${sql}`);
      }
    }
  }
  if (healthProfile) {
    const requests = health.api.latencies.length;
    console.log(`  health: ${(healthProfile.statements / requests).toFixed(2)} statements, ${((healthProfile.cpuSeconds / requests) * 1000).toFixed(3)} CPU s per 1,000 ` +
      `loop busy ${(healthProfile.eventLoopUtilization * 100).toFixed(0)}%`);
  }
  console.log('');
  console.log(`checks: ${apiCheck}; pgbench ${pgbChecks.join('; ')}`);
  if (apiLog.lines) console.log(`the API wrote ${apiLog.lines} log line(s) at level warn or above (first ones shown above)`);
  console.log(`seeding ${stages.seeding ? seconds(stages.seeding) : '(reused database)'}; total ${seconds(performance.now() - startedAt)}; ` +
    `load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: other processes skew both sides)`);
  if (missed.length) missed.forEach((m) => console.log(m));
  else console.log('all goals met');
} finally {
  for (const child of children) await stop(child);
  if (created && !KEEP_DB) {
    await withClient(ADMIN_URL, (db) => db.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  } else if (created) {
    console.log(`kept database ${database} (reuse it with BENCH_DB=${database})`);
  }
  rmSync(workDir, { recursive: true, force: true });
}
