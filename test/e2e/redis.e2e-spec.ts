import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { MemoryRateLimiter } from '../../apps/api/src/common/rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from '../../apps/api/src/common/rate-limit/rate-limiter.js';
import { RedisRateLimiter } from '../../apps/api/src/common/rate-limit/redis-rate-limiter.js';
import { LeaderboardStore } from '../../apps/api/src/modules/leaderboards/leaderboard-store.js';
import type { RedisLeaderboardStore } from '../../apps/api/src/modules/leaderboards/redis-leaderboard.store.js';
import { aMember, aQuizRound, aUnit, bearer } from '../support/builders.js';
import { findTestRedis } from '../support/redis.js';
import { createTestDatabase, FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = await findTestRedis();
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('rate limiter contract: the in-process and the Redis adapters count alike', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl!);
  });
  afterAll(() => redis.quit());

  const adapters: [string, () => { limiter: RateLimiter; expire: () => Promise<void> }][] = [
    [
      'memory',
      () => {
        const clock = new FakeClock();
        return { limiter: new MemoryRateLimiter(clock), expire: async () => clock.advance(250) };
      },
    ],
    ['redis', () => ({ limiter: new RedisRateLimiter(redis, `hoithi:test:${randomBytes(4).toString('hex')}:`), expire: () => new Promise((r) => setTimeout(r, 300)) })],
  ];

  it.each(adapters)('%s: counts hits in a window, peeks without counting, resets and expires', async (_name, make) => {
    const { limiter, expire } = make();
    expect(await limiter.peek('k')).toEqual({ count: 0, resetInMs: 0 });
    expect((await limiter.hit('k', 200)).count).toBe(1);
    const second = await limiter.hit('k', 200);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(200);
    expect((await limiter.peek('k')).count).toBe(2);
    expect((await limiter.peek('other')).count).toBe(0);
    await limiter.reset('k');
    expect((await limiter.peek('k')).count).toBe(0);
    await limiter.hit('k', 200);
    await expire();
    expect((await limiter.peek('k')).count).toBe(0);
    expect((await limiter.hit('k', 200)).count).toBe(1);
  });
});

describeWithRedis('with REDIS_URL: health reports Redis, and replicas share the login limit', () => {
  let a: TestApp;
  let b: TestApp;
  let dropShared: () => Promise<void>;

  beforeAll(async () => {
    // Two app instances on one database and one Redis, like two replicas behind nginx.
    const shared = await createTestDatabase();
    dropShared = shared.drop;
    const env = { REDIS_URL: redisUrl!, LOGIN_FAILURE_LIMIT: '4' };
    a = await startTestApp({ env, database: shared.url });
    b = await startTestApp({ env, database: shared.url });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropShared?.();
  });

  it('reports Redis in /api/health', async () => {
    const health = await a.http().get('/api/health').expect(200);
    expect(health.body.redis).toEqual({ status: 'up' });
  });

  it('counts failed logins made on one replica when another is asked', async () => {
    const unitId = (await aUnit(a)).id;
    const member = await aMember(a, unitId);
    for (const app of [a, b, a, b]) {
      await app.http().post('/api/auth/login').send({ email: member.user.email, password: 'sai-mat-khau' }).expect(401);
    }
    const blocked = await b.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await a.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(429);
  });
});

describeWithRedis('with REDIS_URL: a board entry whose Redis write was lost heals from PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The timer is off: the test runs the pass the timer would run every LEADERBOARD_RECONCILE_MS.
    t = await startTestApp({ env: { REDIS_URL: redisUrl!, LEADERBOARD_RECONCILE_MS: '0' } });
  });
  afterAll(async () => t?.close());

  it('writes again, at the next pass, a submit whose Redis write failed after the commit', async () => {
    const unitId = (await aUnit(t)).id;
    const quiz = await aQuizRound(t, unitId, { questions: 2, round: { freezeMinutes: 0 } });
    const play = async () => {
      const member = await aMember(t, unitId);
      const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
      await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({}).expect(200);
      return member;
    };
    const board = async () => (await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard?limit=50`).expect(200)).body.entries.map((e: { userId: string }) => e.userId);
    const first = await play();
    for (let i = 0; i < 50 && !(await board()).includes(first.user.id); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await board()).toEqual([first.user.id]);

    // Redis refuses the next board write (a network blip, or the process dying right after its commit).
    const store = t.app.get(LeaderboardStore) as RedisLeaderboardStore;
    const write = store.record.bind(store);
    let refused = 0;
    store.record = (roundId, row, touch) => (refused++ === 0 ? Promise.reject(new Error('ECONNRESET')) : write(roundId, row, touch));
    const second = await play();
    for (let i = 0; i < 50 && refused === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(refused).toBe(1);
    await new Promise((r) => setTimeout(r, 1100)); // past the shared pages' second
    expect(await board()).toEqual([first.user.id]);

    expect(await store.reconcile()).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await board()).sort()).toEqual([first.user.id, second.user.id].sort());
  });
});
