import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { type BestRow, BoardSource } from '../../apps/api/src/modules/attempts/board-source.js';
import type { LeaderboardStore } from '../../apps/api/src/modules/leaderboards/leaderboard-store.js';
import { PostgresLeaderboardStore } from '../../apps/api/src/modules/leaderboards/postgres-leaderboard.store.js';
import { RedisLeaderboardStore } from '../../apps/api/src/modules/leaderboards/redis-leaderboard.store.js';
import { aMember, aQuizRound, aUnit, bearer } from '../support/builders.js';
import { findTestRedis } from '../support/redis.js';
import { createTestDatabase, FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = await findTestRedis();

/** The ladder, written out in the test: score ↓, duration ↑, submitted ↑, attempt id ↑. */
const byLadder = (a: BestRow, b: BestRow) =>
  b.score - a.score ||
  a.durationMs - b.durationMs ||
  a.submittedAt.getTime() - b.submittedAt.getTime() ||
  (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0);

const uuid = () => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

describe('LeaderboardStore contract: the PostgreSQL replica and Redis sorted sets rank alike', () => {
  let t: TestApp;
  let redis: Redis | null = null;
  let unitId: string;
  let userIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    if (redisUrl) redis = new Redis(redisUrl);
    unitId = (await aUnit(t)).id;
    const users: { id: string }[] = await t.dataSource.query(
      `INSERT INTO users (full_name, email, password_hash, unit_id)
       SELECT 'Thành viên ' || g, 'board' || g || '.' || $2 || '@example.org', 'x', $1 FROM generate_series(1, 300) g RETURNING id`,
      [unitId, randomBytes(3).toString('hex')],
    );
    userIds = users.map((u) => u.id);
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
  });

  async function aRound(): Promise<string> {
    const [contest] = await t.dataSource.query(`INSERT INTO contests (title, kind, status) VALUES ('Bảng thử', 'quiz', 'published') RETURNING id`);
    const [round] = await t.dataSource.query(
      `INSERT INTO rounds (contest_id, position, kind, title, opens_at, closes_at, time_limit_seconds, max_attempts, blueprint)
       VALUES ($1, 1, 'quiz', 'Tuần 1', now() - interval '1 day', now() + interval '1 day', 600, 3, '[]') RETURNING id`,
      [contest.id],
    );
    return round.id;
  }

  /** Writes a member's best the way the attempts module does: in PostgreSQL, stamped with the transaction. */
  async function writeBest(roundId: string, row: BestRow): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO round_participants (round_id, user_id, unit_id, attempts_used, best_attempt_id, best_score, best_duration_ms, best_submitted_at, best_prediction, board_txid)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, pg_current_xact_id()::text::bigint)
       ON CONFLICT (round_id, user_id) DO UPDATE SET best_attempt_id = $4, best_score = $5, best_duration_ms = $6, best_submitted_at = $7,
         best_prediction = $8, board_txid = pg_current_xact_id()::text::bigint`,
      [roundId, row.userId, row.unitId, row.attemptId, row.score, row.durationMs, row.submittedAt, row.prediction],
    );
  }

  const adapters: [string, () => LeaderboardStore | null][] = [
    ['postgres', () => new PostgresLeaderboardStore(t.app.get(BoardSource))],
    ['redis', () => (redis ? new RedisLeaderboardStore(redis, t.app.get(BoardSource)) : null)],
  ];


  describe.each(adapters)('%s', (name, make) => {
    const run = name === 'redis' && !redisUrl ? it.skip : it;

    run('serves an empty board, then ranks 300 members with ties down to the attempt id', async () => {
      const store = make()!;
      const roundId = await aRound();
      expect(await store.page(roundId, 0, 10)).toEqual({ total: 0, entries: [] });
      expect(await store.find(roundId, userIds[0])).toEqual({ row: null, total: 0 });

      const base = Date.parse('2026-11-26T08:00:00Z');
      const rows: BestRow[] = userIds.map((userId, i) => ({
        userId,
        unitId,
        attemptId: uuid(),
        score: [20, 19.5, 19.5, 18, 12.25][i % 5],
        durationMs: [120_000, 95_000, 95_000][i % 3],
        submittedAt: new Date(base + (i % 7) * 1000),
        prediction: i % 4 === 0 ? null : 100 + (i % 9),
      }));
      for (const row of rows) {
        await writeBest(roundId, row);
        await store.record(roundId, row);
      }
      const expected = [...rows].sort(byLadder);
      const all = await store.page(roundId, 0, 500);
      expect(all.total).toBe(300);
      expect(all.entries.map((e) => [e.userId, e.rank])).toEqual(expected.map((r, i) => [r.userId, i + 1]));
      expect(all.entries[0]).toEqual({ ...expected[0], rank: 1 });
      const page = await store.page(roundId, 50, 25);
      expect(page.entries.map((e) => e.rank)).toEqual(Array.from({ length: 25 }, (_, i) => 51 + i));
      for (const index of [0, 1, 149, 299]) {
        const found = await store.find(roundId, expected[index].userId);
        expect(found).toEqual({ row: { ...expected[index], rank: index + 1 }, total: 300 });
      }
    });

    run('moves a member who improves and keeps one entry per member; a rebuild from PostgreSQL gives the same board', async () => {
      const store = make()!;
      const roundId = await aRound();
      const at = new Date('2026-11-26T09:00:00Z');
      const rows = userIds.slice(0, 5).map((userId, i) => ({ userId, unitId, attemptId: uuid(), score: 10 + i, durationMs: 60_000, submittedAt: at, prediction: null }));
      for (const row of rows) {
        await writeBest(roundId, row);
        await store.record(roundId, row);
      }
      expect((await store.find(roundId, rows[0].userId)).row?.rank).toBe(5);
      const better = { ...rows[0], attemptId: uuid(), score: 20, durationMs: 30_000, prediction: 77 };
      await writeBest(roundId, better);
      await store.record(roundId, better);
      expect(await store.find(roundId, rows[0].userId)).toEqual({ row: { ...better, rank: 1 }, total: 5 });
      expect((await store.page(roundId, 0, 10)).entries.map((e) => e.userId)).toEqual([rows[0], rows[4], rows[3], rows[2], rows[1]].map((r) => r.userId));

      // A change PostgreSQL has but the store was never told about (a process died in between): a rebuild catches it.
      const missed = { ...rows[1], attemptId: uuid(), score: 30 };
      await writeBest(roundId, missed);
      expect(await store.rebuild(roundId)).toBe(5);
      expect((await store.page(roundId, 0, 10)).entries.map((e) => [e.userId, e.rank])).toEqual(
        [missed, better, rows[4], rows[3], rows[2]].map((r, i) => [r.userId, i + 1]),
      );
    });
  });
});

(redisUrl ? describe : describe.skip)('live updates across two API processes sharing Redis', () => {
  let database: { url: string; drop: () => Promise<void> };
  let a: TestApp;
  let b: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestApp({ database: database.url, clock, env: { REDIS_URL: redisUrl! } });
    b = await startTestApp({ database: database.url, clock, env: { REDIS_URL: redisUrl! } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a submit on one process reaches a stream opened on the other within a second', async () => {
    const unitId = (await aUnit(a)).id;
    const quiz = await aQuizRound(a, unitId, { questions: 3 });
    await b.app.listen(0, '127.0.0.1');
    const { port } = b.app.getHttpServer().address() as AddressInfo;
    const frames: { entries: { userId: string }[] }[] = [];
    let buffer = '';
    const request = httpRequest({ host: '127.0.0.1', port, path: `/api/rounds/${quiz.roundId}/leaderboard/stream` });
    request.on('response', (response) =>
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('event: board')) frames.push(JSON.parse(frame.split('\ndata: ')[1]));
        }
      }),
    );
    request.end();
    const waitFor = async (count: number, ms: number) => {
      const until = Date.now() + ms;
      while (frames.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return frames.length >= count;
    };
    try {
      expect(await waitFor(1, 3000)).toBe(true);
      expect(frames[0].entries).toEqual([]);

      const member = await aMember(a, unitId);
      const attempt = await a.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
      clock.advance(10_000);
      const submittedAt = Date.now();
      await a.http().post(`/api/attempts/${attempt.body.id}/submit`).set(...bearer(member)).send({}).expect(200);
      const reached = () => frames.some((frame) => frame.entries.some((e) => e.userId === member.user.id));
      while (!reached() && Date.now() - submittedAt < 1000) await new Promise((r) => setTimeout(r, 20));
      expect(reached()).toBe(true);
      expect(frames.find((frame) => frame.entries.length > 0)!.entries.map((e) => e.userId)).toEqual([member.user.id]);
    } finally {
      request.destroy();
    }
  });
});
