import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Test } from 'supertest';
import type { AuthResponse, ContestManagerResponse, ContestResponse, RoundPreviewResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { anEssayRound, essayBody, insertPeople } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Per-contest ownership (API.md "Contest managers", issue 15 item 6): only a contest's managers and
 * admins act on it; its managers and judges cannot compete in it; a preview paper is never recorded.
 */
describe('contest managers', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let unitId: string;
  let admin: AuthResponse;
  let quiz: QuizSetup;
  let owner: AuthResponse;
  let foreign: AuthResponse;
  let member: AuthResponse;
  let memberAttemptId: string;

  const http = () => t.http();
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    admin = await aUserWithRoles(t, unitId, ['admin']);
    quiz = await aQuizRound(t, unitId, { questions: 3, now: clock.now(), round: { reviewAfter: 'submit' } });
    owner = quiz.organizer;
    foreign = await aUserWithRoles(t, unitId, ['organizer']);
    member = await aMember(t, unitId);
    const started = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    memberAttemptId = started.body.id;
    await http().post(`/api/attempts/${memberAttemptId}/submit`).set(...bearer(member)).send({}).expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists the creator as the manager and tells each caller whether they manage it', async () => {
    const as = async (who?: AuthResponse) => {
      const request = http().get(`/api/contests/${quiz.contestId}`);
      return ((who ? await request.set(...bearer(who)) : await request).body as ContestResponse);
    };
    expect(await as(owner)).toMatchObject({ managerIds: [owner.user.id], canManage: true });
    expect((await as(foreign)).canManage).toBe(false);
    expect((await as(admin)).canManage).toBe(true);
    expect((await as(member)).canManage).toBe(false);
    expect((await as()).canManage).toBe(false);
  });

  it("refuses every organizer action of another organizer's contest with 403 CONTEST.NOT_MANAGER, changing nothing", async () => {
    const before = { attempts: await count('attempts'), results: await count('round_results'), audit: await count('audit_log') };
    const round = `/api/rounds/${quiz.roundId}`;
    const contest = `/api/contests/${quiz.contestId}`;
    const refused: [string, Test][] = [
      ['PATCH contest', http().patch(contest).send({ title: 'Đổi tên' })],
      ['POST rounds', http().post(`${contest}/rounds`).send({ title: 'Tuần 2' })],
      ['POST finish', http().post(`${contest}/finish`)],
      ['GET managers', http().get(`${contest}/managers`)],
      ['PUT managers', http().put(`${contest}/managers`).send({ userIds: [foreign.user.id] })],
      ['POST regrade', http().post(`${round}/regrade`).send({ dryRun: true })],
      ['GET participation', http().get(`${round}/participation`)],
      ['GET regrades', http().get(`${round}/regrades`)],
      ['GET round export', http().get(`${round}/leaderboard/export`)],
      ['GET contest export', http().get(`${contest}/leaderboard/export`)],
      ['GET unit export', http().get(`${contest}/leaderboard/units/export`)],
      ['POST close', http().post(`${round}/close`).send({})],
      ['POST preview', http().post(`${round}/preview`)],
      ['PATCH round', http().patch(round).send({ title: 'Của tôi' })],
      ['DELETE round', http().delete(round)],
    ];
    const outcomes = [];
    for (const [label, request] of refused) {
      const response = await request.set(...bearer(foreign));
      outcomes.push([label, response.status, response.body.code]);
    }
    expect(outcomes).toEqual(refused.map(([label]) => [label, 403, 'CONTEST.NOT_MANAGER']));
    // Another member's attempt does not exist for them (its answers, and the key in its review).
    await http().get(`/api/attempts/${memberAttemptId}`).set(...bearer(foreign)).expect(404);
    await http().get(`/api/attempts/${memberAttemptId}/review`).set(...bearer(foreign)).expect(404);
    // Unknown ids are still "not found"; a member is still "forbidden".
    expect((await http().post('/api/rounds/00000000-0000-4000-8000-000000000000/close').set(...bearer(foreign)).send({})).body.code).toBe('ROUND.NOT_FOUND');
    expect((await http().post(`${round}/close`).set(...bearer(member)).send({})).status).toBe(403);
    const after = { attempts: await count('attempts'), results: await count('round_results'), audit: await count('audit_log') };
    expect(after).toEqual(before);
    const unchanged = (await http().get(contest).set(...bearer(owner))).body as ContestResponse;
    expect(unchanged).toMatchObject({ title: 'Tìm hiểu pháp luật về bầu cử', status: 'published', managerIds: [owner.user.id] });
    expect(unchanged.rounds).toHaveLength(1);
    expect(unchanged.rounds[0].closedAt).toBeNull();
  });

  it('lets the manager and an admin act', async () => {
    await http().get(`/api/rounds/${quiz.roundId}/participation`).set(...bearer(owner)).expect(200);
    await http().get(`/api/rounds/${quiz.roundId}/participation`).set(...bearer(admin)).expect(200);
    await http().get(`/api/attempts/${memberAttemptId}/review`).set(...bearer(owner)).expect(200);
    const managers = (await http().get(`/api/contests/${quiz.contestId}/managers`).set(...bearer(admin)).expect(200)).body as ContestManagerResponse[];
    expect(managers).toEqual([{ id: owner.user.id, fullName: owner.user.fullName, email: owner.user.email }]);
  });

  it('refuses a manager or judge of the contest as a contestant', async () => {
    const before = await count('attempts');
    const start = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(owner)).expect(403);
    expect(start.body.code).toBe('ROUND.STAFF_CANNOT_COMPETE');
    expect(await count('attempts')).toBe(before);
    // An organizer who does not manage it may take part like anyone.
    await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(foreign)).expect(201);
  });

  it('gives managers a preview paper with its key, and records nothing', async () => {
    const before = { attempts: await count('attempts'), participants: await count('round_participants'), results: await count('round_results') };
    const first = (await http().post(`/api/rounds/${quiz.roundId}/preview`).set(...bearer(owner)).expect(200)).body as RoundPreviewResponse;
    expect(first.questions).toHaveLength(3);
    expect(first.maxScore).toBe(first.questions.reduce((sum, q) => sum + q.points, 0));
    for (const question of first.questions) {
      expect(question.options.filter((o) => o.correct).map((o) => o.id).sort()).toEqual([...quiz.keys.get(question.id)!].sort());
    }
    const second = (await http().post(`/api/rounds/${quiz.roundId}/preview`).set(...bearer(admin)).expect(200)).body as RoundPreviewResponse;
    expect(second.seed).not.toBe(first.seed);
    expect((await http().post(`/api/rounds/${quiz.roundId}/preview`).set(...bearer(member))).status).toBe(403);
    expect({ attempts: await count('attempts'), participants: await count('round_participants'), results: await count('round_results') }).toEqual(before);
  });

  it('replaces the managers: organizers only, never a contestant, at least one; audited', async () => {
    const put = (userIds: string[], as: AuthResponse = owner) => http().put(`/api/contests/${quiz.contestId}/managers`).set(...bearer(as)).send({ userIds });
    const another = await aUserWithRoles(t, unitId, ['organizer']);
    expect((await put([owner.user.id, member.user.id]).expect(400)).body.code).toBe('CONTEST.MANAGER_NOT_ORGANIZER');
    // `foreign` took part above: a contestant cannot become a manager.
    expect((await put([owner.user.id, foreign.user.id]).expect(409)).body.code).toBe('CONTEST.MANAGER_IS_CONTESTANT');
    expect((await put([]).expect(400)).body.code).toBe('VALIDATION');
    expect((await put(['not-a-uuid']).expect(400)).body.code).toBe('VALIDATION');

    const saved = (await put([owner.user.id, another.user.id]).expect(200)).body as ContestManagerResponse[];
    expect(saved.map((m) => m.id)).toEqual([owner.user.id, another.user.id]);
    await http().patch(`/api/contests/${quiz.contestId}`).set(...bearer(another)).send({ description: 'Do ban tổ chức mới cập nhật' }).expect(200);
    // The owner hands the contest over entirely and loses it.
    await put([another.user.id]).expect(200);
    expect((await http().get(`/api/rounds/${quiz.roundId}/participation`).set(...bearer(owner))).body.code).toBe('CONTEST.NOT_MANAGER');
    const audit = (await http().get('/api/audit?action=contest.managers').set(...bearer(admin)).expect(200)).body.items;
    expect(audit).toContainEqual(
      expect.objectContaining({ actorId: owner.user.id, targetId: quiz.contestId, details: { from: [owner.user.id, another.user.id], to: [another.user.id] } }),
    );
    // Restore for the freeze test.
    await put([owner.user.id], another).expect(200);
  });

  it('shows the live board during the freeze to managers only', async () => {
    const [round] = ((await http().get(`/api/contests/${quiz.contestId}`).set(...bearer(owner))).body as ContestResponse).rounds;
    clock.set(new Date(new Date(round.closesAt).getTime() - 10 * MINUTE));
    const board = (as: AuthResponse) => http().get(`/api/rounds/${quiz.roundId}/leaderboard`).set(...bearer(as)).expect(200);
    expect((await board(owner)).body.frozen).toBe(false);
    expect((await board(admin)).body.frozen).toBe(false);
    expect((await board(foreign)).body.frozen).toBe(true);
    expect((await board(member)).body.frozen).toBe(true);
  });
});

