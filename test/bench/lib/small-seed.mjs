// The small data set of the embedded benchmark, the same SQL for the PostgreSQL server and for the
// embedded database (PGlite): a federation of 1 + 9 provincial unions + 90 grassroots units,
// `members` members (one password hash for all), a 100-question bank in one topic, and one
// published quiz contest with one open round: 20 questions drawn per attempt, 20 minutes,
// MAX_ATTEMPTS attempts, shuffled, a prediction question. Ids are fixed (md5 of a key).
import { benchUuid } from './env.mjs';

export const SMALL = {
  units: 100,
  parents: 10,
  questions: 100,
  paper: 20,
  timeLimit: 1200,
  maxAttempts: 100,
};
export const SMALL_ROUND_ID = benchUuid('small-round:1');
export const smallMemberEmail = (n) => `member${n}@small.bench.hoithi.vn`;

const uuid = (key) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
const unitOf = (n) => uuid(`'small-unit:' || (${SMALL.parents + 1} + (${n}) % ${SMALL.units - SMALL.parents})`);

/** Seeds through `query(sql, params)` (a pg client or pool), then ANALYZE. Returns how long each part took. */
export async function seedSmall(query, { members, passwordHash }) {
  const steps = [];
  const step = async (label, work) => {
    const started = performance.now();
    await work();
    steps.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await step('units', () =>
    query(`INSERT INTO units (id, name, parent_id)
           SELECT ${uuid(`'small-unit:' || n`)},
                  CASE WHEN n = 1 THEN 'Liên đoàn Lao động (bench)' WHEN n <= ${SMALL.parents} THEN 'Liên đoàn Lao động tỉnh ' || n ELSE 'Công đoàn cơ sở ' || n END,
                  CASE WHEN n = 1 THEN NULL WHEN n <= ${SMALL.parents} THEN ${uuid(`'small-unit:1'`)} ELSE ${uuid(`'small-unit:' || (2 + n % ${SMALL.parents - 1})`)} END
             FROM generate_series(1, ${SMALL.units}) n ORDER BY n`),
  );
  await step(`${members} members`, async () => {
    await query(
      `INSERT INTO users (id, full_name, email, password_hash, phone, unit_id, roles)
       SELECT ${uuid(`'small-user:' || n`)}, 'Đoàn viên ' || n, 'member' || n || '@small.bench.hoithi.vn', $1, '08' || lpad(n::text, 8, '0'), ${unitOf('n')}, '{member}'
         FROM generate_series(1, ${members}) n`,
      [passwordHash],
    );
    await query(`UPDATE units u SET member_count = c.count FROM (SELECT unit_id, count(*) FROM users GROUP BY unit_id) c WHERE c.unit_id = u.id`);
  });
  await step(`${SMALL.questions} questions`, async () => {
    await query(`INSERT INTO topics (id, name) VALUES (${uuid(`'small-topic:1'`)}, 'Pháp luật về bầu cử (bench)')`);
    const text = (n) => `'Câu hỏi số ' || ${n} || ': theo Luật Bầu cử, quyền và nghĩa vụ của cử tri là gì?'`;
    const folded = (n) => `'cau hoi so ' || ${n} || ' theo luat bau cu quyen va nghia vu cua cu tri la gi'`;
    await query(`INSERT INTO questions (id, topic_id, status, current_version, current_version_id, type, difficulty, text, normalized_text, search_text)
                 SELECT ${uuid(`'small-question:' || n`)}, ${uuid(`'small-topic:1'`)}, 'active', 1, ${uuid(`'small-version:' || n`)}, 'single',
                        (ARRAY['easy', 'medium', 'hard'])[1 + n % 3], ${text('n')}, ${folded('n')}, ${folded('n')}
                   FROM generate_series(1, ${SMALL.questions}) n`);
    await query(`INSERT INTO question_versions (id, question_id, version, type, text, options, difficulty, points, explanation)
                 SELECT ${uuid(`'small-version:' || n`)}, ${uuid(`'small-question:' || n`)}, 1, 'single', ${text('n')},
                        (SELECT jsonb_agg(jsonb_build_object('id', ${uuid(`'small-option:' || n || ':' || k`)}, 'text', 'Phương án ' || k || ' của câu ' || n,
                                                             'correct', k = 1 + n % 4) ORDER BY k)
                           FROM generate_series(1, 4) k),
                        (ARRAY['easy', 'medium', 'hard'])[1 + n % 3], 1, 'Giải thích cho câu ' || n
                   FROM generate_series(1, ${SMALL.questions}) n`);
    await query(`UPDATE question_bank_state SET revision = revision + 1 WHERE id = 1`);
  });
  await step('contest and round', async () => {
    await query(`INSERT INTO contests (id, title, kind, status, eligible_unit_ids, published_at)
                 VALUES (${uuid(`'small-contest:1'`)}, 'Tìm hiểu pháp luật về bầu cử (bench)', 'quiz', 'published', '{}', now() - interval '1 day')`);
    await query(`INSERT INTO rounds (id, contest_id, position, kind, title, opens_at, closes_at, time_limit_seconds, max_attempts, blueprint,
                                     shuffle_questions, shuffle_options, grading_mode, prediction_question, review_after)
                 VALUES ($1, ${uuid(`'small-contest:1'`)}, 1, 'quiz', 'Vòng 1', now() - interval '1 day', now() + interval '7 days', ${SMALL.timeLimit}, ${SMALL.maxAttempts},
                         jsonb_build_array(jsonb_build_object('topicId', ${uuid(`'small-topic:1'`)}, 'count', ${SMALL.paper})), true, true, 'all_or_nothing',
                         'Có bao nhiêu lượt người dự thi?', 'close')`, [SMALL_ROUND_ID]);
  });
  await step('analyze', () => query('ANALYZE'));
  return steps;
}

/** The members as the benchmark drives them: [{ n, id, unit_id, email }], n = 1 … members (ids as the SQL computes them). */
export function smallMembers(members) {
  return Array.from({ length: members }, (_, i) => {
    const n = i + 1;
    return { n, id: benchUuid(`small-user:${n}`), unit_id: benchUuid(`small-unit:${SMALL.parents + 1 + (n % (SMALL.units - SMALL.parents))}`), email: smallMemberEmail(n) };
  });
}
