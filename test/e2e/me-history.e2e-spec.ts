import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, HistoryResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

/** A member's own history across contests (API.md "Boards and exports": `GET /api/me/history`). */
describe('my history', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let unitId: string;
  let weekly: QuizSetup;
  let other: QuizSetup;
  let member: AuthResponse;
  let rival: AuthResponse;

  const history = async (as: AuthResponse, query = '') => (await t.http().get(`/api/me/history${query}`).set(...bearer(as)).expect(200)).body as HistoryResponse;

  async function play(as: AuthResponse, quiz: QuizSetup, right: number) {
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(as)).expect(201);
    for (const [index, question] of (started.body.questions as { id: string }[]).entries()) {
      if (index < right) await t.http().put(`/api/attempts/${started.body.id}/answers/${question.id}`).set(...bearer(as)).send({ optionIds: quiz.keys.get(question.id) }).expect(200);
    }
    clock.advance(60_000);
    await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(as)).send({}).expect(200);
    return started.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    const window = { opensAt: new Date(clock.now().getTime() - HOUR).toISOString(), closesAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(), freezeMinutes: 0 };
    weekly = await aQuizRound(t, unitId, { questions: 3, round: window, contest: { title: 'Tìm hiểu Nghị quyết Đại hội XIII' } });
    other = await aQuizRound(t, unitId, { questions: 3, round: { ...window, closesAt: new Date(clock.now().getTime() + 10 * HOUR).toISOString() }, contest: { title: 'Tìm hiểu Luật Bầu cử' } });
    member = await aMember(t, unitId);
    rival = await aMember(t, unitId);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is empty for a newcomer', async () => {
    expect(await history(member)).toEqual({ items: [], total: 0 });
  });

  it('lists every attempt across contests, newest first, with the live rank and then the final one', async () => {
    const first = await play(member, weekly, 1);
    await play(rival, weekly, 3);
    const second = await play(member, weekly, 2);
    const third = await play(member, other, 3);

    const live = await history(member);
    expect(live.total).toBe(3);
    expect(live.items.map((item) => [item.attemptId, item.contestTitle, item.rank])).toEqual([
      [third, 'Tìm hiểu Luật Bầu cử', 1],
      [second, 'Tìm hiểu Nghị quyết Đại hội XIII', 2],
      [first, 'Tìm hiểu Nghị quyết Đại hội XIII', 2],
    ]);
    expect(live.items[0]).toMatchObject({ contestId: other.contestId, roundId: other.roundId, roundTitle: 'Tuần 1', status: 'submitted', score: 3, maxScore: 3 });
    expect(live.items[0].durationMs).toBeGreaterThan(0);
    expect(live.items[0].submittedAt).toEqual(expect.any(String));

    // The weekly round closes: its rank is the final board's.
    clock.advance(3 * HOUR);
    await t.http().post(`/api/rounds/${weekly.roundId}/close`).set(...bearer(weekly.organizer)).send({}).expect(200);
    const closed = await history(member, '?limit=2&offset=1');
    expect(closed).toMatchObject({ total: 3 });
    expect(closed.items.map((item) => [item.attemptId, item.rank])).toEqual([
      [second, 2],
      [first, 2],
    ]);
    // Nobody else's attempts.
    expect((await history(rival)).items.map((item) => item.contestId)).toEqual([weekly.contestId]);
  });

  it('needs a signed-in member and a sane page', async () => {
    await t.http().get('/api/me/history').expect(401);
    await t.http().get('/api/me/history?limit=1000').set(...bearer(member)).expect(400);
    await t.http().get('/api/me/history?offset=-1').set(...bearer(member)).expect(400);
  });
});
