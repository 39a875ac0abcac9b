import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROUND_PROMPT_MAX_LENGTH, type JudgeAssignmentResponse, type RoundResponse } from '@hoi-thi/contracts';
import { bearer } from '../support/builders.js';
import { anEssayRound, essayBody, insertPeople, insertUnitTree, type Person } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PROMPT = 'Kể về một người lao động bạn quý trọng.\nBài viết nêu rõ nơi làm việc và việc làm của người đó.';

/**
 * An essay round's prompt (đề bài): set with the round, public like the rest of the round's rules,
 * fixed once the round opens (entries are written to it), and shown to the judges beside the rubric.
 */
describe('the prompt of an essay round', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let organizer: Person;
  let author: Person;
  let judge: Person;
  let contestId: string;
  let roundId: string;

  const http = () => t.http();
  const patch = (id: string, body: object) => http().patch(`/api/rounds/${id}`).set(...bearer(organizer)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const units = await insertUnitTree(t, { north: null, south: null });
    [organizer, author, judge] = await insertPeople(t, [
      { unitId: null, roles: ['organizer'] },
      { unitId: units.get('north')!, roles: ['member'] },
      { unitId: units.get('south')!, roles: ['judge'] },
    ]);
    // The round opens in a day: it can still be edited.
    ({ contestId, roundId } = await anEssayRound(t, organizer, {
      now: new Date(clock.now().getTime() + DAY + HOUR),
      round: { prompt: `  ${PROMPT}  `, judgesPerEntry: 1 },
    }));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is saved trimmed and shown to anyone who can see the round', async () => {
    const round = (await http().get(`/api/rounds/${roundId}`).expect(200)).body as RoundResponse;
    expect(round.prompt).toBe(PROMPT);
    const contest = (await http().get(`/api/contests/${contestId}`).expect(200)).body as { rounds: RoundResponse[] };
    expect(contest.rounds[0].prompt).toBe(PROMPT);
  });

  it('refuses a prompt that is blank, too long, not text, or on a quiz round', async () => {
    const blank = await patch(roundId, { prompt: '   ' }).expect(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'prompt' })]);
    const long = await patch(roundId, { prompt: 'đ'.repeat(ROUND_PROMPT_MAX_LENGTH + 1) }).expect(400);
    expect(long.body.details).toEqual([expect.objectContaining({ field: 'prompt' })]);
    await patch(roundId, { prompt: 42 }).expect(400);
    expect(((await http().get(`/api/rounds/${roundId}`).expect(200)).body as RoundResponse).prompt).toBe(PROMPT);

    const quiz = await http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Tìm hiểu Luật Công đoàn', kind: 'quiz' }).expect(201);
    const refused = await http()
      .post(`/api/contests/${quiz.body.id as string}/rounds`)
      .set(...bearer(organizer))
      .send({ title: 'Tuần 1', opensAt: clock.now().toISOString(), closesAt: new Date(clock.now().getTime() + DAY).toISOString(), prompt: PROMPT })
      .expect(400);
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'prompt' })]));
  });

  it('changes or goes away before the round opens, and is fixed once it is open', async () => {
    expect((await patch(roundId, { prompt: 'Đề tạm.' }).expect(200)).body.prompt).toBe('Đề tạm.');
    expect((await patch(roundId, { prompt: null }).expect(200)).body.prompt).toBeNull();
    expect((await patch(roundId, { prompt: PROMPT }).expect(200)).body.prompt).toBe(PROMPT);

    clock.advance(DAY + 2 * HOUR);
    const locked = await patch(roundId, { prompt: 'Đề khác.' }).expect(400);
    expect(locked.body.details).toEqual([expect.objectContaining({ field: 'prompt', message: expect.any(String) })]);
    expect(((await http().get(`/api/rounds/${roundId}`).expect(200)).body as RoundResponse).prompt).toBe(PROMPT);
  });

  it('is shown to the judge with the entry and the rubric', async () => {
    await http().post(`/api/rounds/${roundId}/entries`).set(...bearer(author)).send({ title: 'Người thợ hàn', body: essayBody(40) }).expect(201);
    clock.advance(8 * DAY);
    await http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(organizer)).send({ judgeIds: [judge.id], seed: 'prompt' }).expect(201);

    const list = (await http().get('/api/judging/assignments').set(...bearer(judge)).expect(200)).body as JudgeAssignmentResponse[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ prompt: PROMPT, rubric: expect.any(Array) });
    const one = (await http().get(`/api/judging/assignments/${list[0].id}`).set(...bearer(judge)).expect(200)).body as JudgeAssignmentResponse;
    expect(one.prompt).toBe(PROMPT);
  });
});