describe('essay contest staff', () => {
  let t: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    t = await startTestApp({ clock });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses entries from managers and judges, and a contestant as a judge', async () => {
    const unitId = (await aUnit(t)).id;
    const [organizer, author, judgeWhoWrote, judgeA, judgeB, stranger] = await insertPeople(t, [
      { unitId, roles: ['organizer'] },
      { unitId },
      { unitId, roles: ['member', 'judge'] },
      // Judges from no unit: a judge of the authors' unit would be a conflict of interest.
      { unitId: null, roles: ['judge'] },
      { unitId: null, roles: ['judge'] },
      { unitId, roles: ['organizer'] },
    ]);
    const { contestId, roundId } = await anEssayRound(t, organizer, { now: clock.now() });
    const submit = (who: { accessToken: string }, round = roundId) =>
      t.http().post(`/api/rounds/${round}/entries`).set(...bearer(who)).send({ title: 'Người thợ', body: essayBody(40) });

    expect((await submit(organizer).expect(403)).body.code).toBe('ROUND.STAFF_CANNOT_COMPETE');
    const entry = (await submit(author).expect(201)).body;
    await submit(judgeWhoWrote).expect(201);
    // Another organizer does not see the entry (it carries the author's name).
    await t.http().get(`/api/entries/${entry.id}`).set(...bearer(stranger)).expect(404);
    expect((await t.http().get(`/api/rounds/${roundId}/entries`).set(...bearer(stranger))).body.code).toBe('CONTEST.NOT_MANAGER');

    clock.advance(8 * DAY);
    const assign = (judgeIds: string[]) => t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds });
    const refused = await assign([judgeWhoWrote.id, judgeA.id, judgeB.id]).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'judgeIds.0' })]);
    await assign([judgeA.id, judgeB.id]).expect(201);

    // A judge of the contest cannot enter its next round.
    const next = await anEssayRound(t, organizer, { now: clock.now(), contestId });
    expect((await submit(judgeA, next.roundId).expect(403)).body.code).toBe('ROUND.STAFF_CANNOT_COMPETE');
    await submit(author, next.roundId).expect(201);
  });
});
