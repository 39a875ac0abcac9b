import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse } from '@hoi-thi/contracts';
import { RoundCloseService } from '../../apps/api/src/modules/contests/round-close.service.js';
import { RoundCloser } from '../../apps/api/src/modules/contests/round-closer.js';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

/** Rounds close by themselves at close + grace (API.md "Rounds"), once, whatever the number of replicas. */
describe('rounds closing by themselves', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let unitId: string;
  let quiz: QuizSetup;
  let manual: QuizSetup;
  let admin: AuthResponse;
  let playing: string;
  const closesAt = new Date(clock.now().getTime() + 2 * HOUR);

  const round = (id: string) => t.http().get(`/api/rounds/${id}`).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    admin = await aUserWithRoles(t, unitId, ['admin']);
    const window = { opensAt: new Date(clock.now().getTime() - HOUR).toISOString(), closesAt: closesAt.toISOString() };
    quiz = await aQuizRound(t, unitId, { questions: 2, round: window });
    manual = await aQuizRound(t, unitId, { questions: 2, round: { ...window, predictionActual: 'manual' } });
    const done = await aMember(t, unitId);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(done)).expect(201);
    await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(done)).send({ prediction: 2 }).expect(200);
    const late = await aMember(t, unitId);
    playing = (await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(late)).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('waits for the grace seconds after the close', async () => {
    clock.set(new Date(closesAt.getTime() + 1000));
    expect(await t.app.get(RoundCloser).tick()).toEqual([]);
    expect((await round(quiz.roundId)).body.closedAt).toBeNull();
  });

  it('then closes the round once: attempts finalized, prediction value fixed, final board, audited as the system', async () => {
    clock.set(new Date(closesAt.getTime() + t.config.attemptGraceSeconds * 1000 + 1));
    // Two replicas' passes at the same moment (the same service twice here, sharing nothing but the database).
    const closing = t.app.get(RoundCloseService);
    const [a, b] = await Promise.all([closing.closeDue(), closing.closeDue()]);
    expect([...a, ...b]).toEqual([quiz.roundId]);

    const closed = (await round(quiz.roundId)).body;
    expect(closed).toMatchObject({ phase: 'closed', actualValue: 2 });
    expect(closed.closedAt).not.toBeNull();
    const attempt = await t.dataSource.query('SELECT status FROM attempts WHERE id = $1', [playing]);
    expect(attempt[0].status).toBe('expired');
    const board = (await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).expect(200)).body;
    expect(board).toMatchObject({ final: true, total: 2 });
    const results = await t.dataSource.query('SELECT count(*)::int AS n FROM round_results WHERE round_id = $1', [quiz.roundId]);
    expect(results[0].n).toBe(2);
    const audit = (await t.http().get(`/api/audit?action=round.close`).set(...bearer(admin)).expect(200)).body.items;
    expect(audit).toEqual([expect.objectContaining({ targetId: quiz.roundId, actorId: null })]);
    expect(await t.app.get(RoundCloser).tick()).toEqual([]);
  });

  it("leaves a round whose prediction value is typed in to its organizer", async () => {
    expect((await round(manual.roundId)).body.closedAt).toBeNull();
    await t.http().post(`/api/rounds/${manual.roundId}/close`).set(...bearer(manual.organizer)).send({ actualValue: 1234 }).expect(200);
    expect((await round(manual.roundId)).body).toMatchObject({ phase: 'closed', actualValue: 1234 });
  });
});
