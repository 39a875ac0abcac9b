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
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import pg from 'pg';

const env = process.env;
const int = (name, fallback) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};

const ADMIN_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = int('BENCH_CLIENTS', 16);
const LOAD_SECONDS = int('BENCH_SECONDS', 60);
const PG_SECONDS = int('BENCH_PG_SECONDS', 15);
const HEALTH_SECONDS = int('BENCH_HEALTH_SECONDS', 5);
const HEALTH_CONNECTIONS = int('BENCH_HEALTH_CONNECTIONS', 50);
const MEMBERS = int('BENCH_MEMBERS', 1000);
const LOGINS = Math.min(int('BENCH_LOGINS', 16), MEMBERS);
const USERS = int('BENCH_USERS', 200_000);
const UNITS = int('BENCH_UNITS', 5_000);
const QUESTIONS = int('BENCH_QUESTIONS', 5_000);
const ATTEMPTS = int('BENCH_ATTEMPTS', 1_000_000);
const KEEP_DB = env.KEEP_DB === '1';
const REUSE_DB = env.BENCH_DB ?? null;
const PROFILE = env.BENCH_PROFILE === '1';
const PG_EXTENDED = env.BENCH_PG_EXTENDED === '1';
const API_FLAGS = (env.BENCH_API_FLAGS ?? '').split(' ').filter(Boolean);

const PAPER = 20; // questions per attempt
const TIME_LIMIT = 1200;
const MAX_ATTEMPTS = 100;
const PARENT_UNITS = 50; // the federation (1) and 49 provincial unions; the rest are grassroots units under them
const PAPERS = 64; // distinct papers reused by the stored attempts
const PGB_ATTEMPTS = 2000; // active attempts pgbench saves into and submits
const PASSWORD = 'Bench-Password-2025';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const GOALS = { saveRatio: 0.5, submitRatio: 0.4, p99Ms: 50, healthRatio: 0.55 };

// Member numbers: 1..MEMBERS play through the API; the next PGB_ATTEMPTS own pgbench's active
// attempts; the rest are started by pgbench's start script, a separate slice per client.
const PGB_OWNER_BASE = MEMBERS;
const PGB_START_BASE = MEMBERS + PGB_ATTEMPTS;
const PGB_START_SLICE = Math.floor((USERS - PGB_START_BASE) / CLIENTS);
const STRIDE = Math.floor(QUESTIONS / PAPER); // 20 distinct questions per paper: q = 1 + (offset + i * STRIDE) % QUESTIONS
if (UNITS <= PARENT_UNITS + 1 || QUESTIONS < PAPER || PGB_START_SLICE < 1000 || MEMBERS < CLIENTS) {
  throw new Error('data too small: need BENCH_UNITS > 51, BENCH_QUESTIONS >= 20, BENCH_MEMBERS >= BENCH_CLIENTS, and 1,000 spare members per client');
}

