// pgbench running the SQL of one whole attempt, as the API sends it, on the small data set
// (lib/small-seed.mjs): start (the one guarded statement: round open in a published contest, bank
// revision unchanged, not a manager, unit eligible, participant row created or locked with "none
// active, attempts left"), 20 saves (the single-save statement 'attempts.save-answer' with all its
// guards; the API batches saves that arrive together into one statement of the same shape), the
// prediction, then the submit (the participant + attempt lock, the answers, the finish + best
// statement, in one transaction). Copied from apps/api/src/modules/attempts/attempts.repository.ts
// (start, submit) and answers.repository.ts (the save); keep them in step. One pgbench transaction = one whole attempt, so its tps is the database's
// attempts per second for these statements.
import { benchUuid } from './env.mjs';
import { SMALL, SMALL_ROUND_ID } from './small-seed.mjs';

export const PGB_PAPERS = 64;
const STRIDE = SMALL.questions / SMALL.paper; // 20 distinct questions per paper

/** md5 + overlay, spelled out as the seed does (no SQL function to inline while planning). */
const uuid = (key) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
const question = (q) => uuid(`'small-question:' || ${q}`);
const option = (q, k) => uuid(`'small-option:' || ${q} || ':' || ${k}`);
const member = (u) => uuid(`'small-user:' || ${u}`);
const unitOf = (u) => uuid(`'small-unit:' || (${SMALL.parents + 1} + ${u} % ${SMALL.units - SMALL.parents})`);

/** The papers pgbench's attempts draw from (as the app stores a paper and its answer specs). */
export async function preparePgbenchPapers(db) {
  const order = `jsonb_build_array(${option('x.q', '1 + (x.s + 0) % 4')}, ${option('x.q', '1 + (x.s + 1) % 4')}, ${option('x.q', '1 + (x.s + 2) % 4')}, ${option('x.q', '1 + (x.s + 3) % 4')})`;
  await db.query(`DROP TABLE IF EXISTS rush_papers`);
  await db.query(`CREATE TABLE rush_papers AS
    SELECT p AS n,
           jsonb_agg(jsonb_build_object('questionId', ${question('x.q')}, 'versionId', ${uuid(`'small-version:' || x.q`)}, 'points', 1, 'optionOrder', ${order}) ORDER BY i) AS paper,
           jsonb_object_agg(${question('x.q')}, jsonb_build_object('o', ${order}, 'm', 1, 't', 'single')) AS answer_specs
      FROM generate_series(0, ${PGB_PAPERS - 1}) p, generate_series(0, ${SMALL.paper - 1}) i,
           LATERAL (SELECT 1 + (p * 7 + i * ${STRIDE}) % ${SMALL.questions} AS q, (p + i) % 4 AS s) x
     GROUP BY p`);
  await db.query(`ALTER TABLE rush_papers ADD PRIMARY KEY (n)`);
  await db.query(`ANALYZE rush_papers`);
}

/**
 * The script: member `base + client_id * slice + k % slice` (each client its own members, none of
 * them a contestant of the HTTP load), paper `p`; `:rev` is the bank revision (-D rev=…).
 */
