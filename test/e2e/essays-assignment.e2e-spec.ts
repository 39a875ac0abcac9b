import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AssignJudgesResponse, AssignmentSummary, JudgeAssignmentResponse } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { anEssayRound, essayBody, insertPeople, insertUnitTree, type Person } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

// A province federation, two districts, four grassroots unions under each: judges come from the 8 unions.
const TREE: Record<string, string | null> = {
  province: null,
  north: 'province',
  south: 'province',
  n1: 'north', n2: 'north', n3: 'north', n4: 'north',
  s1: 'south', s2: 'south', s3: 'south', s4: 'south',
};
const JUDGE_UNITS = ['n1', 'n1', 'n2', 'n2', 'n3', 'n4', 's1', 's1', 's2', 's2', 's3', 's4'];
const AUTHOR_UNITS = ['north', 'south', 'n1', 'n2', 'n3', 'n4', 's1', 's2', 's3', 's4'];

/** Written out here, independently of the engine: the same unit, or one above the other. */
function related(a: string, b: string): boolean {
  const lineage = (name: string): string[] => [name, ...(TREE[name] ? lineage(TREE[name]!) : [])];
  return lineage(a).includes(b) || lineage(b).includes(a);
}

describe('assigning 300 essays to 12 judges from 8 unions', () => {
  let t: TestApp;
  let clock: FakeClock;
  let units: Map<string, string>;
  let unitName: Map<string, string>;
  let organizer: Person;
  let judges: Person[];
  let authors: Person[];
  let roundId: string;
  let contestId: string;
  /** entry id → the author's unit name (as in TREE). */
  const entryUnit = new Map<string, string>();
  let plan: AssignJudgesResponse;

  const judgeUnit = (judgeId: string) => JUDGE_UNITS[judges.findIndex((j) => j.id === judgeId)];

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    units = await insertUnitTree(t, TREE);
    unitName = new Map([...units].map(([name, id]) => [id, name]));
    [organizer] = await insertPeople(t, [{ unitId: units.get('province')!, roles: ['organizer'], fullName: 'Ban tổ chức' }]);
    judges = await insertPeople(t, JUDGE_UNITS.map((name, i) => ({ unitId: units.get(name)!, roles: ['judge'], fullName: `Giám khảo ${i + 1}` })));
    authors = await insertPeople(t, Array.from({ length: 300 }, (_, i) => ({ unitId: units.get(AUTHOR_UNITS[(i * 7) % AUTHOR_UNITS.length])! })));
    ({ roundId, contestId } = await anEssayRound(t, organizer, { now: clock.now() }));
  });
  afterAll(async () => t?.close());

  it('takes 300 entries, submitted 20 at a time, each with its own random code', async () => {
    const codes: string[] = [];
    for (let i = 0; i < authors.length; i += 20) {
      const batch = authors.slice(i, i + 20);
      const responses = await Promise.all(
        batch.map((author, j) =>
          t.http().post(`/api/rounds/${roundId}/entries`).set(...bearer(author)).send({ title: `Bài viết ${i + j}`, body: essayBody(20 + ((i + j) % 50), i + j) }),
        ),
      );
      for (const [j, response] of responses.entries()) {
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({ id: expect.any(String), code: expect.stringMatching(/^BV-\d{6}$/), wordCount: 20 + ((i + j) % 50) });
        entryUnit.set(response.body.id, unitName.get(batch[j].unitId!)!);
        codes.push(response.body.code);
      }
    }
    // Unique, and random rather than numbered in the order of submission (sorted by chance: 1/300!).
    expect(new Set(codes).size).toBe(300);
    expect(codes).not.toEqual([...codes].sort());
  });

  it('refuses to assign while entries can still come in', async () => {
    const response = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(409);
    expect(response.body.code).toBe('ESSAY.ROUND_STILL_OPEN');
  });

  it('gives every entry 2 distinct neutral judges, with loads within one, and stores the seed', async () => {
    clock.advance(8 * 24 * 3600_000);
    const response = await t
      .http()
      .post(`/api/rounds/${roundId}/assignments`)
      .set(...bearer(organizer))
      .send({ judgeIds: judges.map((j) => j.id), seed: 'so-khao-2026' })
      .expect(201);
    plan = response.body;
    expect(plan).toMatchObject({ roundId, seed: 'so-khao-2026', judgesPerEntry: 2 });
    expect(plan.assignments).toHaveLength(600);

    const byEntry = new Map<string, string[]>();
    for (const a of plan.assignments) byEntry.set(a.entryId, [...(byEntry.get(a.entryId) ?? []), a.judgeId]);
    expect(byEntry.size).toBe(300);
    for (const [entryId, judgeIds] of byEntry) {
      expect(new Set(judgeIds).size).toBe(2);
      for (const judgeId of judgeIds) expect(related(judgeUnit(judgeId), entryUnit.get(entryId)!)).toBe(false);
    }

    const loads = new Map(judges.map((j) => [j.id, 0]));
    for (const a of plan.assignments) loads.set(a.judgeId, loads.get(a.judgeId)! + 1);
    const values = [...loads.values()];
    expect(values.reduce((s, v) => s + v, 0)).toBe(600);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(plan.loads.map((l) => [l.judgeId, l.load]).sort()).toEqual([...loads].sort());

    const status = await t.http().get(`/api/rounds/${roundId}/judging`).set(...bearer(organizer)).expect(200);
    expect(status.body).toMatchObject({ entries: 300, seed: 'so-khao-2026', assignments: { pending: 600, scored: 0, conflict: 0 } });
    expect([...status.body.judgeIds].sort()).toEqual(judges.map((j) => j.id).sort());
  });

  const pairs = (assignments: AssignmentSummary[]) => assignments.map((a) => `${a.entryCode}/${a.judgeId}`).sort();

  it('is the same assignment for the same seed, whatever order the judges are listed in; another seed gives another', async () => {
    const again = await t
      .http()
      .post(`/api/rounds/${roundId}/assignments`)
      .set(...bearer(organizer))
      .send({ judgeIds: judges.map((j) => j.id).reverse(), seed: 'so-khao-2026' })
      .expect(201);
    expect(pairs(again.body.assignments)).toEqual(pairs(plan.assignments));

    const other = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id), seed: 'khac' }).expect(201);
    expect(pairs(other.body.assignments)).not.toEqual(pairs(plan.assignments));

    const random = await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id) }).expect(201);
    expect(random.body.seed).toMatch(/^[0-9a-f]{32}$/);
    const stored = await t.http().get(`/api/rounds/${roundId}/judging`).set(...bearer(organizer)).expect(200);
    expect(stored.body.seed).toBe(random.body.seed);

    // Back to the audited seed for the rest of the file.
    plan = (await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: judges.map((j) => j.id), seed: 'so-khao-2026' }).expect(201)).body;
  });

  it('refuses a pool with someone who is not a judge, naming them, and changes nothing', async () => {
    const response = await t
      .http()
      .post(`/api/rounds/${roundId}/assignments`)
      .set(...bearer(organizer))
      .send({ judgeIds: [...judges.map((j) => j.id), authors[0].id, '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['judgeIds.12', 'judgeIds.13']);
    const current = await t.http().get(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).expect(200);
    expect(pairs(current.body.items)).toEqual(pairs(plan.assignments));
  });

  it('shows each judge exactly their entries, by code, with nothing about the authors', async () => {
    const secrets = authors.flatMap((a) => [a.fullName, a.email, a.phone]).concat([...units.keys()].map((name) => `Công đoàn ${name}`));
    for (const judge of judges) {
      const response = await t.http().get('/api/judging/assignments').set(...bearer(judge)).expect(200);
      const mine = plan.assignments.filter((a) => a.judgeId === judge.id);
      expect((response.body as JudgeAssignmentResponse[]).map((a) => a.entryCode).sort()).toEqual(mine.map((a) => a.entryCode).sort());
      const text = response.text;
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      expect(text).not.toMatch(/@example\.org|authorId|authorName|unitId|unitName|entryId|"email"|"phone"/);
    }
  });

  it('refuses, with a clear 409 naming the entries, when the units leave too few neutral judges', async () => {
    const { roundId: small } = await anEssayRound(t, organizer, { now: clock.now(), contestId });
    const [author] = await insertPeople(t, [{ unitId: units.get('n1')! }]);
    const entry = await t.http().post(`/api/rounds/${small}/entries`).set(...bearer(author)).send({ title: 'Một bài', body: essayBody(30) }).expect(201);
    clock.advance(8 * 24 * 3600_000);
    // n1 itself, north above it, the province above that: only the s1 judge is neutral.
    const pool = await insertPeople(t, ['n1', 'north', 'province', 's1'].map((name) => ({ unitId: units.get(name)!, roles: ['judge' as const] })));
    const response = await t.http().post(`/api/rounds/${small}/assignments`).set(...bearer(organizer)).send({ judgeIds: pool.map((j) => j.id) }).expect(409);
    expect(response.body).toMatchObject({
      code: 'ESSAY.ASSIGNMENT_IMPOSSIBLE',
      judgesPerEntry: 2,
      entries: [{ code: entry.body.code, eligibleJudges: 1, entryId: entry.body.id }],
    });
    expect(response.body.message).toContain('2');
    const status = await t.http().get(`/api/rounds/${small}/judging`).set(...bearer(organizer)).expect(200);
    expect(status.body).toMatchObject({ seed: null, assignedAt: null, assignments: { pending: 0, scored: 0, conflict: 0 } });
  });

  it('is for organizers only', async () => {
    await t.http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(judges[0])).send({ judgeIds: [judges[0].id] }).expect(403);
    await t.http().get(`/api/rounds/${roundId}/assignments`).set(...bearer(authors[0])).expect(403);
    await t.http().get('/api/judging/assignments').set(...bearer(authors[0])).expect(403);
  });
});