/** The deterministic ids the seed uses, as SQL's bench_uuid() computes them (md5, shaped as a v4 uuid). */
function benchUuid(key) {
  const h = createHash('md5').update(key).digest('hex');
  const s = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
const ROUND_ID = benchUuid('round:1');
const unitOf = (n) => `bench_uuid('unit:' || (${PARENT_UNITS + 1} + (${n}) % ${UNITS - PARENT_UNITS}))`;

// ---------------------------------------------------------------------------------------------
// Small helpers: time, random, percentiles, database, processes

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(42);

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port, child, label) {
  for (let i = 0; i < 240; i++) {
    if (exited(child)) throw new Error(`${label} exited (${child.exitCode ?? child.signalCode})`);
    const up = await new Promise((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await sleep(250);
  }
  throw new Error(`${label} did not come up on port ${port}`);
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

async function stop(child) {
  if (!child || exited(child)) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// A keep-alive HTTP/1.1 client on a raw socket: one request in flight per connection, like
// autocannon without pipelining. Cheap enough that the load generator is not what is measured.

class HttpConnection {
  constructor(port) {
    this.port = port;
    this.socket = null;
    this.buffer = Buffer.alloc(0);
    this.pending = null;
  }

  async connect() {
    this.socket = await new Promise((resolve, reject) => {
      const socket = net.connect({ port: this.port, host: '127.0.0.1', noDelay: true }, () => resolve(socket));
      socket.once('error', reject);
    });
    this.buffer = Buffer.alloc(0);
    const socket = this.socket;
    socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.fail(new Error('connection closed'));
    });
  }

  async request(method, path, token, body) {
    if (!this.socket) await this.connect();
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n`;
    if (token) head += `authorization: Bearer ${token}\r\n`;
    if (body !== undefined) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(`${head}\r\n${payload}`);
    });
  }

  parse() {
    if (!this.pending) return;
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body = '';
    let consumed = headerEnd + 4;
    if (length) {
      consumed += Number(length[1]);
      if (this.buffer.length < consumed) return;
      body = this.buffer.toString('utf8', headerEnd + 4, consumed);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts = [];
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', consumed);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.toString('latin1', consumed, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          consumed = lineEnd + 4;
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        consumed = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    }
    this.buffer = this.buffer.subarray(consumed);
    const { resolve } = this.pending;
    this.pending = null;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    resolve({ status, body });
  }

  fail(error) {
    if (!this.pending) return;
    const { reject } = this.pending;
    this.pending = null;
    reject(error);
  }

  close() {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }
}

async function openConnections(port, count) {
  const connections = Array.from({ length: count }, () => new HttpConnection(port));
  await Promise.all(connections.map((c) => c.connect()));
  return connections;
}

function newStats() {
  return { latencies: [], errors: 0, samples: [], ms: 0 };
}

/** One timed request; a status other than `expected` (or a failed connection) counts as an error. */
async function timed(stats, connection, expected, method, path, token, body) {
  const started = performance.now();
  let response;
  try {
    response = await connection.request(method, path, token, body);
  } catch (error) {
    response = { status: 0, body: String(error.message) };
  }
  stats.latencies.push(performance.now() - started);
  if (response.status === expected) return response;
  stats.errors += 1;
  if (stats.samples.length < 5) stats.samples.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${response.status} ${response.body.slice(0, 200)}`);
  return null;
}

/** Every task once, `connections.length` at a time; the phase's wall time is added to `stats.ms`. */
async function runTasks(stats, connections, tasks, work) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < tasks.length) await work(connection, tasks[next++]);
    }),
  );
  stats.ms += performance.now() - started;
}

/** Requests back to back on every connection for `ms`. */
async function runFor(stats, connections, ms, work) {
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < end) await work(connection);
    }),
  );
  stats.ms += performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Seeding: everything in SQL with generate_series and a fixed seed