export function wholeAttemptScript({ base, slice }) {
  const R = `'${SMALL_ROUND_ID}'`;
  const now = 'GREATEST(now(), clock_timestamp())'; // the API's SystemClock.sqlNow
  const lines = [
    `\\set k :k + 1`,
    `\\set u ${base + 1} + :client_id * ${slice} + (:k % ${slice})`,
    `\\set p random(0, ${PGB_PAPERS - 1})`,
    // attempts.start (startIfFree); the attempt id is drawn in SQL (the API draws it in JS).
    `WITH RECURSIVE member_units(id, parent_id, depth) AS (
  SELECT id, parent_id, 0 FROM units WHERE id = ${unitOf(':u')}
  UNION ALL
  SELECT u.id, u.parent_id, m.depth + 1 FROM units u JOIN member_units m ON u.id = m.parent_id WHERE m.depth < 64),
open_round AS (
  SELECT 1 FROM rounds r JOIN contests c ON c.id = r.contest_id
   WHERE r.id = ${R} AND r.kind = 'quiz' AND c.status = 'published'
     AND r.opens_at <= now() AND r.closes_at > ${now} AND (r.closed_at IS NULL OR r.closed_at > ${now})
     AND (SELECT revision FROM question_bank_state WHERE id = 1) = :rev::bigint
     AND NOT EXISTS (SELECT 1 FROM contest_managers cm WHERE cm.contest_id = c.id AND cm.user_id = ${member(':u')})
     AND (cardinality(c.eligible_unit_ids) = 0
          OR EXISTS (SELECT 1 FROM member_units m WHERE m.id = ANY(c.eligible_unit_ids)))),
new_attempt AS (SELECT gen_random_uuid() AS id),
participant AS (
  INSERT INTO round_participants AS p (round_id, user_id, unit_id, attempts_used, active_attempt_id)
  SELECT ${R}, ${member(':u')}, ${unitOf(':u')}, 1, (SELECT id FROM new_attempt) FROM open_round
  ON CONFLICT (round_id, user_id) DO UPDATE SET attempts_used = p.attempts_used + 1, active_attempt_id = EXCLUDED.active_attempt_id
   WHERE p.active_attempt_id IS NULL AND p.attempts_used < ${SMALL.maxAttempts}
  RETURNING p.attempts_used)
INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline)
SELECT (SELECT id FROM new_attempt), ${R}, ${member(':u')}, ${unitOf(':u')}, participant.attempts_used, 'active', md5(random()::text),
       bp.paper, bp.answer_specs, now(), now() + interval '${SMALL.timeLimit} seconds'
  FROM participant, rush_papers bp WHERE bp.n = :p
RETURNING id AS attempt_id \\gset`,
  ];
  for (let i = 0; i < SMALL.paper; i++) {
    // attempts.save-answer, one per question of the paper, in order.
    lines.push(`\\set q 1 + ((:p * 7 + ${i * STRIDE}) % ${SMALL.questions})`, `\\set o random(1, 4)`,
      `INSERT INTO attempt_answers AS aa (attempt_id, question_id, option_ids, saved_at)
SELECT a.id, ${question(':q')}, jsonb_build_array(${option(':q', ':o')}), now()
  FROM attempts a
 WHERE a.id = :attempt_id::uuid AND a.user_id = ${member(':u')} AND a.status = 'active'
   AND now() <= a.deadline + 5000 * interval '1 millisecond'
   AND (a.answer_specs -> ${question(':q')}::text -> 'o') @> jsonb_build_array(${option(':q', ':o')})
   AND jsonb_array_length(jsonb_build_array(${option(':q', ':o')})) <= (a.answer_specs -> ${question(':q')}::text ->> 'm')::int
   FOR KEY SHARE OF a
ON CONFLICT (attempt_id, question_id)
DO UPDATE SET option_ids = EXCLUDED.option_ids, saved_at = EXCLUDED.saved_at, revision = aa.revision + 1
RETURNING revision;`);
  }
  lines.push(
    `\\set prediction random(0, 5000)`,
    `\\set score random(0, ${SMALL.paper})`,
    // attempts.save-prediction
    `WITH updated AS (
  UPDATE attempts SET prediction = :prediction
   WHERE id = :attempt_id::uuid AND user_id = ${member(':u')} AND status = 'active' AND now() <= deadline + 5000 * interval '1 millisecond'
  RETURNING id)
SELECT id FROM updated;`,
    // submit: attempts.lock-for-grading, attempts.answers-of, attempts.finish-with-best
    'BEGIN;',
    `SELECT p.*, a.id, a.round_id, a.user_id, a.unit_id, a.number, a.status, a.seed, a.paper, a.started_at, a.deadline, a.submitted_at,
       a.score, a.max_score, a.correct_count, a.duration_ms, a.prediction
  FROM round_participants p JOIN attempts a ON a.round_id = p.round_id AND a.user_id = p.user_id
 WHERE a.id = :attempt_id::uuid
   FOR UPDATE OF p, a;`,
    `SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = :attempt_id::uuid;`,
    `WITH finished AS (
  UPDATE attempts SET status = 'submitted', submitted_at = now(), score = :score, max_score = ${SMALL.paper}, correct_count = :score, duration_ms = 600000,
                      prediction = :prediction, answer_specs = '{}'::jsonb
   WHERE id = :attempt_id::uuid)
UPDATE round_participants
   SET best_attempt_id = :attempt_id::uuid, best_score = :score, best_duration_ms = 600000, best_submitted_at = now(), best_prediction = :prediction,
       board_txid = CASE WHEN best_attempt_id IS DISTINCT FROM :attempt_id::uuid OR best_score IS DISTINCT FROM :score::numeric
                           OR best_prediction IS DISTINCT FROM :prediction::int
                         THEN pg_current_xact_id()::text::bigint ELSE board_txid END,
       active_attempt_id = CASE WHEN true THEN NULL ELSE active_attempt_id END
 WHERE round_id = ${R} AND user_id = ${member(':u')};`,
    'END;',
  );
  return `${lines.join('\n')}\n`;
}

/** Attempts pgbench's members hold (after the run: none active when every transaction completed). */
export const pgbenchMemberIds = (base, count) => Array.from({ length: count }, (_, i) => benchUuid(`small-user:${base + 1 + i}`));
