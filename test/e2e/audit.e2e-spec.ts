import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditEntryResponse, AuthResponse } from '@hoi-thi/contracts';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service.js';
import { asTx } from '../../apps/api/src/common/database/tx.js';
import { aMember, aQuizRound, aTopic, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const AIKEN = Buffer.from(
  ['Cử tri đủ bao nhiêu tuổi thì được bầu cử?', 'A. 16 tuổi', 'B. Đủ 18 tuổi', 'C. 21 tuổi', 'ANSWER: B', '', 'Ai được ứng cử đại biểu Quốc hội?', 'A. Công dân đủ 21 tuổi', 'B. Mọi người', 'ANSWER: A', ''].join('\n'),
);

/**
 * The audit log (API.md "Audit"): organizer and admin actions done through the API are there, with
 * actor, target and details, newest first; only admins read it; nobody changes or deletes it.
 */
describe('audit log', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let admin: AuthResponse;
  let member: AuthResponse;
  let quiz: QuizSetup;
  let importTopicId: string;
  let updatedId: string;
  let archivedId: string;

  const http = () => t.http();
  const audit = (query = '', as: AuthResponse = admin) => http().get(`/api/audit${query}`).set(...bearer(as));
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS count FROM audit_log'))[0].count as number;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const unitId = (await aUnit(t)).id;
    admin = await aUserWithRoles(t, unitId, ['admin']);
    member = await aMember(t, unitId);
    // One action a minute, so "newest first" has one answer.
    quiz = await aQuizRound(t, unitId, { questions: 3, now: clock.now() }); // contest.publish by the organizer
    const [first, second] = [...quiz.keys.keys()];
    updatedId = first;
    archivedId = second;

    clock.advance(MINUTE);
    await http().patch(`/api/questions/${first}`).set(...bearer(quiz.organizer)).send({ points: 2 }).expect(200);

    clock.advance(MINUTE);
    await http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(quiz.organizer)).send({ dryRun: true }).expect(200);
    await http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(quiz.organizer)).send({}).expect(200);

    clock.advance(MINUTE);
    importTopicId = (await aTopic(t, quiz.organizer, 'Nhập từ Aiken')).id;
    const dry = http().post('/api/questions/import').set(...bearer(quiz.organizer)).field('format', 'aiken').field('topicId', importTopicId).field('dryRun', 'true');
    await dry.attach('file', AIKEN, 'bank.txt').expect(200);
    await http().post('/api/questions/import').set(...bearer(quiz.organizer)).field('format', 'aiken').field('topicId', importTopicId).attach('file', AIKEN, 'bank.txt').expect(201);

    clock.advance(MINUTE);
    await http().delete(`/api/questions/${second}`).set(...bearer(quiz.organizer)).expect(200);
    await http().delete(`/api/questions/${second}`).set(...bearer(quiz.organizer)).expect(200); // idempotent: not a second entry

    clock.advance(MINUTE);
    await http().put(`/api/users/${member.user.id}/roles`).set(...bearer(admin)).send({ roles: ['member', 'judge'] }).expect(200);

    clock.advance(8 * DAY);
    await http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(200);

    clock.advance(MINUTE);
    await http().post(`/api/contests/${quiz.contestId}/finish`).set(...bearer(quiz.organizer)).expect(200);
  });
  afterAll(async () => t?.close());

  it('lists every action, newest first, with actor, target and details', async () => {
    const response = await audit().expect(200);
    const { items, total } = response.body as { items: AuditEntryResponse[]; total: number };
    expect(total).toBe(8);
    expect(items.map((e) => e.action)).toEqual([
      'contest.finish',
      'round.close',
      'user.roles',
      'question.archive',
      'question.import',
      'round.regrade',
      'question.update',
      'contest.publish',
    ]);
    const byAction = new Map(items.map((e) => [e.action, e]));
    const organizerName = 'Cán bộ organizer';
    expect(byAction.get('contest.publish')).toEqual({
      id: expect.any(String),
      at: '2026-11-26T08:00:00.000Z',
      actorId: quiz.organizer.user.id,
      actorName: organizerName,
      action: 'contest.publish',
      targetType: 'contest',
      targetId: quiz.contestId,
      details: { title: 'Tìm hiểu pháp luật về bầu cử', rounds: 1 },
    });
    expect(byAction.get('question.update')).toMatchObject({ actorId: quiz.organizer.user.id, targetType: 'question', targetId: updatedId, details: { version: 2, versionId: expect.any(String) } });
    expect(byAction.get('round.regrade')).toMatchObject({
      actorId: quiz.organizer.user.id,
      targetType: 'round',
      targetId: quiz.roundId,
      details: { questionIds: [], changedAttempts: 0, rankChanges: 0 },
    });
    expect(byAction.get('question.import')).toMatchObject({ targetType: 'topic', targetId: importTopicId, details: { format: 'aiken', created: 2, duplicatesSkipped: 0 } });
    expect(byAction.get('question.archive')).toMatchObject({ actorName: organizerName, targetType: 'question', targetId: archivedId, details: {} });
    expect(byAction.get('user.roles')).toMatchObject({
      actorId: admin.user.id,
      actorName: 'Cán bộ admin',
      targetType: 'user',
      targetId: member.user.id,
      details: { from: ['member'], to: ['member', 'judge'] },
    });
    expect(byAction.get('round.close')).toMatchObject({ targetType: 'round', targetId: quiz.roundId, details: { actualValue: 0, participants: 0 } });
    expect(byAction.get('contest.finish')).toMatchObject({ at: new Date(clock.now()).toISOString(), targetType: 'contest', targetId: quiz.contestId });
  });

  it('filters by action and by actor, and pages', async () => {
    const closes = (await audit('?action=round.close').expect(200)).body;
    expect(closes.total).toBe(1);
    expect(closes.items[0]).toMatchObject({ action: 'round.close', targetId: quiz.roundId });

    const byAdmin = (await audit(`?actorId=${admin.user.id}`).expect(200)).body;
    expect(byAdmin).toMatchObject({ total: 1, items: [{ action: 'user.roles' }] });
    const byOrganizer = (await audit(`?actorId=${quiz.organizer.user.id}&action=question.archive`).expect(200)).body;
    expect(byOrganizer).toMatchObject({ total: 1, items: [{ targetId: archivedId }] });
    expect((await audit(`?actorId=${member.user.id}`).expect(200)).body).toEqual({ items: [], total: 0 });

    const page = (await audit('?limit=3&offset=2').expect(200)).body;
    expect(page.total).toBe(8);
    expect(page.items.map((e: AuditEntryResponse) => e.action)).toEqual(['user.roles', 'question.archive', 'question.import']);
    const last = (await audit('?limit=3&offset=6').expect(200)).body;
    expect(last.items.map((e: AuditEntryResponse) => e.action)).toEqual(['question.update', 'contest.publish']);
  });

  it('refuses bad queries with the field in error', async () => {
    for (const [query, field] of [
      ['?limit=101', 'limit'],
      ['?limit=0', 'limit'],
      ['?offset=-1', 'offset'],
      ['?action=contest.delete', 'action'],
      ['?actorId=not-a-uuid', 'actorId'],
      ['?sort=at', 'sort'],
    ]) {
      const response = await audit(query);
      expect({ query, status: response.status, code: response.body.code, field: response.body.details?.[0]?.field }).toEqual({ query, status: 400, code: 'VALIDATION', field });
    }
    expect((await audit('?limit=100').expect(200)).body.items).toHaveLength(8);
  });

  it('is for admins only: 403 for organizers and members, 401 without a token', async () => {
    expect((await audit('', quiz.organizer).expect(403)).body.code).toBe('FORBIDDEN');
    // The member's roles changed above, so the token it had is refused (401); a new sign-in is a judge's, not an admin's.
    expect((await audit('', member).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    const again = (await http().post('/api/auth/refresh').send({ refreshToken: member.refreshToken }).expect(200)).body;
    expect((await audit('', again).expect(403)).body.code).toBe('FORBIDDEN');
    await http().get('/api/audit').expect(401);
  });

  it('records nothing for a refused action, a dry run or an action that changed nothing', async () => {
    const before = await count();
    await http().post(`/api/contests/${quiz.contestId}/publish`).set(...bearer(quiz.organizer)).expect(409);
    await http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(409);
    await http().put(`/api/users/${member.user.id}/roles`).set(...bearer(quiz.organizer)).send({ roles: ['admin'] }).expect(403);
    expect(await count()).toBe(before);
  });

  it('commits an entry with the transaction of the action it records, or not at all', async () => {
    const service = t.app.get(AuditService);
    const before = await count();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await service.record({ actorId: admin.user.id, action: 'contest.finish', targetType: 'contest', targetId: quiz.contestId }, asTx(manager));
        throw new Error('the action failed after recording');
      }),
    ).rejects.toThrow('the action failed');
    expect(await count()).toBe(before);
  });

  it('cannot be changed or deleted: no route, and the database refuses', async () => {
    const [entry] = (await audit('?limit=1').expect(200)).body.items as AuditEntryResponse[];
    for (const method of ['put', 'patch', 'delete'] as const) {
      const response = await http()[method](`/api/audit/${entry.id}`).set(...bearer(admin)).send({ action: 'contest.publish' });
      expect([method, response.status]).toEqual([method, 404]);
    }
    expect((await http().delete('/api/audit').set(...bearer(admin))).status).toBe(404);
    expect((await http().post('/api/audit').set(...bearer(admin)).send({ action: 'contest.publish' })).status).toBe(404);

    const before = await count();
    await expect(t.dataSource.query(`UPDATE audit_log SET details = '{"forged": true}' WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_log WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
    expect((await audit('?limit=1').expect(200)).body.items[0]).toEqual(entry);
  });
});