async function seed(url, passwordHash) {
  const steps = [];
  const step = async (label, work) => {
    const started = performance.now();
    await work();
    steps.push(`${label} ${seconds(performance.now() - started)}`);
  };
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const q = (sql, params) => pool.query(sql, params);
  try {
    await step('schema helpers', async () => {
      await q(`CREATE FUNCTION bench_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
                 AS $$ SELECT overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`);
      await q(`CREATE TABLE bench_meta (key text PRIMARY KEY, value text NOT NULL)`);
    });
    await step('units', () =>
      q(`INSERT INTO units (id, name, parent_id)
         SELECT bench_uuid('unit:' || n),
                CASE WHEN n = 1 THEN 'Liên đoàn Lao động (bench)' WHEN n <= ${PARENT_UNITS} THEN 'Liên đoàn Lao động tỉnh ' || n ELSE 'Công đoàn cơ sở ' || n END,
                CASE WHEN n = 1 THEN NULL WHEN n <= ${PARENT_UNITS} THEN bench_uuid('unit:1') ELSE bench_uuid('unit:' || (2 + n % ${PARENT_UNITS - 1})) END
           FROM generate_series(1, ${UNITS}) n ORDER BY n`),
    );
    await step('users', async () => {
      await q(
        `INSERT INTO users (id, full_name, email, password_hash, phone, unit_id, roles)
         SELECT bench_uuid('user:' || n), 'Đoàn viên ' || n, 'member' || n || '@bench.hoithi.vn', $1, '09' || lpad(n::text, 8, '0'), ${unitOf('n')}, '{member}'
           FROM generate_series(1, ${USERS}) n`,
        [passwordHash],
      );
      await q(`UPDATE units u SET member_count = c.count FROM (SELECT unit_id, count(*) FROM users GROUP BY unit_id) c WHERE c.unit_id = u.id`);
    });
    await step('question bank', async () => {
      await q(`INSERT INTO topics (id, name) VALUES (bench_uuid('topic:1'), 'Luật Công đoàn (bench)')`);
      const text = (n) => `'Câu hỏi số ' || ${n} || ': theo Luật Công đoàn năm 2024, quyền và trách nhiệm của đoàn viên công đoàn là gì?'`;
      const folded = (n) => `'cau hoi so ' || ${n} || ' theo luat cong doan nam 2024 quyen va trach nhiem cua doan vien cong doan la gi'`;
      await q(`INSERT INTO questions (id, topic_id, status, current_version, current_version_id, type, difficulty, text, normalized_text, search_text)
               SELECT bench_uuid('question:' || n), bench_uuid('topic:1'), 'active', 1, bench_uuid('version:' || n), 'single',
                      (ARRAY['easy', 'medium', 'hard'])[1 + n % 3], ${text('n')}, ${folded('n')}, ${folded('n')}
                 FROM generate_series(1, ${QUESTIONS}) n`);
      await q(`INSERT INTO question_versions (id, question_id, version, type, text, options, difficulty, points, explanation)
               SELECT bench_uuid('version:' || n), bench_uuid('question:' || n), 1, 'single', ${text('n')},
                      (SELECT jsonb_agg(jsonb_build_object('id', bench_uuid('option:' || n || ':' || k), 'text', 'Phương án ' || k || ' của câu ' || n,
                                                           'correct', k = 1 + n % 4) ORDER BY k)
                         FROM generate_series(1, 4) k),
                      (ARRAY['easy', 'medium', 'hard'])[1 + n % 3], 1, 'Giải thích cho câu ' || n
                 FROM generate_series(1, ${QUESTIONS}) n`);
      await q(`UPDATE question_bank_state SET revision = revision + 1 WHERE id = 1`);
    });
    await step('contest and round', async () => {
      await q(`INSERT INTO contests (id, title, kind, status, eligible_unit_ids, published_at)
               VALUES (bench_uuid('contest:1'), 'Hội thi tìm hiểu Luật Công đoàn (bench)', 'quiz', 'published', '{}', now() - interval '2 days')`);
      await q(`INSERT INTO rounds (id, contest_id, position, kind, title, opens_at, closes_at, time_limit_seconds, max_attempts, blueprint,
                                   shuffle_questions, shuffle_options, grading_mode, prediction_question, review_after)
               VALUES ($1, bench_uuid('contest:1'), 1, 'quiz', 'Vòng thi trắc nghiệm', now() - interval '2 days', now() + interval '30 days', ${TIME_LIMIT}, ${MAX_ATTEMPTS},
                       jsonb_build_array(jsonb_build_object('topicId', bench_uuid('topic:1'), 'count', ${PAPER})), true, true, 'all_or_nothing',
                       'Có bao nhiêu lượt người dự thi?', 'close')`, [ROUND_ID]);
    });
    await step(`${PAPERS} papers`, async () => {
      // bench_papers(n) holds paper + answer_specs exactly as a start writes them (20 items, shuffled option order).
      await q(`CREATE TABLE bench_papers AS ${papersSql(`generate_series(0, ${PAPERS - 1})`, 97)}`);
      await q(`ALTER TABLE bench_papers ADD PRIMARY KEY (n)`);
    });
    await step(`${ATTEMPTS.toLocaleString('en')} finished attempts`, async () => {
      const chunk = 50_000;
      const chunks = Array.from({ length: Math.ceil(ATTEMPTS / chunk) }, (_, i) => i);
      // Two sessions (two cores); each chunk sets its own seed, so the data does not depend on scheduling.
      await Promise.all(
        [0, 1].map(async (worker) => {
          const client = await pool.connect();
          try {
            await client.query(`SET synchronous_commit = off`);
            await client.query(`SET default_toast_compression = lz4`);
            for (const i of chunks.filter((c) => c % 2 === worker)) {
              await client.query(`SELECT setseed($1)`, [(i + 1) / 1000]);
              await client.query(attemptsChunkSql(i * chunk, Math.min(ATTEMPTS, (i + 1) * chunk) - 1));
            }
          } finally {
            client.release();
          }
        }),
      );
    });
    await step('participants (best attempt)', async () => {
      const client = await pool.connect();
      try {
        await client.query(`SET work_mem = '256MB'`);
        await client.query(`INSERT INTO round_participants (round_id, user_id, unit_id, attempts_used, best_attempt_id, best_score, best_duration_ms, best_submitted_at, best_prediction)
               SELECT DISTINCT ON (user_id) round_id, user_id, unit_id, count(*) OVER (PARTITION BY user_id), id, score, duration_ms, submitted_at, prediction
                 FROM attempts ORDER BY user_id, score DESC, duration_ms, submitted_at, id`);
      } finally {
        client.release();
      }
    });
    await step('vacuum analyze + checkpoint', async () => {
      for (const table of ['units', 'users', 'topics', 'questions', 'question_versions', 'contests', 'rounds', 'attempts', 'round_participants', 'bench_papers']) {
        await q(`VACUUM (ANALYZE) ${table}`);
      }
      await q(`CHECKPOINT`);
    });
    await q(`INSERT INTO bench_meta (key, value) VALUES ('size', $1)`, [sizeKey()]);
  } finally {
    await pool.end();
  }
  return steps;
}

