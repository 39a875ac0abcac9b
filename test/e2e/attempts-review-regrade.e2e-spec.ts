import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { AttemptsService } from '../../apps/api/src/modules/attempts/attempts.service.js';
import { aMember, aTopic, aUnit, aUserWithRoles, bearer } from '../support/builders.js';
import { FakeClock, startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

const SECOND = 1000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

type QuestionType = 'single' | 'multiple' | 'true_false';

interface BankQuestion {
  id: string;
  versionId: string;
  type: QuestionType;
  points: number;
  options: { id: string; text: string; correct: boolean }[];
  explanation: string;
}

interface PaperQuestion {
  id: string;
  type: QuestionType;
  points: number;
  options: { id: string; text: string }[];
}

interface Started {
  id: string;
  deadline: string;
  questions: PaperQuestion[];
}

const OPTIONS: Record<QuestionType, { text: string; correct: boolean }[]> = {
  single: [
    { text: '16 tuổi', correct: false },
    { text: 'Đủ 18 tuổi', correct: true },
    { text: '21 tuổi', correct: false },
  ],
  multiple: [
    { text: 'Bầu cử', correct: true },
    { text: 'Ứng cử', correct: true },
    { text: 'Bỏ phiếu thay người khác', correct: false },
    { text: 'Sửa phiếu bầu', correct: false },
  ],
  true_false: [
    { text: 'Đúng', correct: true },
    { text: 'Sai', correct: false },
  ],
};

const keyOf = (question: Pick<BankQuestion, 'options'>) => question.options.filter((o) => o.correct).map((o) => o.id);
const wrongOf = (question: Pick<BankQuestion, 'options'>) => [question.options.find((o) => !o.correct)!.id];
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** The score an answer sheet earns, all or nothing per question: computed here, not by the server. */
function expectedScore(answers: Record<string, string[]>, questions: { id: string; points: number; key: string[] }[]): number {
  return questions.reduce((sum, q) => sum + (sameSet(answers[q.id] ?? [], q.key) ? q.points : 0), 0);
}

/** Keys of responses that would give the answer key away. */
const LEAK = /"(correct|explanation)"\s*:/;

/** One app per scenario group: each has its own database and clock. */
function harness() {
  const h = {} as { t: TestApp; clock: FakeClock; unitId: string; organizer: AuthResponse };
  beforeAll(async () => {
    h.clock = new FakeClock();
    h.t = await startTestApp({ clock: h.clock });
    h.unitId = (await aUnit(h.t)).id;
    h.organizer = await aUserWithRoles(h.t, h.unitId, ['organizer']);
  });
  afterAll(async () => h.t?.close());

  const http = () => h.t.http();

  async function aQuestion(topicId: string, type: QuestionType, points: number, n: number): Promise<BankQuestion> {
    const response = await http()
      .post('/api/questions')
      .set(...bearer(h.organizer))
      .send({
        topicId,
        type,
        text: `Câu ${n}: câu hỏi ${type} về Luật Bầu cử`,
        options: OPTIONS[type],
        points,
        explanation: `Giải thích câu ${n}: Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND 2015.`,
      })
      .expect(201);
    return response.body;
  }

  /** A topic holding these questions and a published contest with one round drawing all of them. */
  async function aRound(specs: { type: QuestionType; points: number }[], round: Record<string, unknown> = {}) {
    const topic = await aTopic(h.t, h.organizer, `Chủ đề ${randomUUID().slice(0, 8)}`);
    const questions: BankQuestion[] = [];
    for (const [i, spec] of specs.entries()) questions.push(await aQuestion(topic.id, spec.type, spec.points, i + 1));
    const contest = await http()
      .post('/api/contests')
      .set(...bearer(h.organizer))
      .send({ title: 'Tìm hiểu pháp luật về bầu cử', kind: 'quiz' })
      .expect(201);
    const now = h.clock.now().getTime();
    const created = await http()
      .post(`/api/contests/${contest.body.id}/rounds`)
      .set(...bearer(h.organizer))
      .send({
        title: 'Tuần 1',
        opensAt: new Date(now - HOUR).toISOString(),
        closesAt: new Date(now + 2 * HOUR).toISOString(),
        timeLimitSeconds: 600,
        maxAttempts: 3,
        blueprint: [{ topicId: topic.id, count: specs.length }],
        predictionQuestion: 'Có bao nhiêu người tham gia tuần thi này?',
        ...round,
      })
      .expect(201);
    await http().post(`/api/contests/${contest.body.id}/publish`).set(...bearer(h.organizer)).expect(200);
    return {
      contestId: contest.body.id as string,
      roundId: created.body.id as string,
      closesAt: new Date(created.body.closesAt),
      questions,
      byId: new Map(questions.map((q) => [q.id, q])),
    };
  }

  const start = async (member: AuthResponse, roundId: string): Promise<Started> =>
    (await http().post(`/api/rounds/${roundId}/attempts`).set(...bearer(member)).expect(201)).body;

  /** Saves every answer of the sheet (questionId → option ids). */
  async function answer(member: AuthResponse, attemptId: string, sheet: Record<string, string[]>) {
    for (const [questionId, optionIds] of Object.entries(sheet)) {
      await http().put(`/api/attempts/${attemptId}/answers/${questionId}`).set(...bearer(member)).send({ optionIds }).expect(200);
    }
  }

  const submit = async (member: AuthResponse, attemptId: string, body: Record<string, unknown> = {}) =>
    (await http().post(`/api/attempts/${attemptId}/submit`).set(...bearer(member)).send(body).expect(200)).body;

  return { h, http, aRound, start, answer, submit };
}

describe('the answer key never leaks to a member who can still take the round', () => {
  const { h, http, aRound, submit } = harness();

  it('keeps "correct" and "explanation" out of every response while an attempt is active or attempts remain', async () => {
    const round = await aRound(
      [
        { type: 'single', points: 1 },
        { type: 'multiple', points: 2 },
        { type: 'true_false', points: 1 },
      ],
      { maxAttempts: 2, reviewAfter: 'submit' },
    );
    // The scan would see a key: the organizer's view of a question has one.
    const organizerView = await http().get(`/api/questions/${round.questions[0].id}`).set(...bearer(h.organizer)).expect(200);
    expect(organizerView.text).toMatch(LEAK);

    const member = await aMember(h.t, h.unitId);
    const seen: { name: string; status: number; expected: number; text: string }[] = [];
    /** Every response is kept, its status checked at the end with the scan, so one report lists every problem. */
    const record = async (name: string, expected: number, request: PromiseLike<{ status: number; text: string }>) => {
      const response = await request;
      seen.push({ name, status: response.status, expected, text: response.text });
      return JSON.parse(response.text);
    };
    const as = bearer(member);

    const attempt: Started = await record('start', 201, http().post(`/api/rounds/${round.roundId}/attempts`).set(...as));
    await record('get attempt', 200, http().get(`/api/attempts/${attempt.id}`).set(...as));
    for (const question of attempt.questions) {
      const key = keyOf(round.byId.get(question.id)!);
      await record('save', 200, http().put(`/api/attempts/${attempt.id}/answers/${question.id}`).set(...as).send({ optionIds: key }));
    }
    await record('get attempt with answers', 200, http().get(`/api/attempts/${attempt.id}`).set(...as));
    await record('prediction', 200, http().put(`/api/attempts/${attempt.id}/prediction`).set(...as).send({ prediction: 120 }));
    await record('mine', 200, http().get(`/api/rounds/${round.roundId}/attempts/mine`).set(...as));
    await record('round', 200, http().get(`/api/rounds/${round.roundId}`).set(...as));
    await record('contest', 200, http().get(`/api/contests/${round.contestId}`).set(...as));
    await record('contest list', 200, http().get('/api/contests').set(...as));
    await record('start again', 409, http().post(`/api/rounds/${round.roundId}/attempts`).set(...as));
    await record('review while active', 409, http().get(`/api/attempts/${attempt.id}/review`).set(...as));

    // Submitted, but one attempt is left: still nothing.
    await record('submit', 200, http().post(`/api/attempts/${attempt.id}/submit`).set(...as).send({}));
    await record('get submitted', 200, http().get(`/api/attempts/${attempt.id}`).set(...as));
    await record('review with an attempt left', 409, http().get(`/api/attempts/${attempt.id}/review`).set(...as));
    await record('mine after submit', 200, http().get(`/api/rounds/${round.roundId}/attempts/mine`).set(...as));
    await record('round after submit', 200, http().get(`/api/rounds/${round.roundId}`).set(...as));
    // The last attempt is running: the first one's key would answer it.
    const second: Started = await record('second start', 201, http().post(`/api/rounds/${round.roundId}/attempts`).set(...as));
    await record('get second', 200, http().get(`/api/attempts/${second.id}`).set(...as));
    await record('review first while the last one runs', 409, http().get(`/api/attempts/${attempt.id}/review`).set(...as));
    await record('review the running one', 409, http().get(`/api/attempts/${second.id}/review`).set(...as));

    expect(seen.map(({ name, status }) => ({ name, status }))).toEqual(seen.map(({ name, expected }) => ({ name, status: expected })));
    expect(seen.filter((response) => LEAK.test(response.text)).map((response) => response.name)).toEqual([]);
    for (const refusal of seen.filter((response) => response.name.startsWith('review'))) {
      expect(JSON.parse(refusal.text).code).toBe('ATTEMPT.REVIEW_NOT_AVAILABLE');
    }

    // With no attempt left the 'submit' rule shows the key: the scan above would have seen it.
    await submit(member, second.id);
    const review = await http().get(`/api/attempts/${attempt.id}/review`).set(...bearer(member)).expect(200);
    expect(review.text).toMatch(LEAK);
  });
});

describe('when a member may review an attempt', () => {
  const { h, http, aRound, start, answer, submit } = harness();
  const specs: { type: QuestionType; points: number }[] = [
    { type: 'single', points: 2 },
    { type: 'multiple', points: 3 },
    { type: 'true_false', points: 1 },
  ];

  const review = (caller: AuthResponse, attemptId: string) => http().get(`/api/attempts/${attemptId}/review`).set(...bearer(caller));

  async function expectRefused(caller: AuthResponse, attemptId: string) {
    const response = await review(caller, attemptId).expect(409);
    expect(response.body).toEqual({ statusCode: 409, code: 'ATTEMPT.REVIEW_NOT_AVAILABLE', message: 'Chưa thể xem đáp án của lượt thi này.' });
  }

  /** Right on the first question, wrong on the second, the third left unanswered. */
  async function takeOnce(member: AuthResponse, round: Awaited<ReturnType<typeof aRound>>) {
    const attempt = await start(member, round.roundId);
    const [first, second] = attempt.questions.map((q) => round.byId.get(q.id)!);
    const sheet = { [first.id]: keyOf(first), [second.id]: wrongOf(second) };
    await answer(member, attempt.id, sheet);
    const result = await submit(member, attempt.id);
    return { attempt, sheet, result };
  }

  function expectFullReview(
    body: { questions: unknown[]; score: number; maxScore: number; status: string },
    round: Awaited<ReturnType<typeof aRound>>,
    attempt: Started,
    sheet: Record<string, string[]>,
  ) {
    const questions = attempt.questions.map((paper) => {
      const bank = round.byId.get(paper.id)!;
      const chosen = sheet[paper.id] ?? [];
      const right = sameSet(chosen, keyOf(bank));
      return {
        id: paper.id,
        type: bank.type,
        text: expect.any(String),
        points: bank.points,
        // In the order the member saw them, each with the key's flag.
        options: paper.options.map((o) => ({ id: o.id, text: o.text, correct: bank.options.find((b) => b.id === o.id)!.correct })),
        chosenOptionIds: chosen,
        correct: right,
        awarded: right ? bank.points : 0,
        explanation: bank.explanation,
      };
    });
    expect(body.questions).toEqual(questions);
    const graded = round.questions.map((q) => ({ id: q.id, points: q.points, key: keyOf(q) }));
    expect(body.score).toBe(expectedScore(sheet, graded));
    expect(body.maxScore).toBe(6);
  }

  it("'submit' with one attempt: the key and explanations right after submit, not before", async () => {
    const round = await aRound(specs, { maxAttempts: 1, reviewAfter: 'submit' });
    const member = await aMember(h.t, h.unitId);
    const attempt = await start(member, round.roundId);
    await expectRefused(member, attempt.id);
    const [first, second] = attempt.questions.map((q) => round.byId.get(q.id)!);
    const sheet = { [first.id]: keyOf(first), [second.id]: wrongOf(second) };
    await answer(member, attempt.id, sheet);
    await submit(member, attempt.id);

    const response = await review(member, attempt.id).expect(200);
    expect(response.body).toMatchObject({ id: attempt.id, roundId: round.roundId, status: 'submitted' });
    expectFullReview(response.body, round, attempt, sheet);
  });

  it("'submit' with attempts left: refused until the round closes (or the attempts run out)", async () => {
    const round = await aRound(specs, { maxAttempts: 3, reviewAfter: 'submit' });
    const member = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(member, round);
    await expectRefused(member, attempt.id);
    const english = await review(member, attempt.id).set('Accept-Language', 'en').expect(409);
    expect(english.body.message).toBe('The answers of this attempt cannot be reviewed yet.');

    // Another member who used all three attempts may look now.
    const diligent = await aMember(h.t, h.unitId);
    const attempts = [];
    for (let i = 0; i < 3; i++) attempts.push(await takeOnce(diligent, round));
    await expectRefused(member, attempt.id);
    for (const taken of attempts) expectFullReview((await review(diligent, taken.attempt.id).expect(200)).body, round, taken.attempt, taken.sheet);

    h.clock.set(new Date(round.closesAt.getTime() - 1));
    await expectRefused(member, attempt.id);
    h.clock.set(round.closesAt);
    expectFullReview((await review(member, attempt.id).expect(200)).body, round, attempt, sheet);
  });

  it("'submit': refused while the member's last attempt is still running, shown once it is submitted", async () => {
    const round = await aRound(specs, { maxAttempts: 2, reviewAfter: 'submit' });
    const member = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(member, round);
    await expectRefused(member, attempt.id);
    // No attempt left to start, but the last one is running: the first one's key would answer it.
    const last = await start(member, round.roundId);
    expect(last.questions.map((q) => q.id).sort()).toEqual(attempt.questions.map((q) => q.id).sort());
    await expectRefused(member, attempt.id);
    await expectRefused(member, last.id);
    await submit(member, last.id);
    expectFullReview((await review(member, attempt.id).expect(200)).body, round, attempt, sheet);
  });

  it("'close': refused after submit, shown from closesAt on", async () => {
    const round = await aRound(specs, { maxAttempts: 1, reviewAfter: 'close' });
    const member = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(member, round);
    await expectRefused(member, attempt.id);
    h.clock.set(new Date(round.closesAt.getTime() - 1));
    await expectRefused(member, attempt.id);
    h.clock.set(new Date(round.closesAt.getTime() + 1));
    expectFullReview((await review(member, attempt.id).expect(200)).body, round, attempt, sheet);
  });

  it("'close': the key stays hidden in the grace seconds after close while another attempt can still take answers", async () => {
    const round = await aRound(specs, { maxAttempts: 1, reviewAfter: 'close' });
    const finished = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(finished, round);
    // A second member starts a minute before close: the close cuts their deadline to closesAt.
    const late = await aMember(h.t, h.unitId);
    h.clock.set(new Date(round.closesAt.getTime() - 60 * SECOND));
    const running = await start(late, round.roundId);
    expect(new Date(running.deadline).getTime()).toBe(round.closesAt.getTime());

    // Just after close: a script would read the key from the finished attempt and save it into the running one.
    h.clock.set(new Date(round.closesAt.getTime() + SECOND));
    await expectRefused(finished, attempt.id);
    const [first] = running.questions.map((q) => round.byId.get(q.id)!);
    await http().put(`/api/attempts/${running.id}/answers/${first.id}`).set(...bearer(late)).send({ optionIds: keyOf(first) }).expect(200);
    await expectRefused(finished, attempt.id);

    // Once deadline + grace has passed no attempt can take an answer: the key is shown.
    const grace = h.t.config.attemptGraceSeconds * SECOND;
    h.clock.set(new Date(round.closesAt.getTime() + grace + 1));
    expectFullReview((await review(finished, attempt.id).expect(200)).body, round, attempt, sheet);
  });

  it("'submit': a member with no attempt left does not see the key while someone else is still playing the round", async () => {
    const round = await aRound(specs, { maxAttempts: 1, reviewAfter: 'submit' });
    const playing = await aMember(h.t, h.unitId);
    const running = await start(playing, round.roundId);
    const done = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(done, round);
    await expectRefused(done, attempt.id);
    await submit(playing, running.id);
    expectFullReview((await review(done, attempt.id).expect(200)).body, round, attempt, sheet);
  });

  it("'never': always refused to the member; an organizer can always review", async () => {
    const round = await aRound(specs, { maxAttempts: 1, reviewAfter: 'never' });
    const member = await aMember(h.t, h.unitId);
    const { attempt, sheet } = await takeOnce(member, round);
    await expectRefused(member, attempt.id);
    expectFullReview((await review(h.organizer, attempt.id).expect(200)).body, round, attempt, sheet);

    // Even an attempt still running, for an organizer (disputes, support).
    const other = await aMember(h.t, h.unitId);
    const running = await start(other, round.roundId);
    const live = await review(h.organizer, running.id).expect(200);
    expect(live.body).toMatchObject({ id: running.id, status: 'active' });
    expect(live.body.questions).toHaveLength(3);
    await expectRefused(other, running.id);

    h.clock.set(new Date(round.closesAt.getTime() + DAY));
    await expectRefused(member, attempt.id);
    expectFullReview((await review(h.organizer, attempt.id).expect(200)).body, round, attempt, sheet);
  });
});

describe('regrade after a corrected key', () => {
  const { h, http, aRound, start, answer, submit } = harness();

  const t = () => h.t;

  /** Ranks by score alone (the scores used below are distinct, so no tie-break applies). */
  function ranks(scores: Map<string, number>): Map<string, number> {
    const ordered = [...scores].sort((a, b) => b[1] - a[1]);
    expect(new Set(ordered.map(([, score]) => score)).size).toBe(ordered.length);
    return new Map(ordered.map(([userId], index) => [userId, index + 1]));
  }

  async function storedScores(roundId: string) {
    return t().dataSource.query('SELECT id, status, score::float AS score, correct_count, paper FROM attempts WHERE round_id = $1 ORDER BY id', [roundId]);
  }
  async function storedParticipants(roundId: string) {
    return t().dataSource.query('SELECT * FROM round_participants WHERE round_id = $1 ORDER BY user_id', [roundId]);
  }
  async function logRows(roundId: string): Promise<number> {
    const [{ count }] = await t().dataSource.query('SELECT count(*)::int AS count FROM regrade_log WHERE round_id = $1', [roundId]);
    return count;
  }

  it('only organizers regrade or read the regrade log', async () => {
    const round = await aRound([{ type: 'single', points: 1 }]);
    const member = await aMember(h.t, h.unitId);
    expect((await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(member)).send({ dryRun: true }).expect(403)).body.code).toBe('FORBIDDEN');
    await http().post(`/api/rounds/${round.roundId}/regrade`).send({}).expect(401);
    await http().get(`/api/rounds/${round.roundId}/regrades`).set(...bearer(member)).expect(403);
    const bad = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({ dryRun: 'yes' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'dryRun' }] });
    // Nothing corrected yet: nothing to do, nothing logged.
    const idle = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({}).expect(200);
    expect(idle.body).toMatchObject({ changed: [], questions: [], rankChanges: 0, regradeId: null });
    expect(await logRows(round.roundId)).toBe(0);
  });

  it('re-scores finished attempts, moves best attempts, logs it once, and grades running attempts by the corrected key', async () => {
    const round = await aRound(
      [
        { type: 'single', points: 2 },
        { type: 'single', points: 1 },
        { type: 'true_false', points: 1 },
      ],
      { maxAttempts: 2, reviewAfter: 'close' },
    );
    const [q1, q2, q3] = round.questions;
    const [optionA, optionB, optionC] = q1.options.map((o) => o.id);
    expect(keyOf(q1)).toEqual([optionB]);
    const oldKeys = round.questions.map((q) => ({ id: q.id, points: q.points, key: keyOf(q) }));
    const newKeys = oldKeys.map((k) => (k.id === q1.id ? { ...k, key: [optionC] } : k));

    const m1 = await aMember(h.t, h.unitId, { fullName: 'Nguyễn Văn An' });
    const m2 = await aMember(h.t, h.unitId, { fullName: 'Trần Thị Bình' });
    const m3 = await aMember(h.t, h.unitId, { fullName: 'Lê Văn Cường' });
    const m4 = await aMember(h.t, h.unitId, { fullName: 'Phạm Thị Dung' });

    const sheets = {
      m1a1: { [q1.id]: [optionB], [q2.id]: keyOf(q2), [q3.id]: keyOf(q3) },
      m1a2: { [q1.id]: [optionC], [q2.id]: keyOf(q2), [q3.id]: wrongOf(q3) },
      m2: { [q1.id]: [optionC], [q2.id]: keyOf(q2), [q3.id]: keyOf(q3) },
      m3: { [q1.id]: [optionA], [q2.id]: keyOf(q2), [q3.id]: wrongOf(q3) },
    };
    const taken: Record<string, { id: string; member: AuthResponse; userId: string }> = {};
    for (const [name, member] of [
      ['m1a1', m1],
      ['m1a2', m1],
      ['m2', m2],
      ['m3', m3],
    ] as const) {
      const attempt = await start(member, round.roundId);
      await answer(member, attempt.id, sheets[name]);
      h.clock.advance(20 * SECOND);
      const result = await submit(member, attempt.id);
      // The server's grading agrees with the sheet graded here.
      expect(result.score).toBe(expectedScore(sheets[name], oldKeys));
      taken[name] = { id: attempt.id, member, userId: member.user.id };
    }
    const oldScore = (name: keyof typeof sheets) => expectedScore(sheets[name], oldKeys);
    const newScore = (name: keyof typeof sheets) => expectedScore(sheets[name], newKeys);
    expect([oldScore('m1a1'), oldScore('m1a2'), oldScore('m2'), oldScore('m3')]).toEqual([4, 1, 2, 1]);
    expect([newScore('m1a1'), newScore('m1a2'), newScore('m2'), newScore('m3')]).toEqual([2, 3, 4, 1]);

    // m4 is mid-attempt when the key is corrected: answered q1 with what will be the right option.
    const running = await start(m4, round.roundId);
    await answer(m4, running.id, { [q1.id]: [optionC], [q2.id]: keyOf(q2) });

    const corrected = await http()
      .patch(`/api/questions/${q1.id}`)
      .set(...bearer(h.organizer))
      .send({
        options: q1.options.map((o) => ({ id: o.id, text: o.text, correct: o.id === optionC })),
        explanation: 'Đã sửa đáp án: theo Luật sửa đổi, phương án thứ ba mới đúng.',
      })
      .expect(200);
    expect(corrected.body).toMatchObject({ id: q1.id, version: 2 });
    expect(corrected.body.versionId).not.toBe(q1.versionId);
    expect(corrected.body.options.map((o: { id: string }) => o.id)).toEqual([optionA, optionB, optionC]);
    expect(keyOf(corrected.body)).toEqual([optionC]);

    const expectedChanged = (['m1a1', 'm1a2', 'm2'] as const).map((name) =>
      expect.objectContaining({ attemptId: taken[name].id, oldScore: oldScore(name), newScore: newScore(name) }),
    );
    const before = new Map([
      [m1.user.id, oldScore('m1a1')],
      [m2.user.id, oldScore('m2')],
      [m3.user.id, oldScore('m3')],
    ]);
    const after = new Map([
      [m1.user.id, Math.max(newScore('m1a1'), newScore('m1a2'))],
      [m2.user.id, newScore('m2')],
      [m3.user.id, newScore('m3')],
    ]);
    const rankBefore = ranks(before);
    const rankAfter = ranks(after);
    const expectedRankChanges = [...rankAfter].filter(([userId, rank]) => rankBefore.get(userId) !== rank).length;
    expect(expectedRankChanges).toBe(2);
    const expectedQuestions = [{ questionId: q1.id, fromVersionIds: [q1.versionId], toVersionId: corrected.body.versionId }];

    // Dry run: the report, and nothing written.
    const scoresBefore = await storedScores(round.roundId);
    const participantsBefore = await storedParticipants(round.roundId);
    const dry = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({ dryRun: true }).expect(200);
    expect(dry.body).toEqual({ dryRun: true, questions: expectedQuestions, changed: expect.any(Array), rankChanges: expectedRankChanges, regradeId: null });
    expect(dry.body.changed).toHaveLength(3);
    expect(dry.body.changed).toEqual(expect.arrayContaining(expectedChanged));
    expect(await storedScores(round.roundId)).toEqual(scoresBefore);
    expect(await storedParticipants(round.roundId)).toEqual(participantsBefore);
    expect(await logRows(round.roundId)).toBe(0);
    expect((await http().get(`/api/attempts/${taken.m1a1.id}`).set(...bearer(m1)).expect(200)).body.score).toBe(oldScore('m1a1'));
    expect((await http().get(`/api/rounds/${round.roundId}/regrades`).set(...bearer(h.organizer)).expect(200)).body).toEqual({ items: [] });

    // The regrade.
    const done = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({}).expect(200);
    expect(done.body).toEqual({ dryRun: false, questions: expectedQuestions, changed: expect.any(Array), rankChanges: expectedRankChanges, regradeId: expect.any(String) });
    expect(done.body.changed).toHaveLength(3);
    expect(done.body.changed).toEqual(expect.arrayContaining(expectedChanged));

    for (const name of ['m1a1', 'm1a2', 'm2', 'm3'] as const) {
      const shown = await http().get(`/api/attempts/${taken[name].id}`).set(...bearer(taken[name].member)).expect(200);
      expect({ name, score: shown.body.score, correctCount: shown.body.correctCount }).toEqual({
        name,
        score: newScore(name),
        correctCount: newKeys.filter((k) => sameSet(sheets[name][k.id] ?? [], k.key)).length,
      });
    }
    // m1's best moves from the first attempt (4 → 2) to the second (1 → 3).
    const m1Round = await http().get(`/api/rounds/${round.roundId}`).set(...bearer(m1)).expect(200);
    expect(m1Round.body.me.best).toMatchObject({ attemptId: taken.m1a2.id, score: 3 });
    const m1Mine = await http().get(`/api/rounds/${round.roundId}/attempts/mine`).set(...bearer(m1)).expect(200);
    expect(m1Mine.body.items.map((a: { id: string; score: number; best: boolean }) => [a.id, a.score, a.best])).toEqual([
      [taken.m1a1.id, 2, false],
      [taken.m1a2.id, 3, true],
    ]);
    expect((await http().get(`/api/rounds/${round.roundId}`).set(...bearer(m2)).expect(200)).body.me.best).toMatchObject({ attemptId: taken.m2.id, score: 4 });
    expect((await http().get(`/api/rounds/${round.roundId}`).set(...bearer(m3)).expect(200)).body.me.best).toMatchObject({ attemptId: taken.m3.id, score: 1 });

    // Who, when, what.
    const log = await http().get(`/api/rounds/${round.roundId}/regrades`).set(...bearer(h.organizer)).expect(200);
    expect(log.body.items).toEqual([
      {
        id: done.body.regradeId,
        roundId: round.roundId,
        performedBy: h.organizer.user.id,
        performedAt: expect.any(String),
        questions: expectedQuestions,
        changed: expect.arrayContaining(expectedChanged),
        rankChanges: expectedRankChanges,
      },
    ]);
    expect(log.body.items[0].changed).toHaveLength(3);
    expect(Number.isNaN(Date.parse(log.body.items[0].performedAt))).toBe(false);

    // A second regrade has nothing left to do and logs nothing.
    const again = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({}).expect(200);
    expect(again.body).toEqual({ dryRun: false, questions: [], changed: [], rankChanges: 0, regradeId: null });
    expect(await logRows(round.roundId)).toBe(1);

    // m4 submits after the regrade: graded by the corrected key.
    await answer(m4, running.id, { [q3.id]: keyOf(q3) });
    const m4Sheet = { [q1.id]: [optionC], [q2.id]: keyOf(q2), [q3.id]: keyOf(q3) };
    const m4Result = await submit(m4, running.id);
    expect(m4Result.score).toBe(expectedScore(m4Sheet, newKeys));
    expect(m4Result.score).not.toBe(expectedScore(m4Sheet, oldKeys));
    expect((await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({ dryRun: true }).expect(200)).body.changed).toEqual([]);

    // Review after close shows the corrected key and explanation, against what the member chose.
    h.clock.set(new Date(round.closesAt.getTime() + 1));
    const reviewed = await http().get(`/api/attempts/${taken.m1a1.id}/review`).set(...bearer(m1)).expect(200);
    expect(reviewed.body.score).toBe(newScore('m1a1'));
    const reviewedQ1 = reviewed.body.questions.find((q: { id: string }) => q.id === q1.id);
    expect(reviewedQ1).toMatchObject({ chosenOptionIds: [optionB], correct: false, awarded: 0, explanation: 'Đã sửa đáp án: theo Luật sửa đổi, phương án thứ ba mới đúng.' });
    expect(reviewedQ1.options.filter((o: { correct: boolean }) => o.correct).map((o: { id: string }) => o.id)).toEqual([optionC]);
    const m4Review = await http().get(`/api/attempts/${running.id}/review`).set(...bearer(m4)).expect(200);
    expect(m4Review.body.questions.find((q: { id: string }) => q.id === q1.id)).toMatchObject({ chosenOptionIds: [optionC], correct: true, awarded: 2 });
  });
  it('a regrade after close re-ranks the final board: its pages, /me and the stored results', async () => {
    const round = await aRound(
      [
        { type: 'single', points: 2 },
        { type: 'true_false', points: 1 },
      ],
      { maxAttempts: 1 },
    );
    const [q1, q2] = round.questions;
    const [, optionB, optionC] = q1.options.map((o) => o.id);
    expect(keyOf(q1)).toEqual([optionB]);
    const first = await aMember(h.t, h.unitId, { fullName: 'Đỗ Văn Em' });
    const second = await aMember(h.t, h.unitId, { fullName: 'Vũ Thị Giang' });
    for (const [member, choice] of [
      [first, optionB],
      [second, optionC],
    ] as const) {
      const attempt = await start(member, round.roundId);
      await answer(member, attempt.id, { [q1.id]: [choice], [q2.id]: keyOf(q2) });
      h.clock.advance(10 * SECOND);
      await submit(member, attempt.id, { prediction: 2 });
    }
    h.clock.set(new Date(round.closesAt.getTime() + 10 * SECOND));
    await http().post(`/api/rounds/${round.roundId}/close`).set(...bearer(h.organizer)).send({}).expect(200);

    type Line = { userId: string; rank: number; score: number; predictionDiff: number | null };
    const lines = async () => {
      const { body } = await http().get(`/api/rounds/${round.roundId}/leaderboard`).expect(200);
      expect(body).toMatchObject({ final: true, actualValue: 2, total: 2 });
      return body.entries.map((e: Line) => [e.userId, e.rank, e.score, e.predictionDiff]);
    };
    expect(await lines()).toEqual([
      [first.user.id, 1, 3, 0],
      [second.user.id, 2, 1, 0],
    ]);

    await http()
      .patch(`/api/questions/${q1.id}`)
      .set(...bearer(h.organizer))
      .send({ options: q1.options.map((o) => ({ id: o.id, text: o.text, correct: o.id === optionC })) })
      .expect(200);
    const regraded = await http().post(`/api/rounds/${round.roundId}/regrade`).set(...bearer(h.organizer)).send({}).expect(200);
    expect(regraded.body.rankChanges).toBe(2);

    expect(await lines()).toEqual([
      [second.user.id, 1, 3, 0],
      [first.user.id, 2, 1, 0],
    ]);
    const mine = await http().get(`/api/rounds/${round.roundId}/leaderboard/me`).set(...bearer(second)).expect(200);
    expect(mine.body).toMatchObject({ rank: 1, total: 2, entry: { userId: second.user.id, rank: 1, score: 3 } });
    const [stored] = await t().dataSource.query('SELECT user_id, score::float AS score FROM round_results WHERE round_id = $1 AND rank = 1', [round.roundId]);
    expect(stored).toEqual({ user_id: second.user.id, score: 3 });
  });
});

