import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { AuthResponse, ContestParticipationResponse, UnitParticipationEntry } from '@hoi-thi/contracts';
import { aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { anEssayRound, binary, insertPeople, type Person, signAccessToken } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

/**
 * The participation dashboard (API.md "Analytics": `GET /api/contests/:id/participation`): every
 * unit × every quiz round, rolled up the unit tree, against counts made here from what the members did.
 *
 *   province [0]                     independent [30]
 *   ├── north [10]
 *   │   ├── school [40]
 *   │   └── hospital [50]
 *   └── south [0]
 *       └── factory [200]
 */
describe('participation by unit and round', () => {
  let t: TestApp;
  const clock = new FakeClock();
  const units = new Map<string, { id: string; parentId: string | null; memberCount: number; name: string }>();
  let quiz: QuizSetup;
  let rounds: { id: string; title: string }[];
  /** What happened: a finished attempt of a member in a round, from the unit they were in then. */
  const finished: { userId: string; round: number; unitId: string }[] = [];
  let people: Map<string, Person>;

  const http = () => t.http();
  const participation = async (as: { accessToken: string }, contestId = quiz.contestId) =>
    (await http().get(`/api/contests/${contestId}/participation`).set(...bearer(as)).expect(200)).body as ContestParticipationResponse;

  async function take(person: { id: string; accessToken: string }, unitId: string, round: number, finish = true) {
    const started = await http().post(`/api/rounds/${rounds[round].id}/attempts`).set(...bearer(person)).expect(201);
    if (!finish) return;
    clock.advance(30_000);
    await http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(person)).send({}).expect(200);
    finished.push({ userId: person.id, round, unitId });
  }

  /** The unit and every unit below it. */
  function subtree(unitId: string): Set<string> {
    const below = new Set([unitId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const unit of units.values()) {
        if (unit.parentId && below.has(unit.parentId) && !below.has(unit.id)) grew = below.add(unit.id).size > 0;
      }
    }
    return below;
  }

  /** The expected line of a unit, computed from `finished` and the member counts, not by the server. */
  function expected(unitId: string, roundCount: number): Omit<UnitParticipationEntry, 'name' | 'parentId'> {
    const below = subtree(unitId);
    const memberCount = [...below].reduce((sum, id) => sum + [...units.values()].find((u) => u.id === id)!.memberCount, 0);
    const rate = (n: number) => (memberCount === 0 ? 0 : n / memberCount);
    const distinct = (rows: typeof finished) => new Set(rows.filter((row) => below.has(row.unitId)).map((row) => row.userId)).size;
    const perRound = rounds.slice(0, roundCount).map((round, index) => {
      const participants = distinct(finished.filter((row) => row.round === index));
      return { roundId: round.id, participants, participationRate: rate(participants) };
    });
    const participants = distinct(finished);
    return { unitId, memberCount, rounds: perRound, participants, participationRate: rate(participants) };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const add = async (key: string, name: string, parent: string | null, memberCount: number) => {
      const unit = await aUnit(t, name, parent === null ? null : units.get(parent)!.id, memberCount);
      units.set(key, { id: unit.id, parentId: unit.parentId, memberCount, name });
    };
    await add('province', 'LĐLĐ tỉnh', null, 0);
    await add('north', 'LĐLĐ huyện Bắc', 'province', 10);
    await add('south', 'LĐLĐ huyện Nam', 'province', 0);
    await add('school', 'CĐCS Trường THCS', 'north', 40);
    await add('hospital', 'CĐCS Bệnh viện', 'north', 50);
    await add('factory', 'CĐCS Nhà máy', 'south', 200);
    await add('independent', 'CĐCS Độc lập', null, 30);

    const window = { opensAt: new Date(clock.now().getTime() - HOUR).toISOString(), closesAt: new Date(clock.now().getTime() + 48 * HOUR).toISOString() };
    quiz = await aQuizRound(t, units.get('province')!.id, { questions: 2, publish: false, round: { ...window, maxAttempts: 2 } });
    for (const title of ['Tuần 2', 'Tuần 3']) {
      await http()
        .post(`/api/contests/${quiz.contestId}/rounds`)
        .set(...bearer(quiz.organizer))
        .send({ title, ...window, timeLimitSeconds: 600, maxAttempts: 2, blueprint: [{ topicId: quiz.topicId, count: 2 }] })
        .expect(201);
    }
    await http().post(`/api/contests/${quiz.contestId}/publish`).set(...bearer(quiz.organizer)).expect(200);
    rounds = (await http().get(`/api/contests/${quiz.contestId}`).set(...bearer(quiz.organizer)).expect(200)).body.rounds.map((r: { id: string; title: string }) => ({
      id: r.id,
      title: r.title,
    }));
    expect(rounds.map((r) => r.title)).toEqual(['Tuần 1', 'Tuần 2', 'Tuần 3']);

    const names = ['s1', 's2', 's3', 's4', 's5', 'mover', 'h1', 'h2', 'h3', 'n1', 'f1', 'f2', 'f3', 'f4', 'i1', 'i2'];
    const unitOf = (name: string) => units.get({ s: 'school', m: 'school', h: 'hospital', n: 'north', f: 'factory', i: 'independent' }[name[0]]!)!.id;
    people = new Map((await insertPeople(t, names.map((name) => ({ unitId: unitOf(name), fullName: `Đoàn viên ${name}` })))).map((p, i) => [names[i], p]));
    const play = (name: string, round: number, finish = true) => take(people.get(name)!, people.get(name)!.unitId!, round, finish);

    // Week 1: five from the school (s1 twice: still one participant), two from the hospital, the
    // district's own member, three from the factory; the mover, still at the school.
    for (const name of ['s1', 's1', 's2', 's3', 's4', 's5', 'h1', 'h2', 'n1', 'f1', 'f2', 'f3', 'mover']) await play(name, 0);
    // Week 2: fewer at the school, more at the hospital, where the mover now belongs (a token with the new unit).
    const mover = people.get('mover')!;
    await t.dataSource.query('UPDATE users SET unit_id = $1 WHERE id = $2', [units.get('hospital')!.id, mover.id]);
    const moved = { id: mover.id, accessToken: signAccessToken({ id: mover.id, unitId: units.get('hospital')!.id, roles: ['member'] }) };
    await take(moved, units.get('hospital')!.id, 1);
    for (const name of ['s1', 'h1', 'h2', 'h3', 'f1', 'f4', 'i1']) await play(name, 1);
    // Week 3: one finished, one still playing (not counted), an independent member.
    await play('f2', 2);
    await play('i2', 2, false);
    await play('s2', 2);
  }, 300_000);
  afterAll(async () => t?.close());

  it('counts every unit and round against the members who finished an attempt, rolled up the tree', async () => {
    const body = await participation(quiz.organizer);
    expect(body.rounds).toEqual(rounds);
    // Tree order: roots by name, each followed by its sub-units depth first.
    expect(body.units.map((u) => u.unitId)).toEqual(['independent', 'province', 'north', 'hospital', 'school', 'south', 'factory'].map((key) => units.get(key)!.id));
    for (const [key, unit] of units) {
      const line = body.units.find((u) => u.unitId === unit.id)!;
      expect({ key, ...line }).toEqual({ key, name: unit.name, parentId: unit.parentId, ...expected(unit.id, 3) });
    }
  });

  it('counts a member once per unit and round, and once above both units they took part from', async () => {
    const byKey = new Map((await participation(quiz.organizer)).units.map((u) => [[...units].find(([, unit]) => unit.id === u.unitId)![0], u]));
    // s1 played twice in week 1; the mover played week 1 at the school and week 2 at the hospital.
    expect(byKey.get('school')!.rounds[0].participants).toBe(6);
    expect(byKey.get('school')!.participants).toBe(6);
    expect(byKey.get('hospital')!.participants).toBe(4);
    // north: 6 (school) + 4 (hospital) + 1 (own) = 11 lines, but the mover is one person: 10.
    expect(byKey.get('north')).toMatchObject({ memberCount: 100, participants: 10, participationRate: 0.1 });
    // Week 3: i2 has not finished yet.
    expect(byKey.get('independent')!.rounds.map((r) => r.participants)).toEqual([0, 1, 0]);
    expect(byKey.get('province')).toMatchObject({ memberCount: 300, participants: 14 });
  });

  it('the same as a spreadsheet: one row per unit, one column per round, participants and rates', async () => {
    const response = await http()
      .get(`/api/contests/${quiz.contestId}/participation?format=xlsx`)
      .set(...bearer(quiz.organizer))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="tham-gia-theo-don-vi.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Số người tham gia', 'Tỷ lệ tham gia (%)']);
    const [counts, rates] = workbook.worksheets;
    expect(counts.getRow(1).values).toEqual([undefined, 'Đơn vị', 'Đơn vị cấp trên', 'Số đoàn viên', 'Tuần 1', 'Tuần 2', 'Tuần 3', 'Tổng số người tham gia']);
    expect(counts.rowCount).toBe(units.size + 1);
    const school = expected(units.get('school')!.id, 3);
    const row = (sheet: ExcelJS.Worksheet, name: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === name)!;
    expect(row(counts, 'CĐCS Trường THCS').values).toEqual([undefined, 'CĐCS Trường THCS', 'LĐLĐ huyện Bắc', 40, ...school.rounds.map((r) => r.participants), school.participants]);
    const percent = (rate: number) => Math.round(rate * 10_000) / 100;
    expect(row(rates, 'CĐCS Trường THCS').values).toEqual([
      undefined,
      'CĐCS Trường THCS',
      'LĐLĐ huyện Bắc',
      40,
      ...school.rounds.map((r) => percent(r.participationRate)),
      percent(school.participationRate),
    ]);
    expect(row(counts, 'LĐLĐ tỉnh').getCell(2).value).toBe('');
  });

  it('is for the contest’s managers and admins only', async () => {
    const anyUnit = units.get('independent')!.id;
    const member = people.get('i1')!;
    expect((await http().get(`/api/contests/${quiz.contestId}/participation`).set(...bearer(member)).expect(403)).body.code).toBe('FORBIDDEN');
    const stranger: AuthResponse = await aUserWithRoles(t, anyUnit, ['organizer']);
    expect((await http().get(`/api/contests/${quiz.contestId}/participation`).set(...bearer(stranger)).expect(403)).body.code).toBe('CONTEST.NOT_MANAGER');
    await http().get(`/api/contests/${quiz.contestId}/participation?format=xlsx`).set(...bearer(stranger)).expect(403);
    await http().get(`/api/contests/${quiz.contestId}/participation`).expect(401);
    const admin = await aUserWithRoles(t, anyUnit, ['admin']);
    expect((await participation(admin)).units).toHaveLength(units.size);
    expect((await http().get('/api/contests/00000000-0000-4000-8000-000000000000/participation').set(...bearer(admin)).expect(404)).body.code).toBe('CONTEST.NOT_FOUND');
    await http().get('/api/contests/not-a-uuid/participation').set(...bearer(admin)).expect(400);
    await http().get(`/api/contests/${quiz.contestId}/participation?format=csv`).set(...bearer(admin)).expect(400);
  });

  it('a contest open to one district shows that district and the units below it', async () => {
    const north = units.get('north')!.id;
    const contest = await http()
      .post('/api/contests')
      .set(...bearer(quiz.organizer))
      .send({ title: 'Hội thi của huyện Bắc', kind: 'quiz', eligibleUnitIds: [north] })
      .expect(201);
    const body = await participation(quiz.organizer, contest.body.id);
    expect(body.rounds).toEqual([]);
    expect(body.units.map((u) => u.unitId)).toEqual(['north', 'hospital', 'school'].map((key) => units.get(key)!.id));
    expect(body.units[0]).toMatchObject({ parentId: units.get('province')!.id, memberCount: 100, rounds: [], participants: 0, participationRate: 0 });
  });

  it('an essay contest has no quiz rounds to count (essay entries are left out)', async () => {
    const [organizer] = await insertPeople(t, [{ unitId: units.get('province')!.id, roles: ['organizer'] }]);
    const essay = await anEssayRound(t, organizer, { now: clock.now() });
    const body = await participation(organizer, essay.contestId);
    expect(body.rounds).toEqual([]);
    expect(body.units.every((u) => u.rounds.length === 0 && u.participants === 0)).toBe(true);
  });
});