const sizeKey = () => JSON.stringify({ USERS, UNITS, QUESTIONS, ATTEMPTS, MEMBERS });

/** Papers as the app stores them: `paper` (questionId, versionId, points, optionOrder) and `answer_specs` (o, m, t). */
function papersSql(source, multiplier) {
  const option = (shift) => `bench_uuid('option:' || x.q || ':' || (1 + (x.s + ${shift}) % 4))`;
  const order = `jsonb_build_array(${option(0)}, ${option(1)}, ${option(2)}, ${option(3)})`;
  return `SELECT p AS n,
                 jsonb_agg(jsonb_build_object('questionId', bench_uuid('question:' || x.q), 'versionId', bench_uuid('version:' || x.q), 'points', 1, 'optionOrder', ${order}) ORDER BY i) AS paper,
                 jsonb_object_agg(bench_uuid('question:' || x.q), jsonb_build_object('o', ${order}, 'm', 1, 't', 'single')) AS answer_specs
            FROM ${source} p, generate_series(0, ${PAPER - 1}) i,
                 LATERAL (SELECT 1 + (p * ${multiplier} + i * ${STRIDE}) % ${QUESTIONS} AS q, (p + i) % 4 AS s) x
           GROUP BY p`;
}

function attemptsChunkSql(from, to) {
  return `INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline, submitted_at,
                                score, max_score, correct_count, duration_ms, prediction)
          SELECT bench_uuid('attempt:' || g.j), '${ROUND_ID}', bench_uuid('user:' || g.u), ${unitOf('g.u')}, 1 + g.j / ${USERS}, 'submitted', md5('seed:' || g.j),
                 p.paper, p.answer_specs, g.started, g.started + interval '${TIME_LIMIT} seconds', g.started + g.ms * interval '1 millisecond',
                 g.score, ${PAPER}, g.score, g.ms, g.prediction
            FROM (SELECT j, 1 + j % ${USERS} AS u, now() - interval '2 days' + random() * interval '40 hours' AS started,
                         60000 + floor(random() * ${(TIME_LIMIT - 60) * 1000})::int AS ms, floor(random() * ${PAPER + 1})::int AS score,
                         floor(random() * 200000)::int AS prediction
                    FROM generate_series(${from}, ${to}) j) g
            JOIN bench_papers p ON p.n = g.j % ${PAPERS}`;
}

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
  // start = participant upsert + lock, insert the attempt (paper and specs as the app builds them), mark started.
  start: `\\set k :k + 1
\\set u ${PGB_START_BASE + 1} + :client_id * ${PGB_START_SLICE} + (:k % ${PGB_START_SLICE})
\\set p random(0, ${PAPERS - 1})
BEGIN;
INSERT INTO round_participants (round_id, user_id, unit_id) VALUES ('${ROUND_ID}', bench_uuid('user:' || :u), ${unitOf(':u')}) ON CONFLICT (round_id, user_id) DO NOTHING;
SELECT round_id, user_id, unit_id, attempts_used, active_attempt_id, best_attempt_id, best_score, best_duration_ms, best_submitted_at, best_prediction
  FROM round_participants WHERE round_id = '${ROUND_ID}' AND user_id = bench_uuid('user:' || :u) FOR UPDATE;
INSERT INTO attempts (round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline)
  SELECT '${ROUND_ID}', bench_uuid('user:' || :u), ${unitOf(':u')}, 6, 'active', md5(random()::text), p.paper, p.answer_specs, now(), now() + interval '${TIME_LIMIT} seconds'
    FROM bench_papers p WHERE p.n = :p
  RETURNING id AS attempt_id \\gset
UPDATE round_participants SET attempts_used = attempts_used + 1, active_attempt_id = :attempt_id WHERE round_id = '${ROUND_ID}' AND user_id = bench_uuid('user:' || :u);
END;
`,
  // save = the API's saveAnswer statement, word for word; only the parameters are computed in SQL.
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
RETURNING saved_at, revision;
`,
  // submit = lock participant (through the attempt), lock attempt, read answers, update attempt with the grade, update the
  // best attempt (the repository's statement, board_txid included).
  submit: `\\set a random(1, ${PGB_ATTEMPTS})
