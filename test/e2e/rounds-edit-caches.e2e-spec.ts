import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The processes keep copies of rounds (boards: a 1-second copy; starts: a 1-second copy; submits: the
 * grading rules of an open round). Every write to a round drops them (RoundChanges), so a read right
 * after an edit already sees it: each test reads, edits, and reads again within the copies' lifetime.
 */
describe('a round edit is seen at once through every cached read', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let unitId: string;

  const http = () => t.http();
  const patch = (quiz: QuizSetup, body: object) => http().patch(`/api/rounds/${quiz.roundId}`).set(...bearer(quiz.organizer)).send(body).expect(200);
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('boards: a round moved out of its freeze shows the live board to the next read', async () => {
    const quiz = await aQuizRound(t, unitId, { questions: 2, now: clock.now(), round: { closesAt: at(5 * MINUTE), freezeMinutes: 10 } });
    const member = await aMember(t, unitId);
    const board = async () => (await http().get(`/api/rounds/${quiz.roundId}/leaderboard`).expect(200)).body;
    const mine = async (as: AuthResponse) => (await http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(as)).expect(200)).body;
    expect(await board()).toMatchObject({ frozen: true, frozenAt: at(-5 * MINUTE) });
    expect(await mine(member)).toMatchObject({ frozen: true });

    await patch(quiz, { closesAt: at(DAY) });
    expect(await board()).toMatchObject({ frozen: false, frozenAt: null });
    expect(await mine(member)).toMatchObject({ frozen: false });
  });

  it('starts: a round closing later gives the next attempt its full time', async () => {
    const quiz = await aQuizRound(t, unitId, { questions: 2, now: clock.now(), round: { closesAt: at(5 * MINUTE), timeLimitSeconds: 600 } });
    const start = async () => (await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(await aMember(t, unitId))).expect(201)).body;
    // Ten minutes allowed, five left: the close cuts the first attempt short.
    expect((await start()).deadline).toBe(at(5 * MINUTE));

    await patch(quiz, { closesAt: at(DAY) });
    expect((await start()).deadline).toBe(at(10 * MINUTE));
  });

  it('grading: a grading mode changed before the round opens grades its first submit', async () => {
    const quiz = await aQuizRound(t, unitId, { questions: 1, multiple: 1, now: clock.now(), round: { opensAt: at(HOUR), closesAt: at(DAY), gradingMode: 'all_or_nothing' } });
    // Item analysis reads the round's grading rules before the round opens (the process keeps them once it has).
    const analysis = await http().get(`/api/rounds/${quiz.roundId}/item-analysis`).set(...bearer(quiz.organizer)).expect(200);
    expect(analysis.body).toEqual({ attempts: 0, alpha: null, items: [] });

    await patch(quiz, { gradingMode: 'partial' });
    clock.advance(2 * HOUR);
    const member = await aMember(t, unitId);
    const started = (await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201)).body;
    const [question] = started.questions as { id: string; points: number }[];
    const [oneOfTwo] = quiz.keys.get(question.id)!;
    await http().put(`/api/attempts/${started.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: [oneOfTwo] }).expect(200);
    const submitted = await http().post(`/api/attempts/${started.id}/submit`).set(...bearer(member)).send({}).expect(200);
    // All or nothing would give 0: half the key earns half the points.
    expect(submitted.body).toMatchObject({ status: 'submitted', score: question.points / 2, correctCount: 0 });
  });
});
