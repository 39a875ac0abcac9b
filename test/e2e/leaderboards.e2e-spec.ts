import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { LeaderboardLive } from '../../apps/api/src/modules/leaderboards/leaderboard-live.service.js';
import { LeaderboardsService } from '../../apps/api/src/modules/leaderboards/leaderboards.service.js';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { insertPeople } from '../support/essays.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

interface Played {
  userId: string;
  unitId: string;
  attemptId: string;
  score: number;
  durationMs: number;
  submittedAt: number;
  prediction: number | null;
}

/** A small deterministic generator, independent of the engine's. */
function lcg(seed: number) {
  let state = seed;
  return (bound: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % bound;
  };
}

/** The ladder written out again in the test: score ↓, (prediction diff ↑, none last), duration ↑, submitted ↑, attempt id ↑. */
function expectedRanks(best: Played[], actual: number | null): Played[] {
  const diff = (p: Played) => (actual === null ? 0 : p.prediction === null ? Number.POSITIVE_INFINITY : Math.abs(p.prediction - actual));
  return [...best].sort(
    (a, b) =>
      b.score - a.score ||
      (diff(a) === diff(b) ? 0 : diff(a) < diff(b) ? -1 : 1) ||
      a.durationMs - b.durationMs ||
      a.submittedAt - b.submittedAt ||
      (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0),
  );
}

function bestOf(attempts: Played[]): Played[] {
  const best = new Map<string, Played>();
  for (const p of attempts) {
    const current = best.get(p.userId);
    if (!current || p.score > current.score || (p.score === current.score && (p.durationMs < current.durationMs || (p.durationMs === current.durationMs && p.submittedAt < current.submittedAt)))) {
      best.set(p.userId, p);
    }
  }
  return [...best.values()];
}

