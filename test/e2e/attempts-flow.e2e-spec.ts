import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { SystemClock } from '../../apps/api/src/common/clock.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

describe('one attempt, end to end', () => {
  let t: TestApp;
  let clock: FakeClock;
  let unitId: string;
  let quiz: QuizSetup;

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    quiz = await aQuizRound(t, unitId, { questions: 5, multiple: 1 });
  });
  afterAll(async () => t?.close());

  it('starts, saves, resumes, submits and reports the score', async () => {
    const member = await aMember(t, unitId);
    const before = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200);
    expect(before.body.me).toEqual({ attemptsUsed: 0, attemptsLeft: 3, activeAttemptId: null, best: null });
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    expect(started.body).toMatchObject({ roundId: quiz.roundId, status: 'active', attemptsLeft: 2, predictionQuestion: expect.any(String) });
    expect(started.body.questions).toHaveLength(5);
    expect(started.body.deadline).toBe(new Date(clock.now().getTime() + 600_000).toISOString());
    expect(started.body.serverTime).toBe(clock.now().toISOString());

    const specs = async () => (await t.dataSource.query('SELECT answer_specs FROM attempts WHERE id = $1', [started.body.id]))[0].answer_specs;
    // While the attempt runs, what each save may accept is stored with it.
    expect(Object.keys(await specs()).sort()).toEqual(started.body.questions.map((q: { id: string }) => q.id).sort());

    const [first, second] = started.body.questions;
    const saved = await t
      .http()
      .put(`/api/attempts/${started.body.id}/answers/${first.id}`)
      .set(...bearer(member))
      .send({ optionIds: quiz.keys.get(first.id) })
      .expect(200);
    expect(saved.body).toMatchObject({ questionId: first.id, revision: 1 });
    await t.http().put(`/api/attempts/${started.body.id}/answers/${second.id}`).set(...bearer(member)).send({ optionIds: [] }).expect(200);

    clock.advance(60_000);
    const resumed = await t.http().get(`/api/attempts/${started.body.id}`).set(...bearer(member)).expect(200);
    expect(resumed.body.questions).toEqual(started.body.questions);
    expect(resumed.body.answers).toEqual({ [first.id]: { optionIds: quiz.keys.get(first.id) }, [second.id]: { optionIds: [] } });

    const again = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(409);
    expect(again.body).toMatchObject({ code: 'ATTEMPT.ACTIVE_EXISTS', attemptId: started.body.id });

    clock.advance(30_000);
    const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction: 120 }).expect(200);
    const points = (id: string) => started.body.questions.find((q: { id: string }) => q.id === id).points;
    expect(submitted.body).toMatchObject({ status: 'submitted', score: points(first.id), maxScore: 5, correctCount: 1, durationMs: 90_000, prediction: 120 });
    expect(await specs()).toEqual({}); // a finished attempt takes no saves: only its paper is kept

    const mine = await t.http().get(`/api/rounds/${quiz.roundId}/attempts/mine`).set(...bearer(member)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: started.body.id, number: 1, status: 'submitted', best: true })]);

    await t.http().get(`/api/rounds/${quiz.roundId}/participation`).set(...bearer(member)).expect(403);
    const watched = await t.http().get(`/api/rounds/${quiz.roundId}/participation`).set(...bearer(quiz.organizer)).expect(200);
    expect(watched.body).toEqual({
      roundId: quiz.roundId,
      bucket: 'hour',
      participants: 1,
      finished: 1,
      active: 0,
      timeline: [{ at: '2026-11-26T08:00:00.000Z', started: 1, finished: 1 }],
    });
    await t.http().get(`/api/rounds/${quiz.roundId}/participation?bucket=week`).set(...bearer(quiz.organizer)).expect(400);

    const round = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200);
    expect(round.body.me).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, activeAttemptId: null, best: { attemptId: started.body.id, score: 1 } });
  });
  it('a question corrected after one start reaches the next start; the first paper keeps its version', async () => {
    const edited = await aQuizRound(t, unitId, { questions: 3 });
    const [first, second] = [await aMember(t, unitId), await aMember(t, unitId)];
    const before = await t.http().post(`/api/rounds/${edited.roundId}/attempts`).set(...bearer(first)).expect(201);
    const questionId: string = before.body.questions[0].id;
    const oldText: string = before.body.questions[0].text;
    await t.http().patch(`/api/questions/${questionId}`).set(...bearer(edited.organizer)).send({ text: 'Câu đã sửa: tuổi tối thiểu để ứng cử là bao nhiêu?' }).expect(200);

    const after = await t.http().post(`/api/rounds/${edited.roundId}/attempts`).set(...bearer(second)).expect(201);
    expect(after.body.questions.find((q: { id: string }) => q.id === questionId).text).toBe('Câu đã sửa: tuổi tối thiểu để ứng cử là bao nhiêu?');
    const resumed = await t.http().get(`/api/attempts/${before.body.id}`).set(...bearer(first)).expect(200);
    expect(resumed.body.questions.find((q: { id: string }) => q.id === questionId).text).toBe(oldText);
  });
  it('a start after the active attempt ran out finalizes it as expired, then starts the next one', async () => {
    const member = await aMember(t, unitId);
    const first = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    expect(first.body.attemptsLeft).toBe(2);
    // Past deadline + grace (10 minutes + 5 s) and nobody read the attempt: it is still stored as active.
    clock.set(new Date(new Date(first.body.deadline).getTime() + 5_001));
    const second = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    expect(second.body).toMatchObject({ status: 'active', attemptsLeft: 1 });
    expect(second.body.id).not.toBe(first.body.id);

    const mine = await t.http().get(`/api/rounds/${quiz.roundId}/attempts/mine`).set(...bearer(member)).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: first.body.id, number: 1, status: 'expired', durationMs: 600_000, best: true }),
      expect.objectContaining({ id: second.body.id, number: 2, status: 'active', best: false }),
    ]);
    const round = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200);
    expect(round.body.me).toMatchObject({ attemptsUsed: 2, attemptsLeft: 1, activeAttemptId: second.body.id });
  });
  it('a start right after the contest is finished is refused, though starts share a one-second copy of the round', async () => {
    const finished = await aQuizRound(t, unitId, { questions: 3 });
    const [first, second] = [await aMember(t, unitId), await aMember(t, unitId)];
    await t.http().post(`/api/rounds/${finished.roundId}/attempts`).set(...bearer(first)).expect(201); // the copy is taken here
    await t.http().post(`/api/contests/${finished.contestId}/finish`).set(...bearer(finished.organizer)).expect(200);
    const refused = await t.http().post(`/api/rounds/${finished.roundId}/attempts`).set(...bearer(second)).expect(409);
    expect(refused.body).toMatchObject({ code: 'ROUND.NOT_OPEN' });
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM attempts WHERE round_id = $1', [finished.roundId]);
    expect(count).toBe(1);
  });
});