\\set score random(0, ${PAPER})
\\set prediction random(0, 200000)
BEGIN;
SELECT p.round_id, p.user_id, p.unit_id, p.attempts_used, p.active_attempt_id, p.best_attempt_id, p.best_score, p.best_duration_ms, p.best_submitted_at, p.best_prediction
  FROM round_participants p WHERE (p.round_id, p.user_id) = (SELECT a.round_id, a.user_id FROM attempts a WHERE a.id = ${PGB_ATTEMPT(':a')}) FOR UPDATE;
SELECT * FROM attempts a WHERE a.id = ${PGB_ATTEMPT(':a')} FOR UPDATE;
SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = ${PGB_ATTEMPT(':a')};
UPDATE attempts SET status = 'submitted', submitted_at = now(), score = :score, max_score = ${PAPER}, correct_count = :score, duration_ms = 600000, prediction = :prediction
 WHERE id = ${PGB_ATTEMPT(':a')};
UPDATE round_participants
   SET best_attempt_id = ${PGB_ATTEMPT(':a')}, best_score = :score, best_duration_ms = 600000, best_submitted_at = now(), best_prediction = :prediction,
       board_txid = CASE WHEN best_attempt_id IS DISTINCT FROM ${PGB_ATTEMPT(':a')} OR best_score IS DISTINCT FROM :score::numeric
                           OR best_prediction IS DISTINCT FROM :prediction::int
                         THEN pg_current_xact_id()::text::bigint ELSE board_txid END,
       active_attempt_id = NULL
 WHERE round_id = '${ROUND_ID}' AND user_id = ${PGB_OWNER(':a')};
