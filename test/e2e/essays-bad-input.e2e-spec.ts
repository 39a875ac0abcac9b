import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AssignmentSummary } from '@hoi-thi/contracts';
import { aQuizRound, bearer } from '../support/builders.js';
import { anEssayRound, essayBody, insertPeople, insertUnitTree, type Person, scoresOf } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

describe('essays: bad input gets a clear 4xx with a stable code, and changes nothing', () => {
  let t: TestApp;
  let clock: FakeClock;
  let units: Map<string, string>;
  let organizer: Person;
  let members: Person[];
  let judges: Person[];
  let contestId: string;
  let roundId: string;
  let entryId: string;

  const entryRow = async (id: string) => (await t.dataSource.query('SELECT title, body, word_count FROM essay_entries WHERE id = $1', [id]))[0];
  const entryCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM essay_entries WHERE round_id = $1', [roundId]))[0].n as number;

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    units = await insertUnitTree(t, { province: null, n1: 'province', s1: 'province' });
    [organizer] = await insertPeople(t, [{ unitId: units.get('province')!, roles: ['organizer'] }]);
    members = await insertPeople(t, [{ unitId: units.get('n1')! }, { unitId: units.get('s1')! }, { unitId: units.get('s1')! }]);
    judges = await insertPeople(t, [{ unitId: null, roles: ['judge'] }, { unitId: null, roles: ['judge'] }]);
    ({ contestId, roundId } = await anEssayRound(t, organizer, { now: clock.now(), round: { minWords: 5, maxWords: 50, judgesPerEntry: 1 } }));
  });
  afterAll(async () => t?.close());

  const submit = (member: Person, body: object, round = roundId) => t.http().post(`/api/rounds/${round}/entries`).set(...bearer(member)).send(body);

  it('refuses a body outside the word limits, saying how many words and which limit', async () => {
    const short = await submit(members[0], { title: 'Ngắn', body: 'Bốn chữ thôi mà' }).expect(400);
    expect(short.body).toMatchObject({ code: 'ENTRY.TOO_FEW_WORDS', wordCount: 4, limit: 5, message: 'Bài viết có 4 chữ, ít hơn mức tối thiểu 5 chữ.' });
    const long = await submit(members[0], { title: 'Dài', body: essayBody(51) }).set('Accept-Language', 'en').expect(400);
    expect(long.body).toMatchObject({ code: 'ENTRY.TOO_MANY_WORDS', wordCount: 51, limit: 50, message: 'The essay has 51 words, more than the maximum of 50.' });
    expect(await entryCount()).toBe(0);
  });

  it('refuses malformed bodies by field', async () => {
    const cases: [object, string][] = [
      [{ title: 'Không có bài' }, 'body'],
      [{ body: essayBody(10) }, 'title'],
      [{ title: 'x'.repeat(301), body: essayBody(10) }, 'title'],
      [{ title: 'Thừa', body: essayBody(10), authorId: members[1].id }, 'authorId'],
      [{ title: 'Sai kiểu', body: 42 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await submit(members[0], body).expect(400);
      expect(response.body.code).toBe('VALIDATION');
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect(await entryCount()).toBe(0);
  });

  it('takes one entry per member and round', async () => {
    const first = await submit(members[0], { title: 'Bài của tôi', body: essayBody(10) }).expect(201);
    entryId = first.body.id;
    const again = await submit(members[0], { title: 'Bài thứ hai', body: essayBody(12) }).expect(409);
    expect(again.body).toMatchObject({ code: 'ENTRY.ALREADY_SUBMITTED', entryId });
    expect(await entryCount()).toBe(1);
  });

  it('keeps the entry as it was when an edit is refused', async () => {
    const before = await entryRow(entryId);
    expect((await t.http().put(`/api/entries/${entryId}`).set(...bearer(members[0])).send({ title: 'Dài', body: essayBody(60) }).expect(400)).body.code).toBe('ENTRY.TOO_MANY_WORDS');
    const other = await t.http().put(`/api/entries/${entryId}`).set(...bearer(members[1])).send({ title: 'Của người khác', body: essayBody(10) }).expect(404);
    expect(other.body.code).toBe('ENTRY.NOT_FOUND');
    await t.http().get(`/api/entries/${entryId}`).set(...bearer(members[1])).expect(404);
    await t.http().put('/api/entries/not-a-uuid').set(...bearer(members[0])).send({ title: 'x', body: essayBody(10) }).expect(400);
    expect(await entryRow(entryId)).toEqual(before);
  });

  it('refuses members without a unit, outside the eligible units, or in a round that is not an essay round', async () => {
    const [staff] = await insertPeople(t, [{ unitId: null }]);
    expect((await submit(staff, { title: 'Không đơn vị', body: essayBody(10) }).expect(403)).body.code).toBe('ENTRY.UNIT_REQUIRED');

    const limited = await t.http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Chỉ cho s1', kind: 'essay', eligibleUnitIds: [units.get('s1')] }).expect(201);
    const { roundId: limitedRound } = await anEssayRound(t, organizer, { now: clock.now(), contestId: limited.body.id });
    expect((await submit(members[0], { title: 'Ngoài đối tượng', body: essayBody(10) }, limitedRound).expect(404)).body.code).toBe('ROUND.NOT_FOUND');
    await t.http().post(`/api/contests/${limited.body.id}/publish`).set(...bearer(organizer)).expect(200);
    expect((await submit(members[0], { title: 'Ngoài đối tượng', body: essayBody(10) }, limitedRound).expect(403)).body.code).toBe('ROUND.NOT_ELIGIBLE');

    const quiz = await aQuizRound(t, units.get('s1')!, { questions: 1, now: clock.now() });
    expect((await submit(members[0], { title: 'Nhầm vòng', body: essayBody(10) }, quiz.roundId).expect(409)).body.code).toBe('ROUND.NOT_ESSAY');
  });

  it('refuses judging steps out of order', async () => {
    await submit(members[1], { title: 'Bài hai', body: essayBody(10) }).expect(201);
    const assign = (body: object) => t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send(body);
    expect((await t.http().post(`/api/entries/${entryId}/extra-judge`).set(...bearer(organizer)).expect(409)).body.code).toBe('ESSAY.NOT_ASSIGNED');
    expect((await t.http().post(`/api/rounds/${roundId}/judging/lock`).set(...bearer(organizer)).expect(409)).body.code).toBe('ESSAY.NOT_ASSIGNED');
    expect((await assign({ judgeIds: [] }).expect(400)).body.details[0].field).toBe('judgeIds');
    expect((await assign({ judgeIds: [judges[0].id, judges[0].id] }).expect(400)).body.details[0].field).toBe('judgeIds');
    expect((await assign({ judgeIds: ['nope'] }).expect(400)).body.details[0].field).toBe('judgeIds');
  });

  it('refuses edits and entries after the close', async () => {
    clock.advance(8 * 24 * 3600_000);
    const before = await entryRow(entryId);
    const edit = await t.http().put(`/api/entries/${entryId}`).set(...bearer(members[0])).send({ title: 'Sửa muộn', body: essayBody(10) }).expect(409);
    expect(edit.body).toMatchObject({ code: 'ROUND.NOT_OPEN' });
    expect((await submit(members[2], { title: 'Nộp muộn', body: essayBody(10) }).expect(409)).body.code).toBe('ROUND.NOT_OPEN');
    expect(await entryRow(entryId)).toEqual(before);
    expect(await entryCount()).toBe(2);
    const mine = await t.http().get(`/api/rounds/${roundId}/entries/mine`).set(...bearer(members[0])).expect(200);
    expect(mine.body.items[0].editable).toBe(false);
  });

  describe('scores', () => {
    let mine: AssignmentSummary;
    let theirs: AssignmentSummary;
    let judge: Person;
    let other: Person;

    beforeAll(async () => {
      const plan = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(201);
      [mine, theirs] = plan.body.assignments;
      judge = judges.find((j) => j.id === mine.judgeId)!;
      other = judges.find((j) => j.id === theirs.judgeId)!;
      expect(other.id).not.toBe(judge.id);
    });

    const put = (who: Person, assignment: AssignmentSummary, body: object) => t.http().put(`/api/judging/assignments/${assignment.id}`).set(...bearer(who)).send(body);

    it.each([
      ['above the maximum', [10.25, 5, 5], [{ field: 'scores.0.points', message: 'Điểm tiêu chí "Nội dung" phải từ 0 đến 10.' }]],
      ['below zero', [5, -0.25, 5], [{ field: 'scores.1.points', message: 'Điểm tiêu chí "Hình thức" phải từ 0 đến 5.' }]],
      ['off the quarter steps', [7.3, 5, 4.1], [
        { field: 'scores.0.points', message: 'Điểm tiêu chí "Nội dung" phải chia hết cho 0,25.' },
        { field: 'scores.2.points', message: 'Điểm tiêu chí "Sáng tạo" phải chia hết cho 0,25.' },
      ]],
    ])('refuses points %s, naming each', async (_label, points, details) => {
      const response = await put(judge, mine, { scores: scoresOf(points as [number, number, number]) }).expect(400);
      expect(response.body).toMatchObject({ code: 'ESSAY.RUBRIC_SCORE_INVALID', details });
      expect(response.body.problems).toHaveLength(details.length);
    });

    it('wants every criterion of the rubric once, and no other', async () => {
      const [content, form, creativity] = scoresOf([5, 5, 5]);
      const missing = await put(judge, mine, { scores: [content, form] }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'scores', message: 'Chưa chấm tiêu chí "Sáng tạo".' }]);
      const unknown = await put(judge, mine, { scores: [content, form, creativity, { criterion: 'Chữ đẹp', points: 1 }] }).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'scores.3.criterion', message: 'Tiêu chí "Chữ đẹp" không có trong tiêu chí chấm.' }]);
      const twice = await put(judge, mine, { scores: [content, form, creativity, content] }).expect(400);
      expect(twice.body.details).toEqual([{ field: 'scores.3.criterion', message: 'Tiêu chí "Nội dung" được chấm hai lần.' }]);
      const typed = await put(judge, mine, { scores: [{ criterion: 'Nội dung', points: '5' }, form, creativity] }).expect(400);
      expect(typed.body.code).toBe('VALIDATION');
    });

    it('refuses a judge scoring, reading or withdrawing from an entry assigned to someone else (403)', async () => {
      const score = await put(judge, theirs, { scores: scoresOf([5, 5, 5]) }).expect(403);
      expect(score.body.code).toBe('ASSIGNMENT.FORBIDDEN');
      await t.http().get(`/api/judging/assignments/${theirs.id}`).set(...bearer(judge)).expect(403);
      await t.http().post(`/api/judging/assignments/${theirs.id}/conflict`).set(...bearer(judge)).expect(403);
      await t.http().get(`/api/judging/assignments/${theirs.id}/attachment`).set(...bearer(judge)).expect(403);
      expect((await put(judge, { ...theirs, id: '00000000-0000-4000-8000-000000000000' }, { scores: scoresOf([5, 5, 5]) }).expect(404)).body.code).toBe('ASSIGNMENT.NOT_FOUND');
    });

    it('is for judges: members and organizers cannot score', async () => {
      expect((await put(members[0], mine, { scores: scoresOf([5, 5, 5]) }).expect(403)).body.code).toBe('FORBIDDEN');
      await put(organizer, mine, { scores: scoresOf([5, 5, 5]) }).expect(403);
    });

    it('left both assignments untouched', async () => {
      const rows = await t.dataSource.query('SELECT status, scores, total FROM essay_assignments WHERE round_id = $1', [roundId]);
      expect(rows).toEqual([
        { status: 'pending', scores: null, total: null },
        { status: 'pending', scores: null, total: null },
      ]);
    });

    it('refuses to assign the round again once a judge has scored, and to shortlist before the lock', async () => {
      await put(judge, mine, { scores: scoresOf([5, 5, 5]) }).expect(200);
      const again = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(409);
      expect(again.body.code).toBe('ESSAY.ALREADY_SCORED');
      const { roundId: finalId } = await anEssayRound(t, organizer, { now: clock.now(), contestId });
      const early = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, top: 1 }).expect(409);
      expect(early.body.code).toBe('JUDGING.NOT_LOCKED');
    });
  });
});