/** The app's clock (a test's) behind the database's, as a start that queued behind others would see it. */
class LaggingClock extends FakeClock {
  override sqlNow(param: string): string {
    return SystemClock.prototype.sqlNow.call(this, param);
  }
}

describe('a start that waited past the close', () => {
  let t: TestApp;
  let clock: LaggingClock;
  let unitId: string;

  beforeAll(async () => {
    // The request arrived ten minutes before the database's now.
    clock = new LaggingClock(new Date(Date.now() - 10 * 60_000));
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('is refused by the database’s clock, on the one-statement path and on the locked one', async () => {
    const now = clock.now();
    // Open for the request's clock, closed a minute ago for the database.
    const closed = await aQuizRound(t, unitId, { now, round: { closesAt: new Date(now.getTime() + 9 * 60_000).toISOString() } });
    const member = await aMember(t, unitId);
    const refused = await t.http().post(`/api/rounds/${closed.roundId}/attempts`).set(...bearer(member)).expect(409);
    expect(refused.body).toMatchObject({ code: 'ROUND.NOT_OPEN' });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM attempts WHERE round_id = $1', [closed.roundId]);
    expect(n).toBe(0);

    // The same clocks with a round still open for both: the start goes through.
    const open = await aQuizRound(t, unitId, { now, round: { closesAt: new Date(now.getTime() + 2 * 3600_000).toISOString() } });
    await t.http().post(`/api/rounds/${open.roundId}/attempts`).set(...bearer(member)).expect(201);
  });
});
