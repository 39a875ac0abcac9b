import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, ItemAnalysisEntry, ItemAnalysisResponse, ItemFlag } from '@hoi-thi/contracts';
import { aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { anEssayRound, insertPeople, type Person } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;
const MEMBERS = 40;

interface Question {
  id: string;
  versionId: string;
  text: string;
  options: { id: string; text: string; correct: boolean }[];
}

/** One finished attempt as the test knows it: what was chosen per question, and when it was submitted. */
interface Sheet {
  submittedAt: number;
  chosen: Map<string, string[]>;
}

// ---- the statistics, written out again here (two-pass textbook formulas, not the engine's) ----
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const squares = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0);
function pearson(xs: number[], ys: number[]): number | null {
  const sxy = xs.reduce((s, x, i) => s + (x - mean(xs)) * (ys[i] - mean(ys)), 0);
  return squares(xs) === 0 || squares(ys) === 0 ? null : sxy / Math.sqrt(squares(xs) * squares(ys));
}

/** Facility, discrimination, flags and alpha of sheets graded (1 point each, all or nothing) against `keys`. */
function analyse(sheets: Sheet[], keys: Map<string, string[]>) {
  const ordered = [...sheets].sort((a, b) => a.submittedAt - b.submittedAt);
  const questionIds = [...keys.keys()];
  const right = (sheet: Sheet, questionId: string): number => {
    const chosen = sheet.chosen.get(questionId) ?? [];
    const key = keys.get(questionId)!;
    return chosen.length === key.length && chosen.every((id) => key.includes(id)) ? 1 : 0;
  };
  const scores = ordered.map((sheet) => questionIds.map((q) => right(sheet, q)));
  const totals = scores.map((row) => row.reduce((s, x) => s + x, 0));
  const items = new Map(
    questionIds.map((questionId, j) => {
      const x = scores.map((row) => row[j]);
      const facility = mean(x);
      const discrimination = pearson(
        x,
        totals.map((total, i) => total - x[i]),
      );
      const third = Math.floor(x.length / 3);
      const jump = x.length >= 30 ? (x.slice(-third).reduce((s, v) => s + v, 0) - x.slice(0, third).reduce((s, v) => s + v, 0)) / third : 0;
      const flags: ItemFlag[] = [];
      if (discrimination !== null && discrimination < 0) flags.push('NEGATIVE_DISCRIMINATION');
      if (facility > 0.95) flags.push('TOO_EASY');
      if (facility < 0.2) flags.push('TOO_HARD');
      if (jump > 0.3) flags.push('FACILITY_JUMP');
      return [questionId, { facility, discrimination, flags }];
    }),
  );
  const k = questionIds.length;
  const itemSquares = questionIds.reduce((s, _, j) => s + squares(scores.map((row) => row[j])), 0);
  const alpha = (k / (k - 1)) * (1 - itemSquares / squares(totals));
  return { items, alpha };
}

/**
 * Item analysis (API.md "Analytics": `GET /api/rounds/:id/item-analysis`) on planted answer patterns:
 * 40 members in two halves, "strong" (even numbers: they get q4, q5 and q6 right) and "weak" (odd: wrong).
 * - q1 has a wrong key: the strong members choose the option that is really right and are marked
 *   wrong, the weak ones choose the keyed option (negative discrimination);
 * - q2 everyone gets right (too easy);
 * - q3 leaks halfway: nobody right among the first 13 submissions, everyone among the last 13
 *   (a facility jump), submissions spaced a minute apart by the test's clock; in between, every
 *   fourth member.
 */