describe('expiry: attempts nobody submits', () => {
  const { h, http, aRound, start, answer } = harness();
  const specs: { type: QuestionType; points: number }[] = [
    { type: 'single', points: 2 },
    { type: 'single', points: 1 },
    { type: 'true_false', points: 1 },
  ];
  const LIMIT = 60 * SECOND;

  async function storedAttempt(attemptId: string) {
    const [row] = await h.t.dataSource.query(
      'SELECT status, score::float AS score, correct_count, duration_ms, submitted_at, prediction, answer_specs FROM attempts WHERE id = $1',
      [attemptId],
    );
    const answers = await h.t.dataSource.query('SELECT question_id FROM attempt_answers WHERE attempt_id = $1 ORDER BY question_id', [attemptId]);
    return { ...row, answered: answers.map((a: { question_id: string }) => a.question_id) };
  }

  /** Points the member earns from this sheet, by the bank's key. */
  function pointsFor(round: Awaited<ReturnType<typeof aRound>>, sheet: Record<string, string[]>) {
    return expectedScore(sheet, round.questions.map((q) => ({ id: q.id, points: q.points, key: keyOf(q) })));
  }

  it('uses a 5 s grace by default', () => {
    expect(h.t.config.attemptGraceSeconds).toBe(5);
  });

  it('finalizes the attempt as expired on the next read after deadline + grace, graded from answers saved in time', async () => {
    const round = await aRound(specs, { timeLimitSeconds: 60, maxAttempts: 2 });
    const member = await aMember(h.t, h.unitId);
    const attempt = await start(member, round.roundId);
    const deadline = new Date(attempt.deadline);
    expect(deadline.getTime()).toBe(h.clock.now().getTime() + LIMIT);
    const [first, second, third] = attempt.questions.map((q) => round.byId.get(q.id)!);

    h.clock.advance(10 * SECOND);
    await answer(member, attempt.id, { [first.id]: keyOf(first) });
    // At deadline + grace exactly an answer still counts (network latency).
    h.clock.set(new Date(deadline.getTime() + 5 * SECOND));
    await answer(member, attempt.id, { [second.id]: keyOf(second) });
    const stillActive = await http().get(`/api/attempts/${attempt.id}`).set(...bearer(member)).expect(200);
    expect(stillActive.body.status).toBe('active');
    expect(stillActive.body.score).toBeUndefined();

    h.clock.advance(1);
    const expired = await http().get(`/api/attempts/${attempt.id}`).set(...bearer(member)).expect(200);
    const sheet = { [first.id]: keyOf(first), [second.id]: keyOf(second) };
    expect(expired.body).toMatchObject({
      status: 'expired',
      score: pointsFor(round, sheet),
      maxScore: 4,
      correctCount: 2,
      durationMs: LIMIT,
      submittedAt: deadline.toISOString(),
      answers: { [first.id]: { optionIds: keyOf(first) }, [second.id]: { optionIds: keyOf(second) } },
    });
    expect(await storedAttempt(attempt.id)).toMatchObject({ status: 'expired', score: pointsFor(round, sheet), duration_ms: LIMIT, answer_specs: {} });

    // Too late for the third answer; the result does not move.
    const late = await http().put(`/api/attempts/${attempt.id}/answers/${third.id}`).set(...bearer(member)).send({ optionIds: keyOf(third) }).expect(409);
    expect(late.body).toEqual({ statusCode: 409, code: 'ATTEMPT.EXPIRED', message: 'Đã hết thời gian làm bài; câu trả lời này không được ghi nhận.' });
    const lateSubmit = await http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({}).expect(200);
    expect(lateSubmit.body).toMatchObject({ status: 'expired', score: pointsFor(round, sheet), durationMs: LIMIT });
    expect((await storedAttempt(attempt.id)).answered).toHaveLength(2);

    const mine = await http().get(`/api/rounds/${round.roundId}/attempts/mine`).set(...bearer(member)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: attempt.id, status: 'expired', best: true, durationMs: LIMIT })]);
    const page = await http().get(`/api/rounds/${round.roundId}`).set(...bearer(member)).expect(200);
    expect(page.body.me).toMatchObject({ attemptsUsed: 1, attemptsLeft: 1, activeAttemptId: null, best: { attemptId: attempt.id, score: pointsFor(round, sheet) } });
  });

  it('refuses an answer after deadline + grace with 409 ATTEMPT.EXPIRED and finalizes without it', async () => {
    const round = await aRound(specs, { timeLimitSeconds: 60, maxAttempts: 2 });
    const member = await aMember(h.t, h.unitId);
    const attempt = await start(member, round.roundId);
    const [first, second] = attempt.questions.map((q) => round.byId.get(q.id)!);
    h.clock.advance(10 * SECOND);
    await answer(member, attempt.id, { [first.id]: keyOf(first) });
    h.clock.set(new Date(new Date(attempt.deadline).getTime() + 5 * SECOND + 1));

    const late = await http().put(`/api/attempts/${attempt.id}/answers/${second.id}`).set(...bearer(member)).send({ optionIds: keyOf(second) }).expect(409);
    expect(late.body.code).toBe('ATTEMPT.EXPIRED');
    expect(await storedAttempt(attempt.id)).toMatchObject({
      status: 'expired',
      score: pointsFor(round, { [first.id]: keyOf(first) }),
      correct_count: 1,
      duration_ms: LIMIT,
      answered: [first.id],
    });
    // The member may start their second attempt at once.
    await start(member, round.roundId);
  });

  it('refuses a prediction after deadline + grace with 409 ATTEMPT.EXPIRED and keeps the one given in time', async () => {
    const round = await aRound(specs, { timeLimitSeconds: 60, maxAttempts: 2 });
    const member = await aMember(h.t, h.unitId);
    const attempt = await start(member, round.roundId);
    await http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 1500 }).expect(200);
    h.clock.set(new Date(new Date(attempt.deadline).getTime() + 5 * SECOND + 1));

    const late = await http().put(`/api/attempts/${attempt.id}/prediction`).set(...bearer(member)).send({ prediction: 99 });
    const stored = await storedAttempt(attempt.id);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'ATTEMPT.EXPIRED' });
    expect(stored).toMatchObject({ status: 'expired', prediction: 1500 });
  });

  it("counts the full time limit for an expired attempt whose deadline the round's close cut short", async () => {
    const now = h.clock.now().getTime();
    const round = await aRound(specs, { timeLimitSeconds: 60, maxAttempts: 1, closesAt: new Date(now + 30 * SECOND).toISOString() });
    const member = await aMember(h.t, h.unitId);
    const attempt = await start(member, round.roundId);
    expect(attempt.deadline).toBe(round.closesAt.toISOString());
    h.clock.set(new Date(round.closesAt.getTime() + 5 * SECOND + 1));
    const expired = await http().get(`/api/attempts/${attempt.id}`).set(...bearer(member)).expect(200);
    expect(expired.body).toMatchObject({ status: 'expired', score: 0, durationMs: LIMIT, submittedAt: round.closesAt.toISOString() });
  });
});

