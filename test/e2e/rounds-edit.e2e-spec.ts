import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, RoundResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Round edit and delete (API.md "Rounds"): what members were told stays true once a round opens. */
describe('editing and deleting a round', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let quiz: QuizSetup;
  let unitId: string;
  let member: AuthResponse;
  let upcomingId: string;

  const http = () => t.http();
  const patch = (id: string, body: object, as: AuthResponse = quiz.organizer) => http().patch(`/api/rounds/${id}`).set(...bearer(as)).send(body);
  const addRound = async (opensIn: number, title = 'Tuần sau') =>
    (
      await http()
        .post(`/api/contests/${quiz.contestId}/rounds`)
        .set(...bearer(quiz.organizer))
        .send({
          title,
          opensAt: new Date(clock.now().getTime() + opensIn).toISOString(),
          closesAt: new Date(clock.now().getTime() + opensIn + 7 * DAY).toISOString(),
          timeLimitSeconds: 600,
          maxAttempts: 2,
          blueprint: [{ topicId: quiz.topicId, count: 2 }],
        })
        .expect(201)
    ).body as RoundResponse;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    quiz = await aQuizRound(t, unitId, { questions: 3, now: clock.now() });
    member = await aMember(t, unitId);
    upcomingId = (await addRound(DAY)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('changes any field of a round that has not opened, checked like a new round', async () => {
    const changed = await patch(upcomingId, { title: 'Tuần 2 (sửa)', timeLimitSeconds: 900, blueprint: [{ topicId: quiz.topicId, count: 3 }], reviewAfter: 'never', freezeMinutes: 10 }).expect(200);
    expect(changed.body).toMatchObject({ title: 'Tuần 2 (sửa)', timeLimitSeconds: 900, questionCount: 3, reviewAfter: 'never', freezeMinutes: 10, maxAttempts: 2 });

    const bad = await patch(upcomingId, { closesAt: new Date(clock.now().getTime() + HOUR).toISOString(), rubric: [{ name: 'Nội dung', maxPoints: 10 }] }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['closesAt', 'rubric']);
    // The published contest's bank has 3 questions: a blueprint of 4 cannot be drawn.
    const short = await patch(upcomingId, { blueprint: [{ topicId: quiz.topicId, count: 4 }] });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('CONTEST.BLUEPRINT_UNSATISFIABLE');
    await patch(upcomingId, { timeLimitSeconds: 'soon' }).expect(400);
    await patch(upcomingId, { nonsense: 1 }).expect(400);
    const round = (await http().get(`/api/rounds/${upcomingId}`).expect(200)).body;
    expect(round).toMatchObject({ title: 'Tuần 2 (sửa)', timeLimitSeconds: 900, questionCount: 3 });
  });

  it('lets an open round change only its title and a later close', async () => {
    const started = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    const before = (await http().get(`/api/rounds/${quiz.roundId}`).expect(200)).body as RoundResponse;
    const later = new Date(new Date(before.closesAt).getTime() + DAY).toISOString();

    expect((await patch(quiz.roundId, { title: 'Tuần 1 — gia hạn', closesAt: later }).expect(200)).body).toMatchObject({ title: 'Tuần 1 — gia hạn', closesAt: later });
    const locked = await patch(quiz.roundId, { timeLimitSeconds: 60, maxAttempts: 9, closesAt: before.closesAt }).expect(400);
    expect(locked.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'timeLimitSeconds' }),
        expect.objectContaining({ field: 'maxAttempts' }),
        expect.objectContaining({ field: 'closesAt' }),
      ]),
    );
    // The attempt in progress goes on as it started.
    await http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({}).expect(200);
    expect((await http().get(`/api/rounds/${quiz.roundId}`).expect(200)).body).toMatchObject({ timeLimitSeconds: 600, maxAttempts: 3, closesAt: later });
  });

  it('refuses to delete a round that has opened or has attempts, deletes an untouched one', async () => {
    expect((await http().delete(`/api/rounds/${quiz.roundId}`).set(...bearer(quiz.organizer)).expect(409)).body.code).toBe('ROUND.LOCKED');
    const spare = await addRound(2 * DAY, 'Vòng dự phòng');
    await http().delete(`/api/rounds/${spare.id}`).set(...bearer(quiz.organizer)).expect(204);
    await http().get(`/api/rounds/${spare.id}`).expect(404);
    await http().delete(`/api/rounds/${spare.id}`).set(...bearer(quiz.organizer)).expect(404);
    expect((await http().get(`/api/rounds/${quiz.roundId}`).expect(200)).body.id).toBe(quiz.roundId);
  });

  it('leaves rounds to the contest managers', async () => {
    const foreign = await aUserWithRoles(t, unitId, ['organizer']);
    expect((await patch(upcomingId, { title: 'Của tôi' }, foreign).expect(403)).body.code).toBe('CONTEST.NOT_MANAGER');
    expect((await http().delete(`/api/rounds/${upcomingId}`).set(...bearer(foreign)).expect(403)).body.code).toBe('CONTEST.NOT_MANAGER');
    await patch(upcomingId, { title: 'Của tôi' }, member).expect(403);
    await http().patch(`/api/rounds/${upcomingId}`).send({ title: 'x' }).expect(401);
  });

  it('locks a closed round', async () => {
    clock.advance(30 * DAY);
    expect((await patch(quiz.roundId, { title: 'Sau khi đóng' }).expect(409)).body.code).toBe('ROUND.LOCKED');
    expect((await http().get(`/api/rounds/${quiz.roundId}`).expect(200)).body.title).toBe('Tuần 1 — gia hạn');
  });

  it('records every edit and delete in the audit log', async () => {
    const admin = await aUserWithRoles(t, unitId, ['admin']);
    const items = (await http().get('/api/audit?limit=100').set(...bearer(admin)).expect(200)).body.items as { action: string; targetId: string; details: { fields?: string[] } }[];
    const updates = items.filter((entry) => entry.action === 'round.update');
    expect(updates.map((entry) => entry.targetId).sort()).toEqual([quiz.roundId, upcomingId].sort());
    expect(items.filter((entry) => entry.action === 'round.delete')).toHaveLength(1);
  });
});