END;
`,
};

async function pgbench(name, url, dir, mode = 'prepared') {
  const file = join(dir, `${name}.sql`);
  writeFileSync(file, inlineUuids(PGB_SCRIPTS[name]));
  const prefix = `log_${name}_${mode}`;
  const target = new URL(url);
  const args = [
    '-n', '-c', String(CLIENTS), '-j', '2', '-T', String(PG_SECONDS), '-M', mode, '-D', 'k=0', '-f', file,
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
let api;
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
  let seedSteps = [];
  const reused = REUSE_DB
    ? await withClient(url, async (db) => {
        const { rows } = await db.query(`SELECT value FROM bench_meta WHERE key = 'size'`).catch(() => ({ rows: [] }));
        if (rows[0]?.value !== sizeKey()) throw new Error(`BENCH_DB=${REUSE_DB} was not seeded with this size (${rows[0]?.value ?? 'no bench_meta'})`);
        // Leftovers of an interrupted run would make starts answer 409.
        await cleanUpPgbenchStarts(db);
        return true;
      })
    : false;
  if (!reused) {
    await withClient(ADMIN_URL, (db) => db.query(`CREATE DATABASE ${database}`));
    created = true;
    await stage('migrations', async () => {
      const result = await run(process.execPath, ['apps/api/dist/database/migration-cli.js', 'run'], {
        env: { ...env, DATABASE_URL: url, JWT_SECRET, LOG_LEVEL: 'warn' },
      });
      if (result.code !== 0) throw new Error(`migrations failed: ${result.stderr || result.stdout}`);
    });
    const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    seedSteps = await stage('seeding', () => seed(url, passwordHash));
    console.log(`  ${seedSteps.join(', ')}`);
  }
  const sizes = await withClient(url, async (db) => {
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM questions) AS questions,
                                            (SELECT count(*) FROM attempts WHERE status <> 'active') AS finished, pg_size_pretty(pg_database_size(current_database())) AS size`);
    return rows[0];
  });
  console.log(`  data: ${sizes.users} members, ${sizes.units} units, ${sizes.questions} questions, ${sizes.finished} finished attempts, database ${sizes.size}`);

  // --- the API
  const port = await freePort();
  const profilePort = PROFILE ? await freePort() : 0;
  api = spawn(process.execPath, [...API_FLAGS, ...(PROFILE ? ['--import', './test/bench/pg-profile.preload.mjs'] : []), 'apps/api/dist/main.js'], {
    env: {
      ...env,
      PORT: String(port),
      DATABASE_URL: url,
      JWT_SECRET,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ATTEMPT_SWEEP_SECONDS: '0',
      DATA_DIR: workDir,
      REDIS_URL: env.BENCH_REDIS_URL ?? '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      BENCH_PROFILE_PORT: String(profilePort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(api);
  // The API logs at warn: show the first few lines (shortened), count the rest.
  for (const stream of [api.stdout, api.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const text of lines.filter(Boolean)) {
        apiLog.lines += 1;
        if (apiLog.lines <= 3) console.log(`  [api] ${text.length > 400 ? `${text.slice(0, 400)}…` : text}`);
      }
    });
  }
  await waitForPort(port, api, 'the API');
  const profile = async () => (PROFILE ? (await fetch(`http://127.0.0.1:${profilePort}/stats`)).json() : null);

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
  const [header, payload] = tokens[0].split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const sign = (member) => {
    const body = Buffer.from(JSON.stringify({ ...claims, sub: member.id, unitId: member.unit_id })).toString('base64url');
    return `${header}.${body}.${createHmac('sha256', JWT_SECRET).update(`${header}.${body}`).digest('base64url')}`;
  };
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
      pgb.start = await pgbench('start', url, workDir);
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
  const hammer = async (targetPort, path, stats, warm = async () => {}) => {
    const pool50 = await openConnections(targetPort, HEALTH_CONNECTIONS);
    await runFor(newStats(), pool50, 1000, (c) => timed(newStats(), c, 200, 'GET', path)); // warm-up
    await warm();
    await runFor(stats, pool50, HEALTH_SECONDS * 1000, (c) => timed(stats, c, 200, 'GET', path));
    pool50.forEach((c) => c.close());
  };
  let healthProfile = null;
  await stage('health vs raw node:http', async () => {
    await hammer(port, '/api/health', health.api, profile);
    healthProfile = await profile();
    const raw = await rawServer(false);
    await hammer(raw.port, '/health', health.raw);
    await stop(raw.child);
    const rawDb = await rawServer(true);
    await hammer(rawDb.port, '/health', health.rawDb);
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
