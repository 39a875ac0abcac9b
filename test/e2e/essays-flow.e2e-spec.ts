import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { AssignmentSummary, EssayResultEntry, EssayResultsResponse, JudgeAssignmentResponse } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { anEssayRound, binary, essayBody, insertPeople, insertUnitTree, type Person, RUBRIC_MAX, scoresOf, totalOf } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const TREE: Record<string, string | null> = { province: null, north: 'province', south: 'province', n1: 'north', n2: 'north', s1: 'south', s2: 'south' };
const AUTHORS = [
  { fullName: 'Nguyễn Văn An', email: 'an.nguyen@congdoan.example.org', phone: '0912000001', unit: 'n1' },
  { fullName: 'Trần Thị Bình', email: 'binh.tran@congdoan.example.org', phone: '0912000002', unit: 'n2' },
  { fullName: 'Lê Văn Cường', email: 'cuong.le@congdoan.example.org', phone: '0912000003', unit: 's1' },
  { fullName: 'Phạm Thị Dung', email: 'dung.pham@congdoan.example.org', phone: '0912000004', unit: 's2' },
  { fullName: 'Hoàng Văn Em', email: 'em.hoang@congdoan.example.org', phone: '0912000005', unit: 'n1' },
  { fullName: 'Vũ Thị Phương', email: 'phuong.vu@congdoan.example.org', phone: '0912000006', unit: 's2' },
];
/** Four judges from the grassroots unions and one from outside the federation. */
const JUDGE_UNITS: (string | null)[] = ['n1', 'n2', 's1', 's2', null];
/** How strict each judge is, in steps (the normalisation should even this out). */
const BIAS = [-2, -1, 0, 1, 2];
/** The entry whose two judges disagree wildly. */
const FLAGGED = 2;

function related(a: string, b: string): boolean {
  const lineage = (name: string): string[] => [name, ...(TREE[name] ? lineage(TREE[name]!) : [])];
  return lineage(a).includes(b) || lineage(b).includes(a);
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const sd = (values: number[]) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));