describe('leaderboards built from a few hundred generated attempts', () => {
  let t: TestApp;
  let clock: FakeClock;
  let quiz: QuizSetup;
  const units: { id: string; name: string; parentId: string | null }[] = [];
  const played: Played[] = [];
  const members: { accessToken: string; user: { id: string } }[] = [];

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestApp({ clock });
    const city = await aUnit(t, 'LĐLĐ thành phố', null, 500);
    const a = await aUnit(t, 'CĐCS Công ty A', city.id, 40);
    const b = await aUnit(t, 'CĐCS Công ty B', city.id, 60);
    const c = await aUnit(t, 'CĐCS Trường C', null, 30);
    units.push(city, a, b, c);
    quiz = await aQuizRound(t, a.id, { questions: 4, round: { maxAttempts: 3, timeLimitSeconds: 300, shuffleQuestions: false } });

    const random = lcg(42);
    const leafUnits = [a, b, c];
    // Registration is not under test here: members are inserted with SQL and given signed tokens.
    const people = await insertPeople(
      t,
      Array.from({ length: 90 }, (_, m) => ({ unitId: leafUnits[m % 3].id, fullName: `Đoàn viên ${m}` })),
    );
    for (let m = 0; m < 90; m++) {
      const unit = leafUnits[m % 3];
      const member = { accessToken: people[m].accessToken, user: { id: people[m].id } };
      members.push(member);
      const attempts = 1 + random(3);
      for (let k = 0; k < attempts; k++) {
        const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
        for (const question of started.body.questions as { id: string; options: { id: string }[] }[]) {
          const right = random(3) > 0; // ties in score are common
          const key = quiz.keys.get(question.id)!;
          const choice = right ? key : [question.options.find((o) => !key.includes(o.id))!.id];
          await t.http().put(`/api/attempts/${started.body.id}/answers/${question.id}`).set(...bearer(member)).send({ optionIds: choice }).expect(200);
        }
        const durationMs = [30_000, 60_000, 60_000, 90_000][random(4)]; // equal durations too
        clock.advance(durationMs);
        const predictions = [40, 45, 45, 50, null];
        const prediction = predictions[random(predictions.length)];
        const submitted = await t
          .http()
          .post(`/api/attempts/${started.body.id}/submit`)
          .set(...bearer(member))
          .send(prediction === null ? {} : { prediction })
          .expect(200);
        played.push({
          userId: member.user.id,
          unitId: unit.id,
          attemptId: started.body.id,
          score: submitted.body.score,
          durationMs: submitted.body.durationMs,
          submittedAt: new Date(submitted.body.submittedAt).getTime(),
          prediction,
        });
        clock.advance(1000);
      }
    }
  }, 300_000);
  afterAll(async () => t?.close());

  async function wholeBoard(path: string): Promise<{ userId: string; rank: number; score: number; durationMs: number; predictionDiff: number | null }[]> {
    const entries = [];
    for (let offset = 0; ; offset += 50) {
      const page = await t.http().get(`${path}?limit=50&offset=${offset}`).expect(200);
      entries.push(...page.body.entries);
      if (page.body.entries.length < 50) return entries;
    }
  }

  it('ranks the live board by the ladder without the prediction step, paginated, with the total', async () => {
    expect(played.length).toBeGreaterThan(150);
    const expected = expectedRanks(bestOf(played), null);
    const first = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=10`).expect(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.body).toMatchObject({ roundId: quiz.roundId, final: false, actualValue: null, total: expected.length });
    const board = await wholeBoard(`/api/rounds/${quiz.roundId}/leaderboard`);
    expect(board.map((e) => [e.userId, e.rank, e.score, e.durationMs])).toEqual(expected.map((p, i) => [p.userId, i + 1, p.score, p.durationMs]));
    expect(board.every((e) => e.predictionDiff === null)).toBe(true);
  });

  it('tells each member their own rank and entry', async () => {
    const expected = expectedRanks(bestOf(played), null);
    for (const index of [0, 17, 55, 89]) {
      const member = members[index];
      const me = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(member)).expect(200);
      const rank = expected.findIndex((p) => p.userId === member.user.id) + 1;
      expect(me.body).toMatchObject({ rank, total: expected.length, entry: { userId: member.user.id, rank, fullName: `Đoàn viên ${index}` } });
    }
    const outsider = await aMember(t, units[3].id);
    expect((await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(outsider)).expect(200)).body).toMatchObject({ rank: null, entry: null });
  });

  it('is public without email or phone; the organizers’ export has the phone numbers', async () => {
    const response = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=200`).expect(200);
    expect(response.text).not.toMatch(/@example\.org|"email"|"phone"|"09\d{8}"/);
    expect(Object.keys(response.body.entries[0]).sort()).toEqual(
      ['durationMs', 'fullName', 'prediction', 'predictionDiff', 'rank', 'score', 'submittedAt', 'unitId', 'unitName', 'userId'].sort(),
    );

    await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/export?format=xlsx`).set(...bearer(members[0])).expect(403);
    const file = await t
      .http()
      .get(`/api/rounds/${quiz.roundId}/leaderboard/export?format=xlsx`)
      .set(...bearer(quiz.organizer))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Điểm', 'Thời gian (giây)', 'Dự đoán', 'Chênh lệch dự đoán', 'Nộp bài lúc']);
    expect(sheet.rowCount).toBe(bestOf(played).length + 1);
    expect(String(sheet.getRow(2).getCell(4).value)).toMatch(/^09\d{8}$/);
    // Times in Vietnam's time (UTC+7), as a date cell shown dd/mm/yyyy: exceljs reads the wall clock as UTC.
    const submitted = sheet.getRow(2).getCell(9);
    expect(submitted.value).toEqual(new Date(Date.parse(response.body.entries[0].submittedAt) + 7 * 3600_000));
    expect(submitted.numFmt).toBe('dd/mm/yyyy hh:mm:ss');
  });

  it('sums best scores over the contest and rolls participation up the unit tree', async () => {
    const best = bestOf(played);
    const contest = await wholeBoard(`/api/contests/${quiz.contestId}/leaderboard`);
    const expectedContest = [...best].sort((a, b) => b.score - a.score || a.durationMs - b.durationMs || (a.userId < b.userId ? -1 : 1));
    expect(contest.map((e) => (e as unknown as { userId: string }).userId)).toEqual(expectedContest.map((p) => p.userId));

    const unitsBoard = await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).expect(200);
    const byId = new Map(unitsBoard.body.entries.map((e: { unitId: string }) => [e.unitId, e]));
    const [city, a, b, c] = units;
    const count = (ids: string[]) => best.filter((p) => ids.includes(p.unitId)).length;
    const average = (ids: string[]) => {
      const scores = best.filter((p) => ids.includes(p.unitId)).map((p) => p.score);
      return Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100;
    };
    expect(byId.get(a.id)).toMatchObject({ participants: count([a.id]), memberCount: 40, participationRate: count([a.id]) / 40, averageScore: average([a.id]) });
    expect(byId.get(city.id)).toMatchObject({ participants: count([a.id, b.id]), memberCount: 600, averageScore: average([a.id, b.id]) });
    expect(byId.get(c.id)).toMatchObject({ participants: count([c.id]), memberCount: 30 });
    const byRate = await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units?orderBy=rate`).expect(200);
    const rates = byRate.body.entries.map((e: { participationRate: number }) => e.participationRate);
    expect(rates).toEqual([...rates].sort((x: number, y: number) => y - x));
    await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units?orderBy=name`).expect(400);

    // A board this small is computed again after every finished attempt in the process: a newcomer in C counts at once.
    const [newcomer] = await insertPeople(t, [{ unitId: c.id, fullName: 'Đoàn viên mới' }]);
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(newcomer)).expect(201);
    clock.advance(60_000);
    const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(newcomer)).send({}).expect(200);
    played.push({
      userId: newcomer.id,
      unitId: c.id,
      attemptId: started.body.id,
      score: submitted.body.score,
      durationMs: submitted.body.durationMs,
      submittedAt: new Date(submitted.body.submittedAt).getTime(),
      prediction: null,
    });
    clock.advance(1000);
    const after = await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).expect(200);
    expect(after.body.entries.find((e: { unitId: string }) => e.unitId === c.id)).toMatchObject({ participants: count([c.id]) + 1 });
    expect((await wholeBoard(`/api/contests/${quiz.contestId}/leaderboard`)).map((e) => e.userId)).toContain(newcomer.id);
  });

  it('exports the contest board and the unit board for the managers, every line', async () => {
    const download = async (path: string, as: { accessToken: string }) => {
      const response = await t
        .http()
        .get(path)
        .set(...bearer(as))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as never);
      return workbook.worksheets[0];
    };
    const contestSheet = await download(`/api/contests/${quiz.contestId}/leaderboard/export`, quiz.organizer);
    const board = await wholeBoard(`/api/contests/${quiz.contestId}/leaderboard`);
    expect(contestSheet.getRow(1).values).toEqual([undefined, 'Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Tổng điểm', 'Tổng thời gian (giây)', 'Số vòng đã thi']);
    expect(contestSheet.rowCount).toBe(board.length + 1);
    expect(contestSheet.getRow(2).getCell(1).value).toBe(1);
    expect(String(contestSheet.getRow(2).getCell(4).value)).toMatch(/^09\d{8}$/);

    const unitSheet = await download(`/api/contests/${quiz.contestId}/leaderboard/units/export`, quiz.organizer);
    const unitBoard = (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).expect(200)).body;
    expect(unitSheet.rowCount).toBe(unitBoard.entries.length + 1);
    const [city, a] = units;
    const rowOfA = unitSheet.getRows(2, unitSheet.rowCount - 1)!.find((row) => row.getCell(2).value === a.name)!;
    expect(rowOfA.getCell(3).value).toBe(city.name);
    expect(rowOfA.getCell(5).value).toBe(unitBoard.entries.find((e: { unitId: string }) => e.unitId === a.id).participants);

    for (const path of [`/api/contests/${quiz.contestId}/leaderboard/export`, `/api/contests/${quiz.contestId}/leaderboard/units/export`]) {
      await t.http().get(path).set(...bearer(members[0])).expect(403);
      await t.http().get(path).expect(401);
    }
  });

  it('streams the top 20 and pushes a change within a second; a closed stream frees its slot', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const live = t.app.get(LeaderboardLive);
    const frames: string[] = [];
    let buffer = '';
    const request = httpRequest({ host: '127.0.0.1', port, path: `/api/rounds/${quiz.roundId}/leaderboard/stream` });
    const opened = new Promise<void>((resolve) =>
      request.on('response', (response) => {
        expect(response.headers['content-type']).toMatch(/text\/event-stream/);
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith('event: board')) frames.push(frame.split('\ndata: ')[1]);
          }
        });
        resolve();
      }),
    );
    request.end();
    await opened;
    const waitFor = async (count: number, ms: number) => {
      const until = Date.now() + ms;
      while (frames.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return frames.length >= count;
    };
    expect(await waitFor(1, 2000)).toBe(true);
    const first = JSON.parse(frames[0]);
    expect(first.entries).toHaveLength(20);
    expect(live.streamCount(quiz.roundId)).toBe(1);

    // A newcomer with a perfect paper in 5 seconds takes the lead.
    const champion = await aMember(t, units[3].id, { fullName: 'Nhà vô địch' });
    const attempt = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(champion)).expect(201);
    for (const question of attempt.body.questions) {
      await t.http().put(`/api/attempts/${attempt.body.id}/answers/${question.id}`).set(...bearer(champion)).send({ optionIds: quiz.keys.get(question.id) }).expect(200);
    }
    clock.advance(5000);
    // The public page is shared for a moment between requests; the submit drops it, so the board shows the change.
    const before = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=20`).expect(200);
    expect(before.body.entries[0].userId).not.toBe(champion.user.id);
    const submittedAt = Date.now();
    await t.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer(champion)).send({ prediction: 45 }).expect(200);
    let after = before;
    while (after.body.entries[0].userId !== champion.user.id && Date.now() - submittedAt < 1000) {
      after = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=20`).expect(200);
    }
    expect(after.body.entries[0]).toMatchObject({ rank: 1, userId: champion.user.id });
    // Within a second a frame leads with the champion (a periodic re-send of the old top may come first).
    const leads = () => frames.some((frame) => JSON.parse(frame).entries[0]?.userId === champion.user.id);
    while (!leads() && Date.now() - submittedAt < 1000) await new Promise((r) => setTimeout(r, 20));
    expect(leads()).toBe(true);
    const pushed = JSON.parse(frames.find((frame) => JSON.parse(frame).entries[0]?.userId === champion.user.id)!);
    expect(pushed.entries[0]).toMatchObject({ rank: 1, userId: champion.user.id, fullName: 'Nhà vô địch', durationMs: 5000 });
    played.push({ userId: champion.user.id, unitId: units[3].id, attemptId: attempt.body.id, score: 4, durationMs: 5000, submittedAt: clock.now().getTime(), prediction: 45 });

    request.destroy();
    const until = Date.now() + 2000;
    while (live.streamCount(quiz.roundId) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(live.streamCount()).toBe(0);
  });

  it('closes the round: the actual value is the number of participants and the final board applies the prediction', async () => {
    const early = await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(409);
    expect(early.body.code).toBe('ROUND.STILL_OPEN');
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(members[0])).send({}).expect(403);

    // The window moved into the past right after a public read (board reads keep a 1-second copy of
    // the round): the close reads the round afresh.
    await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=1`).expect(200);
    await t.dataSource.query('UPDATE rounds SET closes_at = $2 WHERE id = $1', [quiz.roundId, new Date(clock.now().getTime() - t.config.attemptGraceSeconds * 1000)]);
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({ actualValue: 3 }).expect(400);
    const best = bestOf(played);
    const closed = await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(200);
    expect(closed.body).toMatchObject({ id: quiz.roundId, status: 'closed', actualValue: best.length, participants: best.length });
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(409);

    const expected = expectedRanks(best, best.length);
    const head = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=5`).expect(200);
    expect(head.body).toMatchObject({ final: true, actualValue: best.length, total: best.length });
    const board = await wholeBoard(`/api/rounds/${quiz.roundId}/leaderboard`);
    expect(board.map((e) => [e.userId, e.rank, e.predictionDiff])).toEqual(
      expected.map((p, i) => [p.userId, i + 1, p.prediction === null ? null : Math.abs(p.prediction - best.length)]),
    );
    const me = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(members[3])).expect(200);
    expect(me.body.rank).toBe(expected.findIndex((p) => p.userId === members[3].user.id) + 1);

    // Starting after close is refused.
    const late = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(members[1])).expect(409);
    expect(late.body.code).toBe('ROUND.NOT_OPEN');
  });
});

describe('the board freeze: no last-minute view of the others, no prediction to snipe', () => {
  let t: TestApp;
  let clock: FakeClock;
  let quiz: QuizSetup;
  let unitId: string;
  const MINUTE = 60_000;
  const opensAt = new Date('2026-11-26T06:00:00.000Z');
  const closesAt = new Date('2026-11-26T10:00:00.000Z');

  beforeAll(async () => {
    clock = new FakeClock(new Date('2026-11-26T08:00:00.000Z'));
    t = await startTestApp({ clock });
    unitId = (await aUnit(t)).id;
    quiz = await aQuizRound(t, unitId, {
      questions: 3,
      round: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), freezeMinutes: 30, maxAttempts: 2, timeLimitSeconds: 300 },
    });
  });
  afterAll(async () => t?.close());

  /** Starts, answers every question right, waits `ms`, submits with this prediction. */
  async function play(member: { accessToken: string }, prediction: number, ms: number) {
    const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
    for (const q of started.body.questions as { id: string }[]) {
      await t.http().put(`/api/attempts/${started.body.id}/answers/${q.id}`).set(...bearer(member)).send({ optionIds: quiz.keys.get(q.id) }).expect(200);
    }
    clock.advance(ms);
    return (await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction }).expect(200)).body;
  }
  const publicBoard = async () => (await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).expect(200)).body;

  it('says how long the freeze is, 30 minutes unless the round says otherwise', async () => {
    const round = await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(quiz.organizer)).expect(200);
    expect(round.body.freezeMinutes).toBe(30);
    const refused = await t
      .http()
      .post(`/api/contests/${quiz.contestId}/rounds`)
      .set(...bearer(quiz.organizer))
      .send({ title: 'Tuần 2', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), timeLimitSeconds: 300, maxAttempts: 1, blueprint: [{ topicId: quiz.topicId, count: 1 }], freezeMinutes: -1 })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', details: [expect.objectContaining({ field: 'freezeMinutes' })] });
  });

  let early: Awaited<ReturnType<typeof aMember>>;
  let late: Awaited<ReturnType<typeof aMember>>;

  it('never shows another member’s prediction on the live board (the first tie-break)', async () => {
    early = await aMember(t, unitId);
    await play(early, 77, 60_000);
    const board = await publicBoard();
    expect(board).toMatchObject({ final: false, frozen: false, frozenAt: null, total: 1 });
    expect(board.entries).toEqual([expect.objectContaining({ userId: early.user.id, prediction: null })]);
    // The member sees their own.
    const mine = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(early)).expect(200);
    expect(mine.body).toMatchObject({ rank: 1, total: 1, frozen: false, entry: expect.objectContaining({ prediction: 77 }) });
  });

  it('stops changing for the public in the last freezeMinutes: board, total, /me and stream', async () => {
    clock.set(new Date(closesAt.getTime() - 20 * MINUTE));
    late = await aMember(t, unitId);
    await play(late, 78, 10_000); // faster than the early one: first on the live board
    const frozenAt = new Date(closesAt.getTime() - 30 * MINUTE).toISOString();

    const board = await publicBoard();
    expect(board).toMatchObject({ final: false, frozen: true, frozenAt, total: 1 });
    expect(board.entries.map((e: { userId: string }) => e.userId)).toEqual([early.user.id]);
    const signedIn = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).set(...bearer(late)).expect(200);
    expect(signedIn.body).toMatchObject({ frozen: true, total: 1 });

    const lateMe = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(late)).expect(200);
    expect(lateMe.body).toEqual({ rank: null, entry: null, total: 1, frozen: true, frozenAt });
    const earlyMe = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(early)).expect(200);
    expect(earlyMe.body).toMatchObject({ rank: 1, total: 1, frozen: true });

    const top = await t.app.get(LeaderboardsService).top(quiz.roundId, 20);
    expect(top.frozenAt?.toISOString()).toBe(frozenAt);
    expect(top.rows.map((r) => r.userId)).toEqual([early.user.id]);

    // The contest board and the unit board (collective prizes) count the round as it froze.
    const contestBoard = (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard`).set(...bearer(late)).expect(200)).body;
    expect(contestBoard).toMatchObject({ frozen: true, frozenAt, total: 1 });
    expect(contestBoard.entries.map((e: { userId: string }) => e.userId)).toEqual([early.user.id]);
    const unitBoard = (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).expect(200)).body;
    expect(unitBoard).toMatchObject({ frozen: true, frozenAt });
    expect(unitBoard.entries.find((e: { unitId: string }) => e.unitId === unitId)).toMatchObject({ participants: 1 });
    const liveContest = (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard`).set(...bearer(quiz.organizer)).expect(200)).body;
    expect(liveContest).toMatchObject({ frozen: false, frozenAt: null, total: 2 });
    const liveUnits = (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).set(...bearer(quiz.organizer)).expect(200)).body;
    expect(liveUnits.entries.find((e: { unitId: string }) => e.unitId === unitId)).toMatchObject({ participants: 2 });

    // The organizers who run the contest see it live.
    const live = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).set(...bearer(quiz.organizer)).expect(200);
    expect(live.body).toMatchObject({ frozen: false, total: 2 });
    expect(live.body.entries.map((e: { userId: string }) => e.userId)).toEqual([late.user.id, early.user.id]);
    expect(live.body.entries.every((e: { prediction: number | null }) => e.prediction === null)).toBe(true);
  });

  it('shows everything, predictions included, once the round is closed', async () => {
    clock.set(new Date(closesAt.getTime() + t.config.attemptGraceSeconds * 1000 + 1));
    await t.http().post(`/api/rounds/${quiz.roundId}/close`).set(...bearer(quiz.organizer)).send({}).expect(200);
    const board = await publicBoard();
    expect(board).toMatchObject({ final: true, frozen: false, total: 2, actualValue: 2 });
    // Same score; the prediction closer to the 2 participants ranks first, before the faster attempt.
    expect(board.entries.map((e: { userId: string; prediction: number }) => [e.userId, e.prediction])).toEqual([
      [early.user.id, 77],
      [late.user.id, 78],
    ]);
  });
});