describe('item analysis of a round', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let quiz: QuizSetup;
  let questions: Question[];
  let members: Person[];
  const sheets: Sheet[] = [];

  const http = () => t.http();
  const analysis = async (as: { accessToken: string } = quiz.organizer, roundId = quiz.roundId) =>
    (await http().get(`/api/rounds/${roundId}/item-analysis`).set(...bearer(as)).expect(200)).body as ItemAnalysisResponse;

  const q = (n: number) => questions[n - 1];
  const keyed = (question: Question) => question.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = (question: Question, nth = 0) => [question.options.filter((o) => !o.correct)[nth].id];

  /** What member i answers: null = leaves it blank. */
  function sheetOf(i: number): Map<string, string[] | null> {
    const strong = i % 2 === 0;
    return new Map([
      [q(1).id, strong ? wrong(q(1), 1) : keyed(q(1))],
      [q(2).id, keyed(q(2))],
      [q(3).id, i < 13 ? wrong(q(3)) : i >= MEMBERS - 13 || i % 4 === 0 ? keyed(q(3)) : wrong(q(3))],
      [q(4).id, strong ? keyed(q(4)) : wrong(q(4))],
      [q(5).id, strong ? keyed(q(5)) : wrong(q(5))],
      [q(6).id, strong ? keyed(q(6)) : i === 1 ? null : wrong(q(6))],
    ]);
  }

  async function answer(member: { accessToken: string }, attemptId: string, chosen: Map<string, string[] | null>) {
    for (const [questionId, optionIds] of chosen) {
      if (optionIds) await http().put(`/api/attempts/${attemptId}/answers/${questionId}`).set(...bearer(member)).send({ optionIds }).expect(200);
    }
  }

  const entry = (body: ItemAnalysisResponse, n: number) => body.items.find((item) => item.questionId === q(n).id)!;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const unit = await aUnit(t, 'CĐCS Công ty Dệt may', null, 200);
    quiz = await aQuizRound(t, unit.id, { questions: 6, round: { maxAttempts: 1, timeLimitSeconds: 600, freezeMinutes: 0 } });
    questions = [];
    for (const id of quiz.keys.keys()) questions.push((await http().get(`/api/questions/${id}`).set(...bearer(quiz.organizer)).expect(200)).body);
    members = await insertPeople(t, Array.from({ length: MEMBERS + 1 }, (_, i) => ({ unitId: unit.id, fullName: `Đoàn viên ${i + 1}` })));

    for (let i = 0; i < MEMBERS; i++) {
      const started = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(members[i])).expect(201);
      const chosen = sheetOf(i);
      await answer(members[i], started.body.id, chosen);
      clock.advance(MINUTE);
      if (i < MEMBERS - 1) {
        const submitted = await http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(members[i])).send({}).expect(200);
        sheets.push({ submittedAt: Date.parse(submitted.body.submittedAt), chosen: new Map([...chosen].filter(([, ids]) => ids !== null)) as Map<string, string[]> });
      } else {
        // The last member never submits: the attempt expires at its deadline (found on the next read), and counts.
        clock.advance(20 * MINUTE);
        const expired = await http().get(`/api/attempts/${started.body.id}`).set(...bearer(members[i])).expect(200);
        expect(expired.body.status).toBe('expired');
        sheets.push({ submittedAt: Date.parse(expired.body.submittedAt), chosen: chosen as Map<string, string[]> });
      }
    }
    // Someone still playing: not counted.
    const playing = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(members[MEMBERS])).expect(201);
    await answer(members[MEMBERS], playing.body.id, sheetOf(0));
  }, 300_000);
  afterAll(async () => t?.close());

  it('counts the finished attempts and groups the answers by question', async () => {
    const body = await analysis();
    expect(body.attempts).toBe(MEMBERS);
    expect(body.items).toHaveLength(6);
    for (const item of body.items) {
      const question = questions.find((x) => x.id === item.questionId)!;
      expect(item).toMatchObject({ versionId: question.versionId, text: question.text, answered: MEMBERS });
      // Every option of the question, with how many chose it (member 2 left q6 blank).
      const chosenBy = (optionId: string) => sheets.filter((sheet) => sheet.chosen.get(question.id)?.includes(optionId)).length;
      expect(item.options).toEqual(question.options.map((o) => ({ optionId: o.id, text: o.text, correct: o.correct, chosenBy: chosenBy(o.id) })));
    }
    expect(entry(body, 6).options.reduce((s, o) => s + o.chosenBy, 0)).toBe(MEMBERS - 1);
  });

  it('facility, discrimination and alpha agree with the formulas computed here', async () => {
    const body = await analysis();
    const expected = analyse(sheets, quiz.keys);
    for (const item of body.items) {
      const want = expected.items.get(item.questionId)!;
      expect(item.facility).toBeCloseTo(want.facility, 10);
      if (want.discrimination === null) expect(item.discrimination).toBeNull();
      else expect(item.discrimination).toBeCloseTo(want.discrimination, 10);
      expect(item.flags).toEqual(want.flags);
    }
    expect(body.alpha).toBeCloseTo(expected.alpha, 10);
  });

  it('sees the planted problems: a wrong key, a question everyone gets right, a key circulating mid-round', async () => {
    const body = await analysis();
    expect(entry(body, 1)).toMatchObject({ facility: 0.5 });
    expect(entry(body, 1).flags).toContain('NEGATIVE_DISCRIMINATION');
    expect(entry(body, 1).discrimination).toBeLessThan(-0.5);
    expect(entry(body, 2)).toMatchObject({ facility: 1, discrimination: null, flags: ['TOO_EASY'] });
    expect(entry(body, 3).flags).toContain('FACILITY_JUMP');
    expect(entry(body, 4)).toMatchObject({ facility: 0.5, flags: [] });
    expect(entry(body, 4).discrimination).toBeGreaterThan(0.5);
    // Flagged questions first.
    const flagged = body.items.map((item: ItemAnalysisEntry) => item.flags.length > 0);
    expect(flagged).toEqual([...flagged].sort((a, b) => Number(b) - Number(a)));
  });

  it('after the key is corrected and the round regraded, the question discriminates and shows its new version', async () => {
    const really = wrong(q(1), 1)[0];
    const corrected = await http()
      .patch(`/api/questions/${q(1).id}`)
      .set(...bearer(quiz.organizer))
      .send({ options: q(1).options.map((o) => ({ id: o.id, text: o.text, correct: o.id === really })) })
      .expect(200);
    await http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(quiz.organizer)).send({ questionIds: [q(1).id] }).expect(200);

    const body = await analysis();
    const keys = new Map(quiz.keys).set(q(1).id, [really]);
    const expected = analyse(sheets, keys);
    const item = entry(body, 1);
    expect(item.versionId).toBe(corrected.body.versionId);
    expect(item.options.find((o) => o.correct)!.optionId).toBe(really);
    expect(item.facility).toBeCloseTo(expected.items.get(q(1).id)!.facility, 10);
    expect(item.discrimination).toBeCloseTo(expected.items.get(q(1).id)!.discrimination!, 10);
    expect(item.discrimination).toBeGreaterThan(0.5);
    expect(item.flags).not.toContain('NEGATIVE_DISCRIMINATION');
    expect(body.alpha).toBeCloseTo(expected.alpha, 10);
  });

  it('a round nobody has finished yet', async () => {
    const unit = await aUnit(t, 'CĐCS Trường học', null, 50);
    const empty = await aQuizRound(t, unit.id, { questions: 3 });
    expect(await analysis(empty.organizer, empty.roundId)).toEqual({ attempts: 0, alpha: null, items: [] });
  });

  it('is for the contest’s managers and admins only; an essay round has no items', async () => {
    const path = `/api/rounds/${quiz.roundId}/item-analysis`;
    expect((await http().get(path).set(...bearer(members[0])).expect(403)).body.code).toBe('FORBIDDEN');
    const unitId = members[0].unitId!;
    const stranger: AuthResponse = await aUserWithRoles(t, unitId, ['organizer']);
    expect((await http().get(path).set(...bearer(stranger)).expect(403)).body.code).toBe('CONTEST.NOT_MANAGER');
    await http().get(path).expect(401);
    const admin = await aUserWithRoles(t, unitId, ['admin']);
    expect((await analysis(admin)).attempts).toBe(MEMBERS);
    expect((await http().get('/api/rounds/00000000-0000-4000-8000-000000000000/item-analysis').set(...bearer(admin)).expect(404)).body.code).toBe('ROUND.NOT_FOUND');
    await http().get('/api/rounds/not-a-uuid/item-analysis').set(...bearer(admin)).expect(400);

    const [organizer] = await insertPeople(t, [{ unitId, roles: ['organizer'] }]);
    const essay = await anEssayRound(t, organizer, { now: clock.now() });
    expect((await http().get(`/api/rounds/${essay.roundId}/item-analysis`).set(...bearer(organizer)).expect(409)).body.code).toBe('ROUND.NOT_QUIZ');
  });
});