describe('an essay round from entries to published results and a final round', () => {
  let t: TestApp;
  let clock: FakeClock;
  let units: Map<string, string>;
  let organizer: Person;
  let authors: Person[];
  let judges: Person[];
  let contestId: string;
  let roundId: string;
  /** In submission order: index i is AUTHORS[i]'s entry. */
  const entries: { id: string; code: string }[] = [];
  /** Everything a judge received, to check for the authors at the end. */
  const seenByJudges: string[] = [];
  /** entry id → judge id → total, as the judges gave them. */
  const given = new Map<string, Map<string, number>>();

  const judgeIndex = (judgeId: string) => judges.findIndex((j) => j.id === judgeId);
  const entryIndex = (entryId: string) => entries.findIndex((e) => e.id === entryId);
  const asJudge = (judge: Person) => ({
    get: async (path: string, status = 200) => {
      const response = await t.http().get(path).set(...bearer(judge)).expect(status);
      seenByJudges.push(response.text);
      return response;
    },
    put: async (path: string, body: object, status = 200) => {
      const response = await t.http().put(path).set(...bearer(judge)).send(body).expect(status);
      seenByJudges.push(response.text);
      return response;
    },
    post: async (path: string, status = 200) => {
      const response = await t.http().post(path).set(...bearer(judge)).send({}).expect(status);
      seenByJudges.push(response.text);
      return response;
    },
  });
  const assignments = async (round = roundId): Promise<AssignmentSummary[]> =>
    (await t.http().get(`/api/rounds/${round}/assignments`).set(...bearer(organizer)).expect(200)).body.items;

  /** Points for entry e from judge j: better entries score higher, stricter judges lower; quarters only. */
  function pointsFor(e: number, j: number): [number, number, number] {
    if (e === FLAGGED) return j === Math.min(...judgesOf(e)) ? [10, 5, 5] : [2, 1, 1];
    return [Math.min(10, 4 + e + BIAS[j] * 0.5), Math.min(5, 2 + e * 0.25 + BIAS[j] * 0.25), Math.min(5, 1.5 + e * 0.5)];
  }
  let currentAssignments: AssignmentSummary[] = [];
  const judgesOf = (e: number) =>
    currentAssignments.filter((a) => a.entryId === entries[e].id && a.status !== 'conflict' && a.kind !== 'extra').map((a) => judgeIndex(a.judgeId));

  async function score(judge: Person, assignment: AssignmentSummary, points: [number, number, number]) {
    const response = await asJudge(judge).put(`/api/judging/assignments/${assignment.id}`, { scores: scoresOf(points), comment: 'Bài viết có ý.' });
    expect(response.body).toMatchObject({ status: 'scored', total: totalOf(points) });
    const perJudge = given.get(assignment.entryId) ?? new Map<string, number>();
    perJudge.set(judge.id, totalOf(points));
    given.set(assignment.entryId, perJudge);
  }

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    units = await insertUnitTree(t, TREE);
    [organizer] = await insertPeople(t, [{ unitId: units.get('province')!, roles: ['organizer'] }]);
    authors = await insertPeople(t, AUTHORS.map(({ unit, ...person }) => ({ ...person, unitId: units.get(unit)! })));
    judges = await insertPeople(t, JUDGE_UNITS.map((unit, i) => ({ unitId: unit ? units.get(unit)! : null, roles: ['judge'], fullName: `Giám khảo ${i + 1}` })));
    ({ contestId, roundId } = await anEssayRound(t, organizer, { now: clock.now() }));
  });
  afterAll(async () => t?.close());

  it('takes one entry per member, each with its own random code; the author edits it until the round closes', async () => {
    for (const [i, author] of authors.entries()) {
      const response = await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(author)).send({ title: `Bài dự thi ${i + 1}`, body: essayBody(40 + i, i) }).expect(201);
      expect(response.body).toMatchObject({ code: expect.stringMatching(/^BV-\d{6}$/), wordCount: 40 + i, editable: true, attachment: null });
      entries.push({ id: response.body.id, code: response.body.code });
      clock.advance(60_000);
    }
    expect(new Set(entries.map((e) => e.code)).size).toBe(AUTHORS.length);
    const edited = await t.http().put(`/api/entries/${entries[0].id}`).set(...bearer(authors[0])).send({ title: 'Bài dự thi 1 (sửa)', body: essayBody(50) }).expect(200);
    expect(edited.body).toMatchObject({ code: entries[0].code, title: 'Bài dự thi 1 (sửa)', wordCount: 50 });
    const mine = await t.http().get(`/api/rounds/${roundId}/entries/mine`).set(...bearer(authors[0])).expect(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: entries[0].id, title: 'Bài dự thi 1 (sửa)', editable: true }] });

    const list = await t.http().get(`/api/rounds/${roundId}/entries`).set(...bearer(organizer)).expect(200);
    expect(list.body.items.map((e: { authorName: string }) => e.authorName)).toEqual(AUTHORS.map((a) => a.fullName));
    expect(list.body.items[0]).toMatchObject({ unitName: 'Công đoàn n1', unitId: units.get('n1') });
  });

  it('assigns after the close; a judge with a conflict hands the entry to another neutral judge', async () => {
    clock.set(new Date(clock.now().getTime() + 8 * 24 * 3600_000));
    await t.http().put(`/api/entries/${entries[0].id}`).set(...bearer(authors[0])).send({ title: 'Muộn', body: essayBody(50) }).expect(409);
    const assigned = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id), seed: 'flow' }).expect(201);
    expect(assigned.body.assignments).toHaveLength(12);

    const [withdrawn] = assigned.body.assignments as AssignmentSummary[];
    const judge = judges[judgeIndex(withdrawn.judgeId)];
    const before = await asJudge(judge).get('/api/judging/assignments');
    expect(before.body.map((a: JudgeAssignmentResponse) => a.id)).toContain(withdrawn.id);

    const conflict = await asJudge(judge).post(`/api/judging/assignments/${withdrawn.id}/conflict`);
    expect(conflict.body).toEqual({ id: withdrawn.id, status: 'conflict' });
    const after = await asJudge(judge).get('/api/judging/assignments');
    expect(after.body.map((a: JudgeAssignmentResponse) => a.id)).not.toContain(withdrawn.id);
    await asJudge(judge).put(`/api/judging/assignments/${withdrawn.id}`, { scores: scoresOf([5, 5, 5]) }, 409);

    currentAssignments = await assignments();
    const onEntry = currentAssignments.filter((a) => a.entryId === withdrawn.entryId);
    expect(onEntry.find((a) => a.id === withdrawn.id)).toMatchObject({ status: 'conflict' });
    const live = onEntry.filter((a) => a.status !== 'conflict');
    expect(live).toHaveLength(2);
    const replacement = live.find((a) => a.kind === 'replacement')!;
    expect(replacement.judgeId).not.toBe(withdrawn.judgeId);
    const authorUnit = AUTHORS[entryIndex(withdrawn.entryId)].unit;
    for (const a of live) {
      const unit = JUDGE_UNITS[judgeIndex(a.judgeId)];
      expect(unit !== null && related(unit, authorUnit)).toBe(false);
    }
  });

  it('lets each judge score their entries: Σ points × weight, editable until the lock', async () => {
    for (const assignment of currentAssignments.filter((a) => a.status !== 'conflict')) {
      const j = judgeIndex(assignment.judgeId);
      await score(judges[j], assignment, pointsFor(entryIndex(assignment.entryId), j));
    }
    // A judge changes their mind: the last scores count.
    const first = currentAssignments.find((a) => a.status !== 'conflict' && entryIndex(a.entryId) !== FLAGGED)!;
    const j = judgeIndex(first.judgeId);
    const changed = pointsFor(entryIndex(first.entryId), j).map((p, i) => (i === 2 ? Math.max(0, p - 0.25) : p)) as [number, number, number];
    await score(judges[j], first, changed);
    const read = await asJudge(judges[j]).get(`/api/judging/assignments/${first.id}`);
    expect(read.body).toMatchObject({ status: 'scored', scores: scoresOf(changed), total: totalOf(changed), comment: 'Bài viết có ý.', locked: false });
  });

  it('flags the entry whose judges differ by more than 20% of the maximum, and gives it one extra judge', async () => {
    const results = await t.http().get(`/api/rounds/${roundId}/essay-results`).set(...bearer(organizer)).expect(200);
    const flagged = results.body.entries.filter((e: EssayResultEntry) => e.flagged);
    expect(flagged.map((e: EssayResultEntry) => e.code)).toEqual([entries[FLAGGED].code]);
    expect(flagged[0].spread).toBe(totalOf([10, 5, 5]) - totalOf([2, 1, 1]));
    expect(results.body.discrepancyThreshold).toBe(RUBRIC_MAX * 0.2);

    const calm = await t.http().post(`/api/entries/${entries[0].id}/extra-judge`).set(...bearer(organizer)).expect(409);
    expect(calm.body.code).toBe('ESSAY.NOT_FLAGGED');
    const extra = await t.http().post(`/api/entries/${entries[FLAGGED].id}/extra-judge`).set(...bearer(organizer)).expect(201);
    expect(extra.body).toMatchObject({ entryId: entries[FLAGGED].id, entryCode: entries[FLAGGED].code, kind: 'extra', status: 'pending' });
    const onEntry = currentAssignments.filter((a) => a.entryId === entries[FLAGGED].id).map((a) => a.judgeId);
    expect(onEntry).not.toContain(extra.body.judgeId);
    const unit = JUDGE_UNITS[judgeIndex(extra.body.judgeId)];
    expect(unit !== null && related(unit, AUTHORS[FLAGGED].unit)).toBe(false);
    const again = await t.http().post(`/api/entries/${entries[FLAGGED].id}/extra-judge`).set(...bearer(organizer)).expect(409);
    expect(again.body.code).toBe('ESSAY.EXTRA_JUDGE_EXISTS');

    const extraJudge = judges[judgeIndex(extra.body.judgeId)];
    const list = await asJudge(extraJudge).get('/api/judging/assignments');
    expect(list.body.find((a: JudgeAssignmentResponse) => a.id === extra.body.id)).toMatchObject({ entryCode: entries[FLAGGED].code, status: 'pending' });
    await score(extraJudge, extra.body, [6, 3, 3]);
    currentAssignments = await assignments();
  });

  /** The results, worked out here from the totals the judges gave (not by the engine). */
  function expected(normalize: boolean) {
    const all = [...given.values()].flatMap((perJudge) => [...perJudge.values()]);
    const byJudge = new Map<string, number[]>();
    for (const perJudge of given.values()) for (const [judgeId, total] of perJudge) byJudge.set(judgeId, [...(byJudge.get(judgeId) ?? []), total]);
    const z = (judgeId: string, total: number) => {
      const own = byJudge.get(judgeId)!;
      return own.every((v) => v === own[0]) ? 0 : (total - mean(own)) / sd(own);
    };
    const rows = entries.map((entry, index) => {
      const perJudge = [...given.get(entry.id)!];
      const totals = perJudge.map(([, total]) => total);
      const normalized = perJudge.map(([judgeId, total]) => mean(all) + z(judgeId, total) * sd(all));
      return {
        code: entry.code,
        index,
        mean: round2(mean(totals)),
        normalized: normalize ? round2(mean(normalized)) : null,
        flagged: Math.max(...totals) - Math.min(...totals) > RUBRIC_MAX * 0.2,
        judgeTotals: perJudge.map(([judgeId, total]) => ({ judgeId, total })).sort((a, b) => (a.judgeId < b.judgeId ? -1 : 1)),
      };
    });
    const value = (row: (typeof rows)[number]) => (normalize ? row.normalized! : row.mean);
    return rows.sort((a, b) => value(b) - value(a) || a.index - b.index).map((row, i) => ({ ...row, rank: i + 1 }));
  }

  it.each([false, true])('computes means and ranks (normalize=%s) exactly as worked out independently', async (normalize) => {
    const response = await t.http().get(`/api/rounds/${roundId}/essay-results?normalize=${normalize}`).set(...bearer(organizer)).expect(200);
    const body: EssayResultsResponse = response.body;
    expect(body).toMatchObject({ normalize, maxTotal: RUBRIC_MAX, lockedAt: null, publishedAt: null });
    const want = expected(normalize);
    expect(body.entries.map((e) => ({ code: e.code, mean: e.mean, normalized: e.normalized, flagged: e.flagged, judgeTotals: e.judgeTotals, rank: e.rank }))).toEqual(
      want.map(({ code, mean, normalized, flagged, judgeTotals, rank }) => ({ code, mean, normalized, flagged, judgeTotals, rank })),
    );
    expect(body.entries.find((e) => e.code === entries[FLAGGED].code)).toMatchObject({ extraJudge: true, authorName: AUTHORS[FLAGGED].fullName, unitName: 'Công đoàn s1' });
    expect(response.text).not.toMatch(/0912000|@congdoan/);
  });

  it('locks the judging: no more scores, conflicts or extra judges', async () => {
    const early = await t.http().post(`/api/rounds/${roundId}/essay-results/publish`).set(...bearer(organizer)).send({}).expect(409);
    expect(early.body.code).toBe('JUDGING.NOT_LOCKED');
    const lock = await t.http().post(`/api/rounds/${roundId}/judging/lock`).set(...bearer(organizer)).expect(200);
    expect(lock.body).toMatchObject({ roundId, scored: 13, pending: 0 });

    const mine = currentAssignments.find((a) => a.status === 'scored')!;
    const judge = judges[judgeIndex(mine.judgeId)];
    const refused = await asJudge(judge).put(`/api/judging/assignments/${mine.id}`, { scores: scoresOf([0, 0, 0]) }, 409);
    expect(refused.body.code).toBe('JUDGING.LOCKED');
    expect((await asJudge(judge).post(`/api/judging/assignments/${mine.id}/conflict`, 409)).body.code).toBe('JUDGING.LOCKED');
    expect((await asJudge(judge).get(`/api/judging/assignments/${mine.id}`)).body).toMatchObject({ locked: true, total: given.get(mine.entryId)!.get(judge.id) });
  });

  it('publishes the normalised ranking; members see it then, without contact details or judges', async () => {
    const hidden = await t.http().get(`/api/rounds/${roundId}/essay-results/public`).set(...bearer(authors[0])).expect(409);
    expect(hidden.body.code).toBe('ESSAY.RESULTS_NOT_PUBLISHED');
    await t.http().put(`/api/rounds/${roundId}/essay-settings`).set(...bearer(organizer)).send({ normalize: true }).expect(200);
    const published = await t.http().post(`/api/rounds/${roundId}/essay-results/publish`).set(...bearer(organizer)).send({}).expect(200);
    expect(published.body).toMatchObject({ roundId, normalize: true });
    const twice = await t.http().post(`/api/rounds/${roundId}/essay-results/publish`).set(...bearer(organizer)).send({}).expect(409);
    expect(twice.body.code).toBe('ESSAY.RESULTS_PUBLISHED');

    const response = await t.http().get(`/api/rounds/${roundId}/essay-results/public`).set(...bearer(authors[3])).expect(200);
    const want = expected(true);
    expect(response.body.entries).toEqual(
      want.map((row) => ({ rank: row.rank, authorName: AUTHORS[row.index].fullName, unitName: `Công đoàn ${AUTHORS[row.index].unit}`, score: row.normalized })),
    );
    // No codes either: a code next to a name would un-blind whoever later sees that code.
    for (const entry of entries) expect(response.text.includes(entry.code)).toBe(false);
    // No titles: a finalist's copy keeps its title, and the final's judges must not match it to a name.
    expect(response.text).not.toMatch(/0912000|@congdoan|judge|email|phone|Bài dự thi/i);
    await t.http().get(`/api/rounds/${roundId}/essay-results/public`).expect(200);
    await t.http().put(`/api/rounds/${roundId}/essay-settings`).set(...bearer(organizer)).send({ normalize: false }).expect(409);
  });

  it('exports the results to xlsx for the organizers', async () => {
    await t.http().get(`/api/rounds/${roundId}/essay-results/export`).set(...bearer(judges[0])).expect(403);
    const file = await t.http().get(`/api/rounds/${roundId}/essay-results/export`).set(...bearer(organizer)).buffer(true).parse(binary).expect(200).expect('content-type', /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(entries.length + 1);
    expect(sheet.getRow(1).getCell(2).value).toBe('Mã bài');
    const first = expected(true)[0];
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(4).value]).toEqual([1, first.code, AUTHORS[first.index].fullName]);
    // Submitted at, in Vietnam's time (UTC+7) as a date cell: exceljs reads the wall clock as UTC.
    const [{ submitted_at: submittedAt }] = await t.dataSource.query('SELECT submitted_at FROM essay_entries WHERE code = $1', [first.code]);
    expect(sheet.getRow(2).getCell(11).value).toEqual(new Date((submittedAt as Date).getTime() + 7 * 3600_000));
    expect(sheet.getRow(2).getCell(11).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
  });

  it('shortlists the best entries into the final round of the same contest, judged afresh by its own pool', async () => {
    const { roundId: finalId } = await anEssayRound(t, organizer, { now: clock.now(), contestId, round: { title: 'Chung khảo', judgesPerEntry: 2 } });
    const other = await anEssayRound(t, organizer, { now: clock.now() });

    const both = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, top: 3, cutoff: 10 }).expect(400);
    expect(both.body.details).toEqual([{ field: 'top', message: expect.any(String) }]);
    const elsewhere = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: other.roundId, top: 3 }).expect(400);
    expect(elsewhere.body.details).toEqual([{ field: 'finalRoundId', message: 'Vòng chung khảo phải thuộc cùng cuộc thi.' }]);

    const want = expected(true);
    const top3 = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, top: 3 }).expect(200);
    expect(top3.body.entries.map((e: { sourceCode: string; sourceRank: number }) => [e.sourceCode, e.sourceRank])).toEqual(want.slice(0, 3).map((r) => [r.code, r.rank]));
    // Coded afresh, at random: no code of the preliminary round (essays-blindness checks the order says nothing either).
    const finalCodes: string[] = top3.body.entries.map((e: { code: string }) => e.code);
    expect(new Set(finalCodes).size).toBe(3);
    for (const code of finalCodes) {
      expect(code).toMatch(/^BV-\d{6}$/);
      expect(entries.map((e) => e.code)).not.toContain(code);
    }

    const cutoff = want[1].normalized!;
    const top2 = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, cutoff }).expect(200);
    expect(top2.body.entries.map((e: { sourceCode: string }) => e.sourceCode)).toEqual(want.slice(0, 2).map((r) => r.code));

    const finalist = authors[want[0].index];
    const mine = await t.http().get(`/api/rounds/${finalId}/entries/mine`).set(...bearer(finalist)).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ shortlistedFromEntryId: entries[want[0].index].id, editable: false })]);
    expect((await t.http().put(`/api/entries/${mine.body.items[0].id}`).set(...bearer(finalist)).send({ title: 'Sửa', body: essayBody(40) }).expect(409)).body.code).toBe('ENTRY.READ_ONLY');
    const outsider = authors[want[5].index];
    const direct = await t.http().post(`/api/rounds/${finalId}/entries`).set(...bearer(outsider)).send({ title: 'Nộp thẳng', body: essayBody(40) }).expect(409);
    expect(direct.body.code).toBe('ESSAY.FINAL_ROUND');

    // The final's own pool, while its window is still open: its entries come from the shortlist only.
    const finalJudges = await insertPeople(t, [null, null, null].map((unitId) => ({ unitId, roles: ['judge' as const] })));
    const finalPlan = await t.http().post(`/api/rounds/${finalId}/assignments`).set(...bearer(organizer)).send({ judgeIds: finalJudges.map((j) => j.id), seed: 'chung-khao' }).expect(201);
    expect(finalPlan.body.assignments).toHaveLength(4);
    expect(new Set(finalPlan.body.assignments.map((a: AssignmentSummary) => a.judgeId)).size).toBeGreaterThan(1);
    for (const judge of finalJudges) {
      const list = await asJudge(judge).get(`/api/judging/assignments?roundId=${finalId}`);
      for (const a of list.body as JudgeAssignmentResponse[]) expect(a).toMatchObject({ roundId: finalId, status: 'pending', rubric: expect.any(Array) });
    }
    const late = await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, top: 4 }).expect(409);
    expect(late.body.code).toBe('ESSAY.FINAL_ROUND_ASSIGNED');
  });

  it('never showed a judge an author’s name, unit, email or phone', () => {
    expect(seenByJudges.length).toBeGreaterThan(20);
    const secrets = [...AUTHORS.flatMap((a) => [a.fullName, a.email, a.phone]), ...[...units.keys()].map((name) => `Công đoàn ${name}`)];
    const everything = seenByJudges.join('\n');
    for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
    expect(everything).not.toMatch(/authorId|authorName|unitId|unitName|entryId|fileName|"email"|"phone"/);
  });
});
