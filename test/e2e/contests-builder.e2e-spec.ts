import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aTopic, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('contest and round builder (organizer)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let unitId: string;
  let organizer: AuthResponse;
  let member: AuthResponse;

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    organizer = await aUserWithRoles(t, unitId, ['organizer']);
    member = await aMember(t, unitId);
  });
  afterAll(async () => t?.close());

  /** A time relative to the test's clock, as the API takes it. */
  const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString();

  const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

  async function aContest(kind: 'quiz' | 'essay' = 'quiz', extra: Record<string, unknown> = {}): Promise<{ id: string }> {
    const response = await t
      .http()
      .post('/api/contests')
      .set(...bearer(organizer))
      .send({ title: `Cuộc thi ${kind} ${randomUUID().slice(0, 8)}`, kind, ...extra })
      .expect(201);
    return response.body;
  }

  async function aQuestion(topicId: string, difficulty: 'easy' | 'medium' | 'hard', text = 'Ai có quyền bầu cử?'): Promise<{ id: string }> {
    const response = await t
      .http()
      .post('/api/questions')
      .set(...bearer(organizer))
      .send({
        topicId,
        type: 'single',
        text: `${text} (${randomUUID().slice(0, 8)})`,
        options: [
          { text: 'Công dân đủ 18 tuổi', correct: true },
          { text: 'Công dân đủ 16 tuổi', correct: false },
        ],
        difficulty,
      })
      .expect(201);
    return response.body;
  }

  function quizRound(topicId: string, overrides: Record<string, unknown> = {}) {
    return {
      title: 'Tuần 1',
      opensAt: at(-HOUR),
      closesAt: at(7 * DAY),
      timeLimitSeconds: 600,
      maxAttempts: 3,
      blueprint: [{ topicId, count: 1 }],
      ...overrides,
    };
  }

  const essayRound = (overrides: Record<string, unknown> = {}) => ({
    title: 'Bài viết',
    opensAt: at(-HOUR),
    closesAt: at(7 * DAY),
    rubric: [{ name: 'Nội dung', maxPoints: 60 }, { name: 'Hình thức', maxPoints: 40, weight: 0.5 }],
    judgesPerEntry: 2,
    ...overrides,
  });

  async function roundsOf(contestId: string): Promise<{ id: string }[]> {
    return (await t.http().get(`/api/contests/${contestId}`).set(...bearer(organizer)).expect(200)).body.rounds;
  }

  it('lets an organizer create a contest; members get 403 and visitors 401 on every write', async () => {
    const created = await t
      .http()
      .post('/api/contests')
      .set(...bearer(organizer))
      .send({ title: '  Tìm hiểu pháp luật về bầu cử  ', kind: 'quiz', description: 'Cuộc thi trực tuyến' })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      title: 'Tìm hiểu pháp luật về bầu cử',
      kind: 'quiz',
      status: 'draft',
      rounds: [],
      eligibleUnitIds: [],
      publishedAt: null,
    });
    const contestId = created.body.id;
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    await aQuestion(topic.id, 'easy');

    const writes = [
      () => t.http().post('/api/contests').send({ title: 'Cuộc thi của khách', kind: 'quiz' }),
      () => t.http().patch(`/api/contests/${contestId}`).send({ title: 'Đổi tên' }),
      () => t.http().post(`/api/contests/${contestId}/rounds`).send(quizRound(topic.id)),
      () => t.http().post(`/api/contests/${contestId}/publish`),
    ];
    for (const write of writes) {
      const visitor = await write().expect(401);
      expect(visitor.body).toMatchObject({ statusCode: 401, code: expect.any(String) });
      const asMember = await write().set(...bearer(member)).expect(403);
      expect(asMember.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    }

    // Nothing the refused writes asked for happened.
    const after = await t.http().get(`/api/contests/${contestId}`).set(...bearer(organizer)).expect(200);
    expect(after.body).toMatchObject({ title: 'Tìm hiểu pháp luật về bầu cử', status: 'draft', rounds: [] });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM contests WHERE title = 'Cuộc thi của khách'`);
    expect(count).toBe(0);

    // A draft is the organizers' business.
    await t.http().get(`/api/contests/${contestId}`).set(...bearer(member)).expect(404);
    await t.http().get(`/api/contests/${contestId}`).expect(404);
  });

  it('refuses a contest body with a bad kind, an unknown unit or an unknown field (400 VALIDATION)', async () => {
    const badKind = await t.http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Cuộc thi', kind: 'poem' }).expect(400);
    expect(badKind.body.code).toBe('VALIDATION');
    expect(fieldsOf(badKind.body)).toEqual(['kind']);

    const unknownUnit = await t
      .http()
      .post('/api/contests')
      .set(...bearer(organizer))
      .send({ title: 'Cuộc thi', kind: 'quiz', eligibleUnitIds: [randomUUID()] })
      .expect(400);
    expect(fieldsOf(unknownUnit.body)).toEqual(['eligibleUnitIds']);

    const extra = await t.http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Cuộc thi', kind: 'quiz', status: 'published' }).expect(400);
    expect(fieldsOf(extra.body)).toEqual(['status']);
  });

  it('adds quiz rounds with defaults, in position order', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const first = await t
      .http()
      .post(`/api/contests/${contest.id}/rounds`)
      .set(...bearer(organizer))
      .send(quizRound(topic.id, { blueprint: [{ topicId: topic.id, count: 2 }, { topicId: topic.id, count: 1, difficulty: 'hard', points: 2 }], predictionQuestion: 'Bao nhiêu người tham gia?' }))
      .expect(201);
    expect(first.body).toMatchObject({
      id: expect.any(String),
      contestId: contest.id,
      position: 1,
      kind: 'quiz',
      title: 'Tuần 1',
      phase: 'open',
      timeLimitSeconds: 600,
      maxAttempts: 3,
      questionCount: 3,
      blueprint: [{ topicId: topic.id, count: 2 }, { topicId: topic.id, count: 1, difficulty: 'hard', points: 2 }],
      shuffleQuestions: true,
      shuffleOptions: true,
      predictionQuestion: 'Bao nhiêu người tham gia?',
      predictionActual: 'participants',
      reviewAfter: 'close',
      rubric: null,
      judgesPerEntry: null,
    });
    const second = await t
      .http()
      .post(`/api/contests/${contest.id}/rounds`)
      .set(...bearer(organizer))
      .send(quizRound(topic.id, { title: 'Tuần 2', opensAt: at(7 * DAY), closesAt: at(14 * DAY), reviewAfter: 'submit', shuffleOptions: false }))
      .expect(201);
    expect(second.body).toMatchObject({ position: 2, phase: 'upcoming', reviewAfter: 'submit', shuffleOptions: false, predictionQuestion: null, predictionActual: null });
    expect((await roundsOf(contest.id)).map((r) => r.id)).toEqual([first.body.id, second.body.id]);
  });

  it('requires the quiz fields on a quiz round and refuses essay-only ones, naming each field', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const post = (body: Record<string, unknown>) => t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(body);

    for (const field of ['timeLimitSeconds', 'maxAttempts', 'blueprint']) {
      const body: Record<string, unknown> = quizRound(topic.id);
      delete body[field];
      const response = await post(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
      expect(fieldsOf(response.body)).toEqual([field]);
    }
    const none = await post({ title: 'Tuần 1', opensAt: at(0), closesAt: at(DAY) }).expect(400);
    expect(fieldsOf(none.body).sort()).toEqual(['blueprint', 'maxAttempts', 'timeLimitSeconds']);

    const essayOnly: Record<string, unknown> = { rubric: [{ name: 'Nội dung', maxPoints: 10 }], judgesPerEntry: 2, minWords: 100, maxWords: 1000 };
    for (const [field, value] of Object.entries(essayOnly)) {
      const response = await post(quizRound(topic.id, { [field]: value })).expect(400);
      expect(response.body.code).toBe('VALIDATION');
      expect(response.body.details).toEqual([{ field, message: 'Trường này không dùng cho vòng thi loại quiz.' }]);
    }
    const english = await post(quizRound(topic.id, { judgesPerEntry: 2 })).set('Accept-Language', 'en').expect(400);
    expect(english.body.details).toEqual([{ field: 'judgesPerEntry', message: 'This field does not apply to a quiz round.' }]);

    const needsQuestion = await post(quizRound(topic.id, { predictionActual: 'attempts' })).expect(400);
    expect(fieldsOf(needsQuestion.body)).toEqual(['predictionActual']);

    expect(await roundsOf(contest.id)).toEqual([]);
  });

  it('requires the essay fields on an essay round and refuses quiz-only ones', async () => {
    const contest = await aContest('essay');
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const post = (body: Record<string, unknown>) => t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(body);

    for (const field of ['rubric', 'judgesPerEntry']) {
      const body: Record<string, unknown> = essayRound();
      delete body[field];
      const response = await post(body).expect(400);
      expect(fieldsOf(response.body)).toEqual([field]);
    }
    const quizOnly: Record<string, unknown> = {
      timeLimitSeconds: 600,
      maxAttempts: 1,
      blueprint: [{ topicId: topic.id, count: 1 }],
      shuffleQuestions: false,
      predictionQuestion: 'Bao nhiêu người?',
      reviewAfter: 'submit',
    };
    for (const [field, value] of Object.entries(quizOnly)) {
      const response = await post(essayRound({ [field]: value })).expect(400);
      expect(response.body.code).toBe('VALIDATION');
      expect(response.body.details).toEqual([{ field, message: 'Trường này không dùng cho vòng thi loại essay.' }]);
    }
    const words = await post(essayRound({ minWords: 500, maxWords: 100 })).expect(400);
    expect(fieldsOf(words.body)).toEqual(['maxWords']);
    expect(await roundsOf(contest.id)).toEqual([]);

    const essay = await post(essayRound({ minWords: 100, maxWords: 1500 })).expect(201);
    expect(essay.body).toMatchObject({
      kind: 'essay',
      rubric: [{ name: 'Nội dung', maxPoints: 60, weight: 1 }, { name: 'Hình thức', maxPoints: 40, weight: 0.5 }],
      judgesPerEntry: 2,
      minWords: 100,
      maxWords: 1500,
      timeLimitSeconds: null,
      blueprint: null,
      questionCount: null,
    });
  });

  it('refuses a rubric judges could not score in quarter points, with duplicate names or without positive weights', async () => {
    const contest = await aContest('essay');
    const cases: [Record<string, unknown>[], string][] = [
      [[{ name: 'Nội dung', maxPoints: 2.1 }], 'rubric.0'],
      [[{ name: 'Nội dung', maxPoints: 10 }, { name: 'Nội dung', maxPoints: 5 }], 'rubric.0'],
      [[{ name: 'Nội dung', maxPoints: 10, weight: 0 }], 'rubric.0'],
    ];
    for (const [rubric, field] of cases) {
      const response = await t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(essayRound({ rubric })).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM rounds WHERE contest_id = $1', [contest.id]);
    expect(n).toBe(0);
  });

  it('refuses a window that closes before (or when) it opens: 400 naming closesAt', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    for (const closesAt of [at(-2 * HOUR), at(-HOUR)]) {
      const response = await t
        .http()
        .post(`/api/contests/${contest.id}/rounds`)
        .set(...bearer(organizer))
        .send(quizRound(topic.id, { opensAt: at(-HOUR), closesAt }))
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'closesAt', message: 'Thời gian đóng phải sau thời gian mở.' }] });
    }
    const notADate = await t
      .http()
      .post(`/api/contests/${contest.id}/rounds`)
      .set(...bearer(organizer))
      .send(quizRound(topic.id, { opensAt: 'thứ hai tuần sau' }))
      .expect(400);
    expect(fieldsOf(notADate.body)).toEqual(['opensAt']);
    expect(await roundsOf(contest.id)).toEqual([]);
  });

  it('refuses a blueprint line with an unknown topic: 400 naming blueprint.<line>.topicId', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const post = (blueprint: unknown) =>
      t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(quizRound(topic.id, { blueprint }));

    const first = await post([{ topicId: randomUUID(), count: 1 }]).expect(400);
    expect(first.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'blueprint.0.topicId', message: 'Chủ đề không tồn tại.' }] });
    const second = await post([{ topicId: topic.id, count: 1 }, { topicId: randomUUID(), count: 2 }]).expect(400);
    expect(fieldsOf(second.body)).toEqual(['blueprint.1.topicId']);

    const notUuid = await post([{ topicId: 'chu-de-1', count: 1 }]).expect(400);
    expect(fieldsOf(notUuid.body)).toEqual(['blueprint.0.topicId']);
    const zero = await post([{ topicId: topic.id, count: 0 }]).expect(400);
    expect(fieldsOf(zero.body)).toEqual(['blueprint.0.count']);
    const empty = await post([]).expect(400);
    expect(fieldsOf(empty.body)).toEqual(['blueprint']);
    expect(await roundsOf(contest.id)).toEqual([]);
  });

  it('takes timeLimitSeconds from 5 to 86,400 and refuses anything else with 400', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const post = (timeLimitSeconds: unknown) =>
      t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(quizRound(topic.id, { timeLimitSeconds }));

    for (const bad of [4, 0, -600, 86_401, 10.5, '600']) {
      const response = await post(bad).expect(400);
      expect(response.body.code).toBe('VALIDATION');
      expect(fieldsOf(response.body)).toEqual(['timeLimitSeconds']);
    }
    expect(await roundsOf(contest.id)).toEqual([]);
    expect((await post(5).expect(201)).body.timeLimitSeconds).toBe(5);
    expect((await post(86_400).expect(201)).body.timeLimitSeconds).toBe(86_400);
  });

  it('treats null like a missing required field: 400 naming it, never a round without a time limit or a 500', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const outcomes = [];
    for (const field of ['timeLimitSeconds', 'maxAttempts', 'blueprint']) {
      const response = await t
        .http()
        .post(`/api/contests/${contest.id}/rounds`)
        .set(...bearer(organizer))
        .send(quizRound(topic.id, { [field]: null }));
      outcomes.push({ field, status: response.status, code: response.body.code, fields: fieldsOf(response.body) });
    }

    const essay = await aContest('essay');
    const essayOutcomes = [];
    for (const field of ['rubric', 'judgesPerEntry']) {
      const response = await t
        .http()
        .post(`/api/contests/${essay.id}/rounds`)
        .set(...bearer(organizer))
        .send(essayRound({ [field]: null }));
      essayOutcomes.push({ field, status: response.status, code: response.body.code, fields: fieldsOf(response.body) });
    }
    expect([...outcomes, ...essayOutcomes]).toEqual(
      ['timeLimitSeconds', 'maxAttempts', 'blueprint', 'rubric', 'judgesPerEntry'].map((field) => ({ field, status: 400, code: 'VALIDATION', fields: [field] })),
    );
    expect(await roundsOf(contest.id)).toEqual([]);
    expect(await roundsOf(essay.id)).toEqual([]);
  });

  it('refuses to publish while the bank is short, naming the short line, then publishes once it is filled', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    await aQuestion(topic.id, 'easy');
    await aQuestion(topic.id, 'easy');
    await aQuestion(topic.id, 'hard');
    const round = await t
      .http()
      .post(`/api/contests/${contest.id}/rounds`)
      .set(...bearer(organizer))
      .send(quizRound(topic.id, { blueprint: [{ topicId: topic.id, count: 2, difficulty: 'easy' }, { topicId: topic.id, count: 3, difficulty: 'hard' }] }))
      .expect(201);

    const refused = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(409);
    expect(refused.body).toMatchObject({
      statusCode: 409,
      code: 'CONTEST.BLUEPRINT_UNSATISFIABLE',
      roundId: round.body.id,
      lineIndex: 1,
      topicId: topic.id,
      difficulty: 'hard',
      needed: 3,
      available: 1,
    });
    expect(refused.body.message).toContain('dòng 2');
    expect(refused.body.message).toContain('cần 3 câu');
    expect(refused.body.message).toContain('chỉ có 1 câu');

    const english = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).set('Accept-Language', 'en').expect(409);
    expect(english.body).toMatchObject({ code: 'CONTEST.BLUEPRINT_UNSATISFIABLE', lineIndex: 1, needed: 3, available: 1 });
    expect(english.body.message).toBe('The question bank cannot fill line 2 of the blueprint: it needs 3 questions and has 1.');

    // Still a draft, invisible to members.
    expect((await t.http().get(`/api/contests/${contest.id}`).set(...bearer(organizer)).expect(200)).body).toMatchObject({ status: 'draft', publishedAt: null });
    await t.http().get(`/api/contests/${contest.id}`).set(...bearer(member)).expect(404);

    // An archived question does not count.
    const archived = await aQuestion(topic.id, 'hard');
    await t.http().delete(`/api/questions/${archived.id}`).set(...bearer(organizer)).expect(200);
    expect((await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(409)).body).toMatchObject({ needed: 3, available: 1 });

    await aQuestion(topic.id, 'hard');
    await aQuestion(topic.id, 'hard');
    const published = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(200);
    expect(published.body).toMatchObject({ id: contest.id, status: 'published', publishedAt: clock.now().toISOString() });
    expect(published.body.rounds).toEqual([expect.objectContaining({ id: round.body.id, phase: 'open' })]);

    const again = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'CONTEST.NOT_DRAFT' });
    expect(again.body.message).toContain('published');
    expect((await t.http().get(`/api/contests/${contest.id}`).set(...bearer(member)).expect(200)).body.status).toBe('published');
  });

  it('counts what an "any difficulty" line can still take after the specific lines', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    for (let i = 0; i < 4; i++) await aQuestion(topic.id, 'easy');
    // Line 1 (any) comes after line 2 (easy, 2 of the 4): 2 left for a line that needs 3.
    await t
      .http()
      .post(`/api/contests/${contest.id}/rounds`)
      .set(...bearer(organizer))
      .send(quizRound(topic.id, { blueprint: [{ topicId: topic.id, count: 3 }, { topicId: topic.id, count: 2, difficulty: 'easy' }] }))
      .expect(201);
    const refused = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONTEST.BLUEPRINT_UNSATISFIABLE', lineIndex: 0, difficulty: null, needed: 3, available: 2 });
    expect(refused.body.message).toContain('dòng 1');
  });

  it('refuses to publish a contest without rounds: 409 CONTEST.NO_ROUNDS', async () => {
    const contest = await aContest();
    const response = await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'CONTEST.NO_ROUNDS', message: 'Cuộc thi cần ít nhất một vòng thi trước khi công bố.' });
    expect((await t.http().get(`/api/contests/${contest.id}`).set(...bearer(organizer)).expect(200)).body.status).toBe('draft');
    await t.http().post(`/api/contests/${randomUUID()}/publish`).set(...bearer(organizer)).expect(404);
  });

  it('checks a round added to a published contest against the bank, and keeps nothing when it is short', async () => {
    const quiz = await aQuizRound(t, unitId, { questions: 2, now: clock.now() });
    const response = await t
      .http()
      .post(`/api/contests/${quiz.contestId}/rounds`)
      .set(...bearer(quiz.organizer))
      .send(quizRound(quiz.topicId, { title: 'Tuần 2', opensAt: at(7 * DAY), closesAt: at(14 * DAY), blueprint: [{ topicId: quiz.topicId, count: 5 }] }))
      .expect(409);
    expect(response.body).toMatchObject({ code: 'CONTEST.BLUEPRINT_UNSATISFIABLE', lineIndex: 0, needed: 5, available: 2 });
    const contest = await t.http().get(`/api/contests/${quiz.contestId}`).set(...bearer(member)).expect(200);
    expect(contest.body.rounds.map((r: { id: string }) => r.id)).toEqual([quiz.roundId]);
  });

  it('shows a contest with its rounds and their phase, moving with the clock', async () => {
    const contest = await aContest();
    const topic = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    await aQuestion(topic.id, 'medium');
    const add = (title: string, opensAt: string, closesAt: string) =>
      t.http().post(`/api/contests/${contest.id}/rounds`).set(...bearer(organizer)).send(quizRound(topic.id, { title, opensAt, closesAt })).expect(201);
    const past = await add('Tuần 1', at(-8 * DAY), at(-DAY));
    const open = await add('Tuần 2', at(-HOUR), at(HOUR));
    const next = await add('Tuần 3', at(HOUR), at(7 * DAY));
    await t.http().post(`/api/contests/${contest.id}/publish`).set(...bearer(organizer)).expect(200);

    const shown = await t.http().get(`/api/contests/${contest.id}`).set(...bearer(member)).expect(200);
    expect(shown.body.rounds.map((r: { id: string; phase: string; position: number }) => [r.id, r.position, r.phase])).toEqual([
      [past.body.id, 1, 'closed'],
      [open.body.id, 2, 'open'],
      [next.body.id, 3, 'upcoming'],
    ]);
    const listed = await t.http().get('/api/contests').expect(200);
    const inList = listed.body.items.find((c: { id: string }) => c.id === contest.id);
    expect(inList.rounds.map((r: { phase: string }) => r.phase)).toEqual(['closed', 'open', 'upcoming']);
    const roundPage = await t.http().get(`/api/rounds/${open.body.id}`).expect(200);
    expect(roundPage.body).toMatchObject({ id: open.body.id, phase: 'open', contestStatus: 'published', me: null });

    clock.advance(HOUR);
    const later = await t.http().get(`/api/contests/${contest.id}`).expect(200);
    expect(later.body.rounds.map((r: { phase: string }) => r.phase)).toEqual(['closed', 'closed', 'open']);
  });

  it("hides a draft's round from members: 404 ROUND.NOT_FOUND on the round page and on start", async () => {
    const quiz = await aQuizRound(t, unitId, { questions: 2, publish: false, now: clock.now() });
    for (const caller of [member, null]) {
      const request = t.http().get(`/api/rounds/${quiz.roundId}`);
      const response = await (caller ? request.set(...bearer(caller)) : request).expect(404);
      expect(response.body).toEqual({ statusCode: 404, code: 'ROUND.NOT_FOUND', message: 'Không tìm thấy vòng thi.' });
    }
    const start = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(404);
    expect(start.body.code).toBe('ROUND.NOT_FOUND');
    const mine = await t.http().get(`/api/rounds/${quiz.roundId}/attempts/mine`).set(...bearer(member)).expect(404);
    expect(mine.body.code).toBe('ROUND.NOT_FOUND');
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM attempts WHERE round_id = $1', [quiz.roundId]);
    expect(count).toBe(0);

    // The organizer sees it, and once published so does everyone.
    const asOrganizer = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(quiz.organizer)).expect(200);
    expect(asOrganizer.body).toMatchObject({ contestStatus: 'draft', phase: 'open' });
    await t.http().post(`/api/contests/${quiz.contestId}/publish`).set(...bearer(quiz.organizer)).expect(200);
    await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200);
    await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    await t.http().get(`/api/rounds/${randomUUID()}`).expect(404);
  });

  it('counts live questions per topic and difficulty for the round builder', async () => {
    const a = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const b = await aTopic(t, organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    await aQuestion(a.id, 'easy');
    await aQuestion(a.id, 'easy');
    await aQuestion(a.id, 'hard');
    const archived = await aQuestion(a.id, 'hard');
    for (let i = 0; i < 3; i++) await aQuestion(b.id, 'medium');
    await t.http().delete(`/api/questions/${archived.id}`).set(...bearer(organizer)).expect(200);

    const response = await t.http().get('/api/questions/availability').set(...bearer(organizer)).expect(200);
    const mineOnly = response.body.items.filter((item: { topicId: string }) => item.topicId === a.id || item.topicId === b.id);
    expect(mineOnly).toHaveLength(3);
    expect(mineOnly).toEqual(
      expect.arrayContaining([
        { topicId: a.id, difficulty: 'easy', count: 2 },
        { topicId: a.id, difficulty: 'hard', count: 1 },
        { topicId: b.id, difficulty: 'medium', count: 3 },
      ]),
    );

    await t.http().get('/api/questions/availability').set(...bearer(member)).expect(403);
    await t.http().get('/api/questions/availability').expect(401);
  });
});