describe('the sweeper: attempts nobody reads', () => {
  const { h, http, aRound, start, answer } = harness();
  const LIMIT = 60 * SECOND;

  async function storedAttempt(attemptId: string) {
    const [row] = await h.t.dataSource.query('SELECT status, score::float AS score, correct_count, duration_ms, submitted_at FROM attempts WHERE id = $1', [attemptId]);
    return row;
  }

  // Holds a row lock in one session while others wait: PostgreSQL server only (the embedded database
  // is one session; there the sweeper and a submit cannot interleave).
  (TEST_DB === 'server' ? it : ((() => undefined) as unknown as typeof it))(
    'a submit that arrived in time is graded as submitted with its prediction, even when the sweeper got the lock first',
    async () => {
      const sweeper = h.t.app.get(AttemptsService);
      const round = await aRound([{ type: 'single', points: 2 }], { timeLimitSeconds: 60, maxAttempts: 1 });
      const member = await aMember(h.t, h.unitId);
      const attempt = await start(member, round.roundId);
      const [q] = attempt.questions.map((p) => round.byId.get(p.id)!);
      await answer(member, attempt.id, { [q.id]: keyOf(q) });
      const deadline = new Date(attempt.deadline).getTime();
      const grace = 5 * SECOND;
      const waiting = async (count: number) => {
        for (let i = 0; i < 250; i++) {
          const [{ n }] = await h.t.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (n >= count) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`fewer than ${count} statements waiting for a lock`);
      };

      const holder = h.t.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query('SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [attempt.id]);
        // The sweeper (another replica, its clock a little ahead) reads the time, then waits for the lock.
        h.clock.set(new Date(deadline + grace + 500));
        const swept = sweeper.sweep();
        await waiting(1);
        // The member's submit arrives within the grace and queues behind the sweeper.
        h.clock.set(new Date(deadline + grace - 1));
        const submitted = http().post(`/api/attempts/${attempt.id}/submit`).set(...bearer(member)).send({ prediction: 4321 }).then((r) => r);
        await waiting(2);
        await holder.commitTransaction();
        expect(await swept).toBe(1);
        const response = await submitted;
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status: 'submitted', prediction: 4321, score: 2, submittedAt: new Date(deadline + grace - 1).toISOString() });
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      expect(await storedAttempt(attempt.id)).toMatchObject({ status: 'submitted', score: 2 });
      const [participant] = await h.t.dataSource.query('SELECT best_attempt_id, best_prediction FROM round_participants WHERE round_id = $1 AND user_id = $2', [
        round.roundId,
        member.user.id,
      ]);
      expect(participant).toEqual({ best_attempt_id: attempt.id, best_prediction: 4321 });
      // The board shows the prediction-bearing entry.
      const me = await http().get(`/api/rounds/${round.roundId}/leaderboard/me`).set(...bearer(member)).expect(200);
      expect(me.body).toMatchObject({ entry: expect.objectContaining({ score: 2 }) });
    },
  );

  it('the sweeper finalizes attempts nobody reads, only past deadline + grace, once', async () => {
    const sweeper = h.t.app.get(AttemptsService);
    const round = await aRound(
      [
        { type: 'single', points: 2 },
        { type: 'true_false', points: 1 },
      ],
      { timeLimitSeconds: 60, maxAttempts: 2 },
    );
    const early = await aMember(h.t, h.unitId);
    const later = await aMember(h.t, h.unitId);
    const first = await start(early, round.roundId);
    const [q] = first.questions.map((p) => round.byId.get(p.id)!);
    await answer(early, first.id, { [q.id]: keyOf(q) });
    h.clock.advance(30 * SECOND);
    const second = await start(later, round.roundId);

    // first: deadline + grace passed by 1 ms; second: 24 s before its deadline.
    h.clock.set(new Date(new Date(first.deadline).getTime() + 5 * SECOND + 1));
    expect(await sweeper.sweep()).toBe(1);
    expect(await storedAttempt(first.id)).toMatchObject({
      status: 'expired',
      score: q.points,
      correct_count: 1,
      duration_ms: LIMIT,
      submitted_at: new Date(first.deadline),
    });
    const [participant] = await h.t.dataSource.query('SELECT * FROM round_participants WHERE round_id = $1 AND user_id = $2', [round.roundId, early.user.id]);
    expect(participant).toMatchObject({ active_attempt_id: null, best_attempt_id: first.id, attempts_used: 1 });
    expect((await storedAttempt(second.id)).status).toBe('active');
    expect(await sweeper.sweep()).toBe(0);

    // Within the grace the second one is left alone; a millisecond later it goes.
    h.clock.set(new Date(new Date(second.deadline).getTime() + 5 * SECOND));
    expect(await sweeper.sweep()).toBe(0);
    expect((await storedAttempt(second.id)).status).toBe('active');
    h.clock.advance(1);
    expect(await sweeper.sweep()).toBe(1);
    expect(await storedAttempt(second.id)).toMatchObject({ status: 'expired', score: 0, duration_ms: LIMIT });

    // Reading it later shows the same result, not a second finalization.
    const read = await http().get(`/api/attempts/${first.id}`).set(...bearer(early)).expect(200);
    expect(read.body).toMatchObject({ status: 'expired', score: q.points, durationMs: LIMIT, submittedAt: first.deadline });
    const again = await start(early, round.roundId);
    expect((await http().get(`/api/attempts/${again.id}`).set(...bearer(early)).expect(200)).body).toMatchObject({ status: 'active', attemptsLeft: 0 });
  });
});
