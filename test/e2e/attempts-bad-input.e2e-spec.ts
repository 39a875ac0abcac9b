import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, bearer, type QuizOptions, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

interface PaperQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true_false';
  options: { id: string; text: string }[];
}

interface Started {
  id: string;
  questions: PaperQuestion[];
}

/**
 * Every refusal here must leave the database as it was: each case snapshots the attempt, its
 * answers and the member's participant row before, and compares after.
 */
describe('attempts: bad input is a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let clock: FakeClock;
  let unitId: string;

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  /** A published round open now by the test clock: 4 questions, the first one `multiple`. */
  const aRound = (options: QuizOptions = {}) => aQuizRound(t, unitId, { questions: 4, multiple: 1, now: clock.now(), ...options });

  async function start(member: AuthResponse, quiz: QuizSetup): Promise<Started> {
    return (await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201)).body;
  }

  const single = (attempt: Started) => attempt.questions.find((q) => q.type === 'single')!;
  const multiple = (attempt: Started) => attempt.questions.find((q) => q.type === 'multiple')!;

  /** What is stored about an attempt: its row, its answers and its member's participant row. */
  async function stored(attemptId: string) {
    const [attempt] = await t.dataSource.query(
      'SELECT id, round_id, user_id, number, status, paper, submitted_at, score, max_score, correct_count, duration_ms, prediction FROM attempts WHERE id = $1',
      [attemptId],
    );
    const answers = await t.dataSource.query(
      'SELECT question_id, option_ids, saved_at, revision FROM attempt_answers WHERE attempt_id = $1 ORDER BY question_id',
      [attemptId],
    );
    const participant = await t.dataSource.query('SELECT * FROM round_participants WHERE round_id = $1 AND user_id = $2', [attempt.round_id, attempt.user_id]);
    return { attempt, answers, participant };
  }

  async function attemptCount(roundId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM attempts WHERE round_id = $1', [roundId]);
    return count;
  }

  /** An active attempt with one answer already saved, so an overwrite would show. */
  async function anActiveAttempt(options: QuizOptions = {}) {
    const quiz = await aRound(options);
    const member = await aMember(t, unitId);
    const attempt = await start(member, quiz);
    const question = single(attempt);
    await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.id}`)
      .set(...bearer(member))
      .send({ optionIds: [question.options[0].id] })
      .expect(200);
    return { quiz, member, attempt, question };
  }

  it('refuses options of another question: 400 ATTEMPT.OPTION_NOT_IN_QUESTION', async () => {
    const { member, attempt, question } = await anActiveAttempt();
    const other = attempt.questions.find((q) => q.id !== question.id)!;
    const before = await stored(attempt.id);

    const foreign = await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.id}`)
      .set(...bearer(member))
      .send({ optionIds: [other.options[0].id] })
      .expect(400);
    expect(foreign.body).toMatchObject({ statusCode: 400, code: 'ATTEMPT.OPTION_NOT_IN_QUESTION', message: 'Phương án đã chọn không thuộc câu hỏi này.' });

    // One foreign option among the question's own is still refused.
    const multi = multiple(attempt);
    const mixed = await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${multi.id}`)
      .set(...bearer(member))
      .send({ optionIds: [multi.options[0].id, question.options[1].id] })
      .expect(400);
    expect(mixed.body.code).toBe('ATTEMPT.OPTION_NOT_IN_QUESTION');

    // An option id that exists nowhere.
    const unknown = await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.id}`)
      .set(...bearer(member))
      .send({ optionIds: [randomUUID()] })
      .expect(400);
    expect(unknown.body.code).toBe('ATTEMPT.OPTION_NOT_IN_QUESTION');

    expect(await stored(attempt.id)).toEqual(before);
  });

  it('refuses a question that is not on the paper: 400 ATTEMPT.QUESTION_NOT_IN_PAPER', async () => {
    const { quiz, member, attempt } = await anActiveAttempt();
    // A question of another round's bank: real, but not on this paper.
    const elsewhere = await aRound();
    const [otherQuestionId] = [...elsewhere.keys.keys()];
    expect(quiz.keys.has(otherQuestionId)).toBe(false);
    const before = await stored(attempt.id);

    for (const questionId of [otherQuestionId, randomUUID()]) {
      const response = await t
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
        .set(...bearer(member))
        .send({ optionIds: [] })
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'ATTEMPT.QUESTION_NOT_IN_PAPER' });
    }
    expect(await stored(attempt.id)).toEqual(before);
  });

  it('refuses two options on a single-choice question: 400 ATTEMPT.TOO_MANY_OPTIONS; a multiple-choice one takes several', async () => {
    const { member, attempt, question } = await anActiveAttempt();
    const before = await stored(attempt.id);
    const response = await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.id}`)
      .set(...bearer(member))
      .send({ optionIds: [question.options[1].id, question.options[2].id] })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'ATTEMPT.TOO_MANY_OPTIONS', message: 'Câu hỏi này chỉ được chọn tối đa 1 phương án.' });
    expect(await stored(attempt.id)).toEqual(before);

    const multi = multiple(attempt);
    await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${multi.id}`)
      .set(...bearer(member))
      .send({ optionIds: multi.options.map((o) => o.id) })
      .expect(200);
  });

  it('refuses duplicate, non-uuid, missing or extra fields and malformed JSON (400 VALIDATION / MALFORMED_JSON)', async () => {
    const { member, attempt, question } = await anActiveAttempt();
    const multi = multiple(attempt);
    const before = await stored(attempt.id);
    const put = (questionId: string) => t.http().put(`/api/attempts/${attempt.id}/answers/${questionId}`).set(...bearer(member));

    const cases: [string, Record<string, unknown>, string][] = [
      ['duplicate ids', { optionIds: [multi.options[0].id, multi.options[0].id] }, 'optionIds'],
      ['not a uuid', { optionIds: ['phuong-an-a'] }, 'optionIds'],
      ['a number', { optionIds: [1] }, 'optionIds'],
      ['not a list', { optionIds: multi.options[0].id }, 'optionIds'],
      ['missing', {}, 'optionIds'],
      ['null', { optionIds: null }, 'optionIds'],
      ['an unknown field', { optionIds: [question.options[0].id], correct: true }, 'correct'],
    ];
    for (const [name, body, field] of cases) {
      const response = await put(multi.id).send(body);
      expect({ name, status: response.status, code: response.body.code, fields: response.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        name,
        status: 400,
        code: 'VALIDATION',
        fields: [field],
      });
    }

    const malformed = await put(question.id).set('Content-Type', 'application/json').send('{"optionIds": [').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    const notAnObject = await put(question.id).set('Content-Type', 'application/json').send('"a"').expect(400);
    expect(notAnObject.body.code).toBe('VALIDATION');

    const badSubmit = await t
      .http()
      .post(`/api/attempts/${attempt.id}/submit`)
      .set(...bearer(member))
      .send({ prediction: 10, score: 100 })
      .expect(400);
    expect(badSubmit.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'score' }] });
    const malformedSubmit = await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).set('Content-Type', 'application/json').send('{').expect(400);
    expect(malformedSubmit.body.code).toBe('MALFORMED_JSON');

    expect(await stored(attempt.id)).toEqual(before);
  });

  it("treats another member's attempt as not found (404 ATTEMPT.NOT_FOUND) on read, save, prediction and submit", async () => {
    const { member, attempt, question } = await anActiveAttempt();
    const intruder = await aMember(t, unitId, { fullName: 'Trần Thị Bình' });
    const before = await stored(attempt.id);
    const notFound = { statusCode: 404, code: 'ATTEMPT.NOT_FOUND', message: 'Không tìm thấy lượt thi.' };

    const requests: [string, () => ReturnType<ReturnType<TestApp['http']>['get']>][] = [
      ['read', () => t.http().get(`/api/attempts/${attempt.id}`).set(...bearer(intruder))],
      ['save', () => t.http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).set(...bearer(intruder)).send({ optionIds: [question.options[1].id] })],
      ['prediction', () => t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(intruder)).send({ prediction: 5 })],
      ['submit', () => t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(intruder)).send({})],
      ['review', () => t.http().get(`/api/attempts/${attempt.id}/review`).set(...bearer(intruder))],
      // Same answer as for an attempt that does not exist at all.
      ['read unknown', () => t.http().get(`/api/attempts/${randomUUID()}`).set(...bearer(member))],
      ['save unknown', () => t.http().put(`/api/attempts/${randomUUID()}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: [] })],
      ['prediction unknown', () => t.http().put(`/api/attempts/${randomUUID()}/prediction`).set(...bearer(member)).send({ prediction: 5 })],
      ['submit unknown', () => t.http().post(`/api/attempts/${randomUUID()}/submit`).set(...bearer(member)).send({})],
    ];
    const outcomes = [];
    for (const [name, request] of requests) {
      const response = await request();
      outcomes.push({ name, status: response.status, body: response.body });
    }
    expect(await stored(attempt.id)).toEqual(before);
    expect(before.attempt.status).toBe('active');
    expect(outcomes).toEqual(requests.map(([name]) => ({ name, status: 404, body: notFound })));
    // The owner carries on as if nothing happened.
    await t.http().get(`/api/attempts/${attempt.id}`).set(...bearer(member)).expect(200);
  });

  it('refuses a path id that is not a uuid with 400 VALIDATION naming the parameter', async () => {
    const { quiz, member, attempt } = await anActiveAttempt();
    const before = await stored(attempt.id);
    const cases: [string, () => ReturnType<ReturnType<TestApp['http']>['get']>, string][] = [
      ['get attempt', () => t.http().get('/api/attempts/123').set(...bearer(member)), 'id'],
      ['save: attempt', () => t.http().put(`/api/attempts/not-a-uuid/answers/${attempt.questions[0].id}`).set(...bearer(member)).send({ optionIds: [] }), 'id'],
      ['save: question', () => t.http().put(`/api/attempts/${attempt.id}/answers/cau-1`).set(...bearer(member)).send({ optionIds: [] }), 'questionId'],
      ['prediction', () => t.http().put('/api/attempts/x/prediction').set(...bearer(member)).send({ prediction: 1 }), 'id'],
      ['submit', () => t.http().post(`/api/attempts/${attempt.id}x/submit`).set(...bearer(member)).send({}), 'id'],
      ['review', () => t.http().get("/api/attempts/1'%20OR%20'1'='1/review").set(...bearer(member)), 'id'],
      ['start', () => t.http().post('/api/rounds/tuan-1/attempts').set(...bearer(member)), 'id'],
      ['round', () => t.http().get('/api/rounds/tuan-1').set(...bearer(member)), 'id'],
      ['mine', () => t.http().get('/api/rounds/tuan-1/attempts/mine').set(...bearer(member)), 'id'],
    ];
    for (const [name, request, field] of cases) {
      const response = await request();
      expect({ name, status: response.status, code: response.body.code, details: response.body.details }).toEqual({
        name,
        status: 400,
        code: 'VALIDATION',
        details: [{ field, message: 'Mã định danh không hợp lệ.' }],
      });
    }
    expect(await stored(attempt.id)).toEqual(before);
    expect(await attemptCount(quiz.roundId)).toBe(1);
  });

  it('refuses to start a round that is not open yet, has closed, or whose contest finished: 409 ROUND.NOT_OPEN', async () => {
    const member = await aMember(t, unitId);
    const now = clock.now().getTime();
    const upcoming = await aRound({ round: { opensAt: new Date(now + HOUR).toISOString(), closesAt: new Date(now + 2 * HOUR).toISOString() } });
    const closed = await aRound({ round: { opensAt: new Date(now - 2 * HOUR).toISOString(), closesAt: new Date(now - 1).toISOString() } });
    const finished = await aRound();
    await t.http().post(`/api/contests/${finished.contestId}/finish`).set(...bearer(finished.organizer)).expect(200);

    for (const quiz of [upcoming, closed, finished]) {
      const response = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'ROUND.NOT_OPEN' });
      expect(await attemptCount(quiz.roundId)).toBe(0);
      const participants = await t.dataSource.query('SELECT 1 FROM round_participants WHERE round_id = $1', [quiz.roundId]);
      expect(participants).toEqual([]);
    }
    const english = await t.http().post(`/api/rounds/${upcoming.roundId}/attempts`).set(...bearer(member)).set('Accept-Language', 'en').expect(409);
    expect(english.body.message).toContain(new Date(now + HOUR).toISOString());

    // Exactly at opensAt the round is open.
    clock.set(new Date(now + HOUR));
    await t.http().post(`/api/rounds/${upcoming.roundId}/attempts`).set(...bearer(member)).expect(201);
  });

  it('refuses a member of a unit outside eligibleUnitIds (403 ROUND.NOT_ELIGIBLE); members of sub-units may start', async () => {
    const province = await aUnit(t, 'LĐLĐ tỉnh Bắc Ninh');
    const district = await aUnit(t, 'LĐLĐ huyện Tiên Du', province.id);
    const grassroots = await aUnit(t, 'CĐCS Công ty Samsung Electronics Việt Nam', district.id);
    const elsewhere = await aUnit(t, 'LĐLĐ tỉnh Bắc Giang');
    const elsewhereChild = await aUnit(t, 'CĐCS Công ty Fuhong', elsewhere.id);
    const quiz = await aRound({ contest: { eligibleUnitIds: [district.id] } });

    for (const outsider of [await aMember(t, elsewhere.id), await aMember(t, elsewhereChild.id), await aMember(t, province.id)]) {
      const response = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(outsider)).expect(403);
      expect(response.body).toEqual({ statusCode: 403, code: 'ROUND.NOT_ELIGIBLE', message: 'Đơn vị của bạn không thuộc đối tượng tham gia cuộc thi này.' });
    }
    expect(await attemptCount(quiz.roundId)).toBe(0);

    await start(await aMember(t, district.id), quiz);
    await start(await aMember(t, grassroots.id), quiz);
    expect(await attemptCount(quiz.roundId)).toBe(2);
  });

  describe('a bad prediction is 400 and leaves the stored prediction as it was', () => {
    const bad: [string, unknown][] = [
      ['negative', -1],
      ['fractional', 12.5],
      ['a string', '120'],
      ['too big', 1_000_000_001],
      ['beyond a 32-bit integer', 2 ** 31],
      ['a boolean', true],
    ];

    it('on PUT /api/attempts/:id/prediction', async () => {
      const { member, attempt } = await anActiveAttempt();
      await t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 42 }).expect(200);
      const before = await stored(attempt.id);
      expect(before.attempt.prediction).toBe(42);
      for (const [name, prediction] of [...bad, ['null', null], ['missing', undefined]] as [string, unknown][]) {
        const response = await t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction });
        expect({ name, status: response.status, code: response.body.code, field: response.body.details?.[0]?.field }).toEqual({
          name,
          status: 400,
          code: 'VALIDATION',
          field: 'prediction',
        });
      }
      expect(await stored(attempt.id)).toEqual(before);
      // The largest allowed value is taken.
      await t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 1_000_000_000 }).expect(200);
    });

    it('on submit: refused, the attempt stays active with its prediction', async () => {
      const { member, attempt } = await anActiveAttempt();
      await t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 42 }).expect(200);
      const before = await stored(attempt.id);
      for (const [name, prediction] of bad) {
        const response = await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({ prediction });
        expect({ name, status: response.status, code: response.body.code, field: response.body.details?.[0]?.field }).toEqual({
          name,
          status: 400,
          code: 'VALIDATION',
          field: 'prediction',
        });
      }
      expect(await stored(attempt.id)).toEqual(before);
      expect(before.attempt.status).toBe('active');

      // A submit without a prediction keeps the saved one.
      const submitted = await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', prediction: 42 });
    });
  });

  it('refuses a start once maxAttempts are used: 409 ATTEMPT.LIMIT_REACHED', async () => {
    const quiz = await aRound({ round: { maxAttempts: 2 } });
    const member = await aMember(t, unitId);
    for (let i = 0; i < 2; i++) {
      const attempt = await start(member, quiz);
      await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).expect(200);
    }
    const [participantBefore] = await t.dataSource.query('SELECT * FROM round_participants WHERE round_id = $1 AND user_id = $2', [quiz.roundId, member.user.id]);
    const response = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'ATTEMPT.LIMIT_REACHED', message: 'Bạn đã dùng hết 2 lượt thi của vòng này.' });
    expect(await attemptCount(quiz.roundId)).toBe(2);
    const [participantAfter] = await t.dataSource.query('SELECT * FROM round_participants WHERE round_id = $1 AND user_id = $2', [quiz.roundId, member.user.id]);
    expect(participantAfter).toEqual(participantBefore);
    expect(participantAfter.attempts_used).toBe(2);

    const round = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200);
    expect(round.body.me).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, activeAttemptId: null });
    // Another member is not affected.
    await start(await aMember(t, unitId), quiz);
  });

  it('refuses answers and predictions after submit: 409 ATTEMPT.FINISHED; a second submit returns the same result', async () => {
    const { member, attempt, question } = await anActiveAttempt();
    const submitted = await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({ prediction: 7 }).expect(200);
    const before = await stored(attempt.id);

    const save = await t
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.id}`)
      .set(...bearer(member))
      .send({ optionIds: [question.options[1].id] })
      .expect(409);
    expect(save.body).toEqual({ statusCode: 409, code: 'ATTEMPT.FINISHED', message: 'Lượt thi đã nộp bài, không thể thay đổi.' });
    const clear = await t.http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: [] }).expect(409);
    expect(clear.body.code).toBe('ATTEMPT.FINISHED');
    clock.advance(30_000);
    const again = await t.http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({ prediction: 9 }).expect(200);
    expect(again.body).toEqual(submitted.body);
    expect(await stored(attempt.id)).toEqual(before);

    const prediction = await t.http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 8 });
    expect(await stored(attempt.id)).toEqual(before);
    expect({ status: prediction.status, code: prediction.body.code }).toEqual({ status: 409, code: 'ATTEMPT.FINISHED' });
  });

  it('refuses a visitor without a token: 401 on every attempt route', async () => {
    const { quiz, attempt, question } = await anActiveAttempt();
    const before = await stored(attempt.id);
    const requests = [
      t.http().post(`/api/rounds/${quiz.roundId}/attempts`),
      t.http().get(`/api/rounds/${quiz.roundId}/attempts/mine`),
      t.http().get(`/api/attempts/${attempt.id}`),
      t.http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).send({ optionIds: [] }),
      t.http().put(`/api/attempts/${attempt.id}/prediction`).send({ prediction: 1 }),
      t.http().post(`/api/attempts/${attempt.id}/submit`).send({}),
      t.http().get(`/api/attempts/${attempt.id}/review`),
      t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set('Authorization', 'Bearer not.a.token'),
    ];
    for (const request of requests) {
      const response = await request.expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: expect.any(String), message: expect.any(String) });
    }
    expect(await stored(attempt.id)).toEqual(before);
    expect(await attemptCount(quiz.roundId)).toBe(1);
    // The round page itself is public.
    expect((await t.http().get(`/api/rounds/${quiz.roundId}`).expect(200)).body.me).toBeNull();
  });
});
