// The seeded data set, built in SQL with generate_series and a fixed seed: 200,000 members in 5,000
// units, a 5,000-question bank, one published contest with one open quiz round that already holds
// 1,000,000 finished attempts and each member's best attempt in round_participants. Also: create,
// migrate and seed a database, or check that a kept one (BENCH_DB) was seeded with this size.
import argon2 from 'argon2';
import pg from 'pg';
import {
  ADMIN_URL, ATTEMPTS, env, JWT_SECRET, PAPER, PAPERS, PARENT_UNITS, PASSWORD, QUESTIONS, ROUND_ID, sizeKey, STRIDE, TIME_LIMIT, MAX_ATTEMPTS, UNITS, unitOf, USERS,
} from './env.mjs';
import { run, seconds, withClient } from './util.mjs';

export async function seed(url, passwordHash) {
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

/** Papers as the app stores them: `paper` (questionId, versionId, points, optionOrder) and `answer_specs` (o, m, t). */
export function papersSql(source, multiplier) {
  const option = (shift) => `bench_uuid('option:' || x.q || ':' || (1 + (x.s + ${shift}) % 4))`;
  const order = `jsonb_build_array(${option(0)}, ${option(1)}, ${option(2)}, ${option(3)})`;
  return `SELECT p AS n,
                 jsonb_agg(jsonb_build_object('questionId', bench_uuid('question:' || x.q), 'versionId', bench_uuid('version:' || x.q), 'points', 1, 'optionOrder', ${order}) ORDER BY i) AS paper,
                 jsonb_object_agg(bench_uuid('question:' || x.q), jsonb_build_object('o', ${order}, 'm', 1, 't', 'single')) AS answer_specs
            FROM ${source} p, generate_series(0, ${PAPER - 1}) i,
                 LATERAL (SELECT 1 + (p * ${multiplier} + i * ${STRIDE}) % ${QUESTIONS} AS q, (p + i) % 4 AS s) x
           GROUP BY p`;
}

export function attemptsChunkSql(from, to) {
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

/** Throws unless the database was seeded by this script with the current size (bench_meta). */
export async function checkSeeded(db, name) {
  const { rows } = await db.query(`SELECT value FROM bench_meta WHERE key = 'size'`).catch(() => ({ rows: [] }));
  if (rows[0]?.value !== sizeKey()) throw new Error(`BENCH_DB=${name} was not seeded with this size (${rows[0]?.value ?? 'no bench_meta'})`);
}

/** CREATE DATABASE (the caller drops it unless KEEP_DB). */
export async function createDatabase(name) {
  await withClient(ADMIN_URL, (db) => db.query(`CREATE DATABASE ${name}`));
}

/** Runs the API's migrations on a fresh database, then seeds it; both timed through `stage`. */
export async function migrateAndSeed(url, stage) {
  await stage('migrations', async () => {
    const result = await run(process.execPath, ['apps/api/dist/database/migration-cli.js', 'run'], {
      env: { ...env, DATABASE_URL: url, JWT_SECRET, LOG_LEVEL: 'warn' },
    });
    if (result.code !== 0) throw new Error(`migrations failed: ${result.stderr || result.stdout}`);
  });
  // With the API's parameters (the bench runs after the build), so a login does not rehash.
  const { PASSWORD_HASH_OPTIONS } = await import('../../../apps/api/dist/modules/auth/password-hasher.js');
  const passwordHash = await argon2.hash(PASSWORD, PASSWORD_HASH_OPTIONS);
  const seedSteps = await stage('seeding', () => seed(url, passwordHash));
  console.log(`  ${seedSteps.join(', ')}`);
  return seedSteps;
}

/** What the database holds, for the report. */
export async function dataSizes(url) {
  return withClient(url, async (db) => {
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM questions) AS questions,
                                            (SELECT count(*) FROM attempts WHERE status <> 'active') AS finished, pg_size_pretty(pg_database_size(current_database())) AS size`);
    return rows[0];
  });
}
