/**
 * Rọc phách must hold across stages (issue #15, item 5). The exploits tried here:
 *  - reading the order of submission off the preliminary codes (sequential numbers);
 *  - reading it off the order of a judge's list;
 *  - mapping a final-round code back to its preliminary entry, because the shortlisted copies were
 *    coded in their old order (and so to its preliminary rank, and through published results to
 *    its author);
 *  - mapping a code to its author through the published (public) results.
 *
 * Every "not in order" check is structural or astronomically safe: a uniformly random order of n
 * items has all n − 1 ascents (or none) with probability 1/n!, and n − 2 (or one) with probability
 * (2ⁿ − n − 1)/n!; with n ≥ 20 that is below 10⁻¹², with n = 30 below 10⁻²³.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AssignmentSummary, EssayResultsResponse, JudgeAssignmentResponse, ShortlistResponse } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { anEssayRound, essayBody, insertPeople, insertUnitTree, type Person, scoresOf } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const TREE: Record<string, string | null> = { federation: null, a: 'federation', b: 'federation' };
const ENTRIES = 40;
const FINALISTS = 30;
/** Random codes: `BV-` and six digits, the same length whatever the entry. */
const CODE = /^BV-\d{6}$/;

/** How many neighbours are in increasing order: n − 1 for a sorted list, 0 for a reversed one. */
function ascents(values: readonly number[]): number {
  let count = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[i - 1]) count += 1;
  return count;
}

/** Neither sorted nor reversed, nor one step away from either. */
function expectNoOrder(values: readonly number[]): void {
  expect(values.length).toBeGreaterThanOrEqual(20);
  const up = ascents(values);
  expect(up).toBeGreaterThanOrEqual(2);
  expect(up).toBeLessThanOrEqual(values.length - 3);
}

