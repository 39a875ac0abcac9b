import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { drawPaper } from '@hoi-thi/contest-engine';
import { AttemptEvents, type AttemptFinished } from '../../apps/api/src/modules/attempts/attempt-events.js';
import { AnswersRepository } from '../../apps/api/src/modules/attempts/answers.repository.js';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

/**
 * Races and time, with the injectable clock instead of sleeps. Two tests hold a row lock in one
 * session while another session works: they run on the PostgreSQL server only. The embedded database
 * is one session behind a pool of one connection, so there its own test checks what replaces them:
 * a transaction in progress holds every other statement, which waits and then goes through.
 */
const onServer = TEST_DB === 'server';
const itOnServer = onServer ? it : ((() => undefined) as unknown as typeof it);
const itEmbedded = onServer ? ((() => undefined) as unknown as typeof it) : it;
describe('attempts under concurrency and at the deadline', () => {
  let t: TestApp;
  let clock: FakeClock;
  let unitId: string;
  let quiz: QuizSetup;
  const finished: AttemptFinished[] = [];

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    quiz = await aQuizRound(t, unitId, { questions: 6, multiple: 2, round: { maxAttempts: 2, timeLimitSeconds: 300 } });
    t.app.get(AttemptEvents).onFinished((event) => finished.push(event));
  });
  afterAll(async () => t?.close());

  const start = (member: { accessToken: string }) => t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member));

  it('20 parallel starts by one member make exactly one attempt', async () => {
    const member = await aMember(t, unitId);
    const responses = await Promise.all(Array.from({ length: 20 }, () => start(member)));
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'ATTEMPT.ACTIVE_EXISTS', attemptId: created[0].body.id });
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM attempts WHERE user_id = $1', [member.user.id]);
    expect(n).toBe(1);
  });

  it('with two attempts allowed and one finished, 10 parallel starts make exactly one more', async () => {
    const member = await aMember(t, unitId);
    const first = await start(member).expect(201);
    await t.http().post(`/api/attempts/${first.body.id}/submit`).set(...bearer(member)).send({}).expect(200);

    const responses = await Promise.all(Array.from({ length: 10 }, () => start(member)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM attempts WHERE user_id = $1', [member.user.id]);
    expect(n).toBe(2);
    const [participant] = await t.dataSource.query('SELECT attempts_used FROM round_participants WHERE user_id = $1', [member.user.id]);
    expect(participant.attempts_used).toBe(2);
  });

  it('50 parallel saves on one question leave one answer: the last acknowledged write', async () => {
    const member = await aMember(t, unitId);
    const attempt = await start(member).expect(201);
    const question = attempt.body.questions.find((q: { type: string }) => q.type === 'multiple');
    const optionIds: string[] = question.options.map((o: { id: string }) => o.id);
    // 50 different choices: every non-empty subset of the first options, in turn.
    const choices = Array.from({ length: 50 }, (_, i) => optionIds.filter((_, bit) => ((i % 15) + 1) & (1 << bit)));
    const responses = await Promise.all(
      choices.map((choice) => t.http().put(`/api/attempts/${attempt.body.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: choice })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const revisions = responses.map((r) => r.body.revision as number);
    expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const last = responses[revisions.indexOf(50)];
    const lastChoice = choices[responses.indexOf(last)];

    const rows = await t.dataSource.query('SELECT option_ids, revision FROM attempt_answers WHERE attempt_id = $1', [attempt.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].revision).toBe(50);
    expect(rows[0].option_ids).toEqual(lastChoice);
    const resumed = await t.http().get(`/api/attempts/${attempt.body.id}`).set(...bearer(member)).expect(200);
    expect(resumed.body.answers[question.id].optionIds).toEqual(lastChoice);
  });

  it('saves that arrive together are written in one statement, each with its own guards and result', async () => {
    const [a, b, stranger] = await Promise.all([aMember(t, unitId), aMember(t, unitId), aMember(t, unitId)]);
    const attemptA = (await start(a).expect(201)).body;
    const attemptB = (await start(b).expect(201)).body;
    type Paper = { id: string; options: { id: string }[] }[];
    const [qa1, qa2] = attemptA.questions as Paper;
    const [qb1, qb2] = attemptB.questions as Paper;
    const grace = t.config.attemptGraceSeconds * 1000;
    const now = clock.now();
    const late = new Date(new Date(attemptB.deadline).getTime() + grace + 1);
    // Both papers come from one small pool (B may hold A's questions): take the other question from A's own paper.
    const otherQuestion = (attemptA.questions as Paper).find((q) => q.id !== qa2.id)!;
    const repository = t.app.get(AnswersRepository);

    const pool = (t.dataSource.driver as unknown as { master: { query: (config: { name?: string }) => Promise<unknown> } }).master;
    const query = pool.query;
    let statements = 0;
    pool.query = function (this: unknown, ...args: [{ name?: string }]) {
      if (args[0]?.name === 'attempts.save-answers') statements += 1;
      return query.apply(this, args);
    };
    let results;
    try {
      results = await Promise.all([
        repository.saveAnswer(attemptA.id, a.user.id, qa1.id, [qa1.options[0].id], now, grace), // kept
        repository.saveAnswer(attemptB.id, b.user.id, qb1.id, [qb1.options[1].id], now, grace), // kept
        repository.saveAnswer(attemptA.id, stranger.user.id, qa2.id, [qa2.options[0].id], now, grace), // not the owner
        repository.saveAnswer(attemptA.id, a.user.id, qa2.id, [otherQuestion.options[0].id], now, grace), // an option of another question
        repository.saveAnswer(attemptB.id, b.user.id, qb2.id, [qb2.options[0].id], late, grace), // after deadline + grace
        repository.saveAnswer(attemptA.id, a.user.id, qa1.id, [qa1.options[1].id], now, grace), // the same question again: next statement
      ]);
    } finally {
      pool.query = query;
    }
    expect(results).toEqual([
      { savedAt: now, revision: 1 },
      { savedAt: now, revision: 1 },
      null,
      null,
      null,
      { savedAt: now, revision: 2 },
    ]);
    expect(statements).toBe(2);
    const rows = await t.dataSource.query(
      'SELECT attempt_id, question_id, option_ids, revision FROM attempt_answers WHERE attempt_id = ANY($1) ORDER BY revision',
      [[attemptA.id, attemptB.id]],
    );
    expect(rows).toEqual([
      { attempt_id: attemptB.id, question_id: qb1.id, option_ids: [qb1.options[1].id], revision: 1 },
      { attempt_id: attemptA.id, question_id: qa1.id, option_ids: [qa1.options[1].id], revision: 2 },
    ]);
    // Over HTTP a refusal still says which guard refused.
    const refused = await t.http().put(`/api/attempts/${attemptB.id}/answers/${qb2.id}`).set(...bearer(b)).send({ optionIds: [qb1.options[0].id] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('ATTEMPT.OPTION_NOT_IN_QUESTION');
  });

  itOnServer('a batch does not wait for an attempt another transaction holds: that save is written alone once the lock is released', async () => {
    const [a, b] = await Promise.all([aMember(t, unitId), aMember(t, unitId)]);
    const attemptA = (await start(a).expect(201)).body;
    const attemptB = (await start(b).expect(201)).body;
    type Paper = { id: string; options: { id: string }[] }[];
    const [qa] = attemptA.questions as Paper;
    const [qb] = attemptB.questions as Paper;
    const grace = t.config.attemptGraceSeconds * 1000;
    const repository = t.app.get(AnswersRepository);

    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [attemptA.id]); // as a submit or a regrade holds it
      let heldSaveDone = false;
      const held = repository.saveAnswer(attemptA.id, a.user.id, qa.id, [qa.options[0].id], clock.now(), grace).finally(() => (heldSaveDone = true));
      const free = repository.saveAnswer(attemptB.id, b.user.id, qb.id, [qb.options[0].id], clock.now(), grace);
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timed out'), 5_000).unref());
      expect(await Promise.race([free, timeout])).toEqual({ savedAt: clock.now(), revision: 1 });
      expect(heldSaveDone).toBe(false);
      // Saves of other attempts keep flowing meanwhile.
      expect(await Promise.race([repository.saveAnswer(attemptB.id, b.user.id, qb.id, [qb.options[1].id], clock.now(), grace), timeout])).toMatchObject({ revision: 2 });
      expect(heldSaveDone).toBe(false);
      await holder.commitTransaction();
      expect(await held).toEqual({ savedAt: clock.now(), revision: 1 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    const [row] = await t.dataSource.query('SELECT option_ids FROM attempt_answers WHERE attempt_id = $1', [attemptA.id]);
    expect(row.option_ids).toEqual([qa.options[0].id]);
  });

  itEmbedded('on the embedded database a transaction in progress holds the other statements, which go through once it ends', async () => {
    const [a, b] = await Promise.all([aMember(t, unitId), aMember(t, unitId)]);
    const attemptA = (await start(a).expect(201)).body;
    const attemptB = (await start(b).expect(201)).body;
    type Paper = { id: string; options: { id: string }[] }[];
    const [qa] = attemptA.questions as Paper;
    const [qb] = attemptB.questions as Paper;
    const save = (member: { accessToken: string }, attemptId: string, questionId: string, optionId: string) =>
      t.http().put(`/api/attempts/${attemptId}/answers/${questionId}`).set(...bearer(member)).send({ optionIds: [optionId] }).then((r) => r);

    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let done = 0;
    try {
      await holder.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [attemptA.id]); // as a submit or a regrade holds it
      const saves = [save(a, attemptA.id, qa.id, qa.options[0].id), save(b, attemptB.id, qb.id, qb.options[0].id)].map((p) => p.finally(() => (done += 1)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(0); // the one session is busy: nothing else runs, nothing fails either
      await holder.commitTransaction();
      await holder.release(); // hands the pool's one connection back
      const [savedA, savedB] = await Promise.all(saves);
      expect([savedA.status, savedB.status]).toEqual([200, 200]);
      expect([savedA.body.revision, savedB.body.revision]).toEqual([1, 1]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      if (!holder.isReleased) await holder.release();
    }
  });

  it('keeps a save at deadline − 1 ms, refuses one at deadline + grace + 1 ms, and grades only what came in time', async () => {
    const member = await aMember(t, unitId);
    const startedAt = clock.now();
    const attempt = await start(member).expect(201);
    const deadline = new Date(attempt.body.deadline).getTime();
    expect(deadline).toBe(startedAt.getTime() + 300_000);
    const [q1, q2] = attempt.body.questions as { id: string }[];
    const save = (questionId: string) =>
      t.http().put(`/api/attempts/${attempt.body.id}/answers/${questionId}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(questionId) });

    clock.set(new Date(deadline - 1));
    await save(q1.id).expect(200);
    const grace = t.config.attemptGraceSeconds * 1000;
    clock.set(new Date(deadline + grace)); // the last accepted instant
    await save(q1.id).expect(200);
    clock.set(new Date(deadline + grace + 1));
    const late = await save(q2.id).expect(409);
    expect(late.body.code).toBe('ATTEMPT.EXPIRED');

    const stored = await t.dataSource.query('SELECT question_id FROM attempt_answers WHERE attempt_id = $1', [attempt.body.id]);
    expect(stored.map((r: { question_id: string }) => r.question_id)).toEqual([q1.id]);
    const result = await t.http().get(`/api/attempts/${attempt.body.id}`).set(...bearer(member)).expect(200);
    const points = attempt.body.questions.find((q: { id: string }) => q.id === q1.id).points;
    expect(result.body).toMatchObject({ status: 'expired', score: points, correctCount: 1, durationMs: 300_000 });
    // A submit after expiry changes nothing and returns the stored result.
    const submit = await t.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer(member)).send({ prediction: 5 }).expect(200);
    expect(submit.body).toMatchObject({ status: 'expired', score: points, prediction: null });
    clock.set(startedAt);
  });

  it('two parallel submits grade once and return the same result', async () => {
    const member = await aMember(t, unitId);
    const attempt = await start(member).expect(201);
    for (const question of attempt.body.questions.slice(0, 3)) {
      await t.http().put(`/api/attempts/${attempt.body.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(question.id) }).expect(200);
    }
    clock.advance(42_000);
    const before = finished.length;
    const [a, b] = await Promise.all([
      t.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer(member)).send({ prediction: 10 }),
      t.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer(member)).send({ prediction: 99 }),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.body).toMatchObject({ status: 'submitted', correctCount: 3, durationMs: 42_000 });
    expect(finished.length - before).toBe(1);
    expect(finished[before]).toMatchObject({ attemptId: attempt.body.id, best: { attemptId: attempt.body.id, userId: member.user.id, prediction: a.body.prediction } });
  });

  itOnServer('a save that commits while a submit waits for the attempt’s lock is graded', async () => {
    const member = await aMember(t, unitId);
    const attempt = (await start(member).expect(201)).body;
    const question = (attempt.questions as { id: string }[])[0];
    // A save in flight: it has share-locked the attempt and written its answer, not yet committed.
    const save = t.dataSource.createQueryRunner();
    await save.connect();
    await save.startTransaction();
    try {
      await save.query('SELECT 1 FROM attempts WHERE id = $1 FOR KEY SHARE', [attempt.id]);
      await save.query('INSERT INTO attempt_answers (attempt_id, question_id, option_ids, saved_at) VALUES ($1, $2, $3, $4)', [
        attempt.id,
        question.id,
        JSON.stringify(quiz.keys.get(question.id)),
        clock.now(),
      ]);
      const submitted = t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).then((r) => r);
      // The submit waits for the save's lock (its lock statement shows up as waiting), then the save commits.
      let waiting = 0;
      for (let i = 0; i < 250 && !waiting; i++) {
        if (i) await new Promise((resolve) => setTimeout(resolve, 20));
        [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
      }
      expect(waiting).toBe(1);
      await save.commitTransaction();
      const result = await submitted;
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ status: 'submitted', correctCount: 1 });
    } finally {
      if (save.isTransactionActive) await save.rollbackTransaction();
      await save.release();
    }
  });

  it('re-derives any attempt’s paper from its seed and the versions it pinned', async () => {
    const member = await aMember(t, unitId);
    const attempt = await start(member).expect(201);
    const [stored] = await t.dataSource.query('SELECT seed, paper FROM attempts WHERE id = $1', [attempt.body.id]);
    const [round] = await t.dataSource.query('SELECT blueprint, shuffle_questions, shuffle_options FROM rounds WHERE id = $1', [quiz.roundId]);
    const versions = await t.dataSource.query(
      `SELECT v.id, v.question_id, v.options, v.points, q.topic_id, q.difficulty
         FROM question_versions v JOIN questions q ON q.id = v.question_id WHERE q.topic_id = $1`,
      [quiz.topicId],
    );
    const paper = drawPaper({
      blueprint: round.blueprint,
      candidates: versions.map((v: { id: string; question_id: string; options: { id: string }[]; points: string; topic_id: string; difficulty: 'easy' }) => ({
        questionId: v.question_id,
        versionId: v.id,
        topicId: v.topic_id,
        difficulty: v.difficulty,
        optionIds: v.options.map((o) => o.id),
        points: Number(v.points),
      })),
      seed: stored.seed,
      shuffleQuestions: round.shuffle_questions,
      shuffleOptions: round.shuffle_options,
    });
    expect(paper.questions).toEqual(stored.paper);
    expect(attempt.body.questions.map((q: { id: string; options: { id: string }[] }) => [q.id, q.options.map((o) => o.id)])).toEqual(
      paper.questions.map((q) => [q.questionId, q.optionOrder]),
    );
  });
});