/** The position of each item of `items`, in the order `items` are sorted by `key`. */
function ordinalsBy<T>(items: readonly T[], key: (item: T) => string): number[] {
  const sorted = [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return items.map((item) => sorted.indexOf(item));
}

/**
 * The content points of the entry submitted i-th: all different, in an order unrelated to the
 * order of submission (17 and 40 are coprime), so the preliminary ranking is a shuffle of it.
 */
const contentPoints = (i: number) => ((i * 17) % ENTRIES) / 4;

describe('blind judging across stages: codes say nothing about order, author or the earlier stage', () => {
  let t: TestApp;
  let clock: FakeClock;
  let organizer: Person;
  let authors: Person[];
  let judges: Person[];
  let contestId: string;
  let roundId: string;
  let finalId: string;
  /** In submission order. */
  const entries: { id: string; code: string; authorIndex: number }[] = [];
  let shortlist: ShortlistResponse;
  let preliminary: EssayResultsResponse;

  const indexOfEntry = (entryId: string) => entries.findIndex((e) => e.id === entryId);

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    const units = await insertUnitTree(t, TREE);
    [organizer] = await insertPeople(t, [{ unitId: units.get('federation')!, roles: ['organizer'], fullName: 'Ban tổ chức' }]);
    authors = await insertPeople(t, Array.from({ length: ENTRIES }, (_, i) => ({ unitId: units.get(i % 2 ? 'a' : 'b')!, fullName: `Tác giả số ${i + 1}` })));
    judges = await insertPeople(t, [1, 2].map((n) => ({ unitId: null, roles: ['judge' as const], fullName: `Giám khảo ${n}` })));
    ({ contestId, roundId } = await anEssayRound(t, organizer, { now: clock.now(), round: { judgesPerEntry: 1 } }));
  });
  afterAll(async () => t?.close());

  it('gives each entry a random code: unique, one format, not in the order of submission', async () => {
    for (const [i, author] of authors.entries()) {
      const response = await t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(author)).send({ title: `Bài ${i + 1}`, body: essayBody(30, i) }).expect(201);
      entries.push({ id: response.body.id, code: response.body.code, authorIndex: i });
      clock.advance(60_000);
    }
    // Sequential codes would be sorted here: a judge would read who came first.
    expectNoOrder(ordinalsBy(entries, (e) => e.code));
    expect(new Set(entries.map((e) => e.code)).size).toBe(ENTRIES);
    for (const entry of entries) expect(entry.code).toMatch(CODE);
    // The author keeps the same code.
    const mine = await t.http().get(`/api/rounds/${roundId}/entries/mine`).set(...bearer(authors[7])).expect(200);
    expect(mine.body.items[0].code).toBe(entries[7].code);
  });

  it('lists a judge’s entries by code, which is not the order they came in', async () => {
    clock.advance(8 * 24 * 3600_000);
    await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id), seed: 'mu' }).expect(201);
    const items: AssignmentSummary[] = (await t.http().get(`/api/rounds/${roundId}/assignments?limit=100`).set(...bearer(organizer)).expect(200)).body.items;
    expect(items).toHaveLength(ENTRIES);
    const byCode = new Map(entries.map((e, i) => [e.code, i]));
    const lists: JudgeAssignmentResponse[][] = [];
    for (const judge of judges) {
      const list: JudgeAssignmentResponse[] = (await t.http().get(`/api/judging/assignments?roundId=${roundId}`).set(...bearer(judge)).expect(200)).body;
      lists.push(list);
      for (const assignment of list) {
        const i = byCode.get(assignment.entryCode)!;
        const scored = await t.http().put(`/api/judging/assignments/${assignment.id}`).set(...bearer(judge)).send({ scores: scoresOf([contentPoints(i), 3, 3]) }).expect(200);
        expect(scored.body.status).toBe('scored');
      }
    }
    await t.http().post(`/api/rounds/${roundId}/judging/lock`).set(...bearer(organizer)).expect(200);
    preliminary = (await t.http().get(`/api/rounds/${roundId}/essay-results`).set(...bearer(organizer)).expect(200)).body;
    // Sanity: the ranking is the one the points give, a shuffle of the submission order.
    const ranked = [...preliminary.entries].sort((a, b) => a.rank - b.rank).map((e) => indexOfEntry(e.entryId));
    expect(ranked).toEqual(entries.map((_, i) => i).sort((a, b) => contentPoints(b) - contentPoints(a)));

    for (const list of lists) {
      expect(list).toHaveLength(ENTRIES / 2);
      const codes = list.map((a) => a.entryCode);
      // Listed by number, a judge would read the order of submission off the list.
      expectNoOrder(codes.map((code) => byCode.get(code)!));
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('publishes results without any code: a code cannot be matched to its author', async () => {
    await t.http().post(`/api/rounds/${roundId}/essay-results/publish`).set(...bearer(organizer)).send({}).expect(200);
    for (const caller of [authors[0], judges[0], undefined]) {
      const request = t.http().get(`/api/rounds/${roundId}/essay-results/public`);
      const response = await (caller ? request.set(...bearer(caller)) : request).expect(200);
      expect(response.body.entries).toHaveLength(ENTRIES);
      for (const row of response.body.entries) {
        expect(row).not.toHaveProperty('code');
        expect(Object.keys(row).sort()).toEqual(['authorName', 'rank', 'score', 'unitName']);
      }
      expect(response.text).not.toMatch(/"code"|BV-/);
      for (const entry of entries) expect(response.text.includes(entry.code)).toBe(false);
      // Still the ranking, by name.
      const first = response.body.entries.find((row: { rank: number }) => row.rank === 1);
      const best = preliminary.entries.find((e) => e.rank === 1)!;
      expect(first.authorName).toBe(best.authorName);
    }
    // The organizers keep the codes, with the authors.
    const organizers = await t.http().get(`/api/rounds/${roundId}/essay-results`).set(...bearer(organizer)).expect(200);
    expect(organizers.body.entries.map((e: { code: string }) => e.code).sort()).toEqual(entries.map((e) => e.code).sort());
  });

  it('codes the finalists afresh: new random codes, unrelated to their preliminary codes, order or rank', async () => {
    ({ roundId: finalId } = await anEssayRound(t, organizer, { now: clock.now(), contestId, round: { title: 'Chung khảo', judgesPerEntry: 1 } }));
    shortlist = (await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: finalId, top: FINALISTS }).expect(200)).body;
    const picks = shortlist.entries;
    expect(picks).toHaveLength(FINALISTS);
    // The attack: a judge who knows the shortlisted preliminary codes pairs them, in order, with the
    // final's codes in order. With codes kept in the old order that names all 30; by chance, ≥ 15
    // right has a probability below 10⁻¹².
    const guessed = new Map(
      [...picks.map((p) => p.code)].sort().map((code, i) => [code, [...picks.map((p) => p.sourceCode)].sort()[i]]),
    );
    const right = picks.filter((p) => guessed.get(p.code) === p.sourceCode).length;
    expect(right).toBeLessThan(15);

    // The final's codes, listed in the order of the preliminary codes, of submission, of rank.
    const finalOrdinal = (list: typeof picks) => ordinalsBy(list, (p) => p.code);
    expectNoOrder(finalOrdinal([...picks].sort((a, b) => a.sourceCode.localeCompare(b.sourceCode))));
    expectNoOrder(finalOrdinal([...picks].sort((a, b) => indexOfEntry(a.sourceEntryId) - indexOfEntry(b.sourceEntryId))));
    expectNoOrder(finalOrdinal([...picks].sort((a, b) => a.sourceRank - b.sourceRank)));

    for (const pick of picks) expect(pick.code).toMatch(CODE);
    expect(new Set(picks.map((p) => p.code)).size).toBe(FINALISTS);
    // Never a code of the earlier stage: the same code must not name two entries of one contest.
    const preliminaryCodes = new Set(entries.map((e) => e.code));
    for (const pick of picks) expect(preliminaryCodes.has(pick.code)).toBe(false);

    // The finalist sees the new code on their copy.
    const finalist = entries[indexOfEntry(picks[0].sourceEntryId)];
    const mine = await t.http().get(`/api/rounds/${finalId}/entries/mine`).set(...bearer(authors[finalist.authorIndex])).expect(200);
    expect(mine.body.items[0]).toMatchObject({ code: picks[0].code, shortlistedFromEntryId: finalist.id });
  });

  it('shows the final’s judge new codes only, listed in code order, never the preliminary order', async () => {
    const [finalJudge] = await insertPeople(t, [{ unitId: null, roles: ['judge'], fullName: 'Giám khảo chung khảo' }]);
    await t.http().post(`/api/rounds/${finalId}/assignments`).set(...bearer(organizer)).send({ judgeIds: [finalJudge.id], seed: 'ck' }).expect(201);
    const response = await t.http().get(`/api/judging/assignments?roundId=${finalId}`).set(...bearer(finalJudge)).expect(200);
    const list: JudgeAssignmentResponse[] = response.body;
    expect(list).toHaveLength(FINALISTS);
    const codes = list.map((a) => a.entryCode);
    expect(codes).toEqual([...codes].sort());
    const pickOf = new Map(shortlist.entries.map((p) => [p.code, p]));
    expectNoOrder(codes.map((code) => indexOfEntry(pickOf.get(code)!.sourceEntryId)));
    expectNoOrder(codes.map((code) => pickOf.get(code)!.sourceRank));
    for (const entry of entries) expect(response.text.includes(entry.code)).toBe(false);
    expect(response.text).not.toMatch(/Tác giả số|sourceEntryId|sourceCode|sourceRank/);
  });

  it('draws fresh codes again when the shortlist is redone before the final is assigned', async () => {
    const { roundId: otherFinal } = await anEssayRound(t, organizer, { now: clock.now(), contestId, round: { title: 'Chung khảo 2', judgesPerEntry: 1 } });
    const first: ShortlistResponse = (await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: otherFinal, top: 25 }).expect(200)).body;
    const again: ShortlistResponse = (await t.http().post(`/api/rounds/${roundId}/shortlist`).set(...bearer(organizer)).send({ finalRoundId: otherFinal, top: 25 }).expect(200)).body;
    expect(again.entries.map((p) => p.sourceEntryId)).toEqual(first.entries.map((p) => p.sourceEntryId));
    expect(new Set(again.entries.map((p) => p.code)).size).toBe(25);
    // 25 codes drawn from a million twice over: the same ones again would be no draw.
    expect(again.entries.map((p) => p.code)).not.toEqual(first.entries.map((p) => p.code));
    const listed = await t.http().get(`/api/rounds/${otherFinal}/entries?limit=100`).set(...bearer(organizer)).expect(200);
    expect(listed.body.items.map((e: { code: string }) => e.code).sort()).toEqual(again.entries.map((p) => p.code).sort());
  });
});
