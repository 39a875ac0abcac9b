import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { StartWaitingResponse } from '@hoi-thi/contracts';
import { TICKET_GRACE_MS } from '../../apps/api/src/modules/attempts/admission/admission-gate.js';
import { RedisAdmissionGate } from '../../apps/api/src/modules/attempts/admission/redis-admission-gate.js';
import { aQuizRound, aUnit, bearer } from '../support/builders.js';
import { insertPeople, type Person } from '../support/essays.js';
import { findTestRedis } from '../support/redis.js';
import { createTestDatabase, startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

/**
 * Admission control for starts (API.md "Start under a rush", issue 18 item 4): over
 * START_ADMISSION_PER_SECOND a start answers 202 with a place in the queue and nothing starts; a retry
 * keeps the place; once admitted the attempt starts then. In one process without Redis (the embedded
 * default runs this file too), and shared by two replicas through Redis.
 */
const onServer = TEST_DB === 'server';
const redisUrl = onServer ? await findTestRedis() : null;
// Redis and two replicas on one database are the server's: the embedded run leaves this part out.
const describeWithRedis = redisUrl ? describe : onServer ? describe.skip : ((() => undefined) as unknown as typeof describe);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const start = (app: TestApp, roundId: string, member: Person) => app.http().post(`/api/rounds/${roundId}/attempts`).set(...bearer(member));

function expectWaiting(response: { status: number; body: unknown; headers: Record<string, string> }, position: number): StartWaitingResponse {
  expect(response.status).toBe(202);
  const body = response.body as StartWaitingResponse;
  expect(body).toEqual({ status: 'waiting', position, retryAfterMs: expect.any(Number) });
  expect(body.retryAfterMs).toBeGreaterThanOrEqual(500);
  expect(body.retryAfterMs).toBeLessThanOrEqual(10_000);
  expect(response.headers['retry-after']).toBe(String(Math.ceil(body.retryAfterMs / 1000)));
  return body;
}

/**
 * What a client does: start, and on 202 wait retryAfterMs and ask again, round-robin over the
 * replicas given. Returns the attempt and every answer seen; anything but 201 or 202 is an error.
 */
async function startLikeAClient(apps: TestApp[], roundId: string, member: Person, first = 0) {
  const waits: StartWaitingResponse[] = [];
  for (let asked = first; asked < first + 200; asked++) {
    const response = await start(apps[asked % apps.length], roundId, member);
    if (response.status === 201) return { attempt: response.body as { id: string; startedAt: string; deadline: string }, waits };
    if (response.status !== 202) throw new Error(`start answered ${response.status}: ${JSON.stringify(response.body)}`);
    waits.push(response.body as StartWaitingResponse);
    await sleep((response.body as StartWaitingResponse).retryAfterMs);
  }
  throw new Error('not admitted after 200 tries');
}

/**
 * Members ask one after another until one is told to wait: how many get in first depends on how long
 * a start takes here (the bucket refills meanwhile), not on the rules. The rest have not asked yet.
 */
async function queueOne(apps: TestApp[], roundId: string, members: Person[]) {
  for (let i = 0; i < members.length; i++) {
    const response = await start(apps[i % apps.length], roundId, members[i]);
    if (response.status === 202) return { queued: members[i], wait: expectWaiting(response, (response.body as StartWaitingResponse).position), rest: members.slice(i + 1) };
    expect(response.status).toBe(201);
  }
  throw new Error('every member got in: the bucket refilled faster than these starts ran');
}

/** N members start at the same moment; every one must get an attempt and nobody an error. */
async function synchronizedStart(apps: TestApp[], roundId: string, members: Person[]) {
  const outcomes = await Promise.all(members.map((member, i) => startLikeAClient(apps, roundId, member, i)));
  const attempts: { user_id: string; n: string }[] = await apps[0].dataSource.query(
    'SELECT user_id, count(*) AS n FROM attempts WHERE round_id = $1 GROUP BY user_id',
    [roundId],
  );
  return { outcomes, attempts };
}

describe('admission control in one process (no Redis)', () => {
  let t: TestApp;
  let unitId: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { START_ADMISSION_PER_SECOND: '1', START_ADMISSION_BURST: '1' } });
    unitId = (await aUnit(t)).id;
    // The app runs on the real clock (admission is about real seconds): the round is open now.
    roundId = (await aQuizRound(t, unitId, { questions: 2, now: new Date() })).roundId;
  });
  afterAll(async () => t?.close());

  it('queues starts over the rate in arrival order, keeps a place on retry, and starts the clock at admission', async () => {
    const { queued: a, wait: waitA, rest } = await queueOne([t], roundId, await insertPeople(t, Array.from({ length: 8 }, () => ({ unitId }))));
    const [b, c] = rest;
    expect(waitA.position).toBe(1);
    const firstAsked = Date.now();
    const waitB = expectWaiting(await start(t, roundId, b), 2);
    const waitC = expectWaiting(await start(t, roundId, c), 3);
    expect(waitA.retryAfterMs).toBeLessThan(waitB.retryAfterMs);
    expect(waitB.retryAfterMs).toBeLessThan(waitC.retryAfterMs);
    // Nothing started for those waiting: no attempt, no participant row, no clock.
    const rows: { n: string }[] = await t.dataSource.query('SELECT count(*) AS n FROM round_participants WHERE round_id = $1 AND user_id = ANY($2)', [
      roundId,
      [a.id, b.id, c.id],
    ]);
    expect(rows[0].n).toBe('0');

    // Asking again early keeps the place.
    expectWaiting(await start(t, roundId, b), 2);
    expectWaiting(await start(t, roundId, c), 3);

    await sleep(waitA.retryAfterMs);
    const admittedAt = Date.now();
    const started = await start(t, roundId, a).expect(201);
    expect(Date.parse(started.body.startedAt)).toBeGreaterThanOrEqual(admittedAt);
    expect(Date.parse(started.body.startedAt)).toBeGreaterThan(firstAsked);
    expect(Date.parse(started.body.deadline) - Date.parse(started.body.startedAt)).toBe(600_000);

    // The ones behind moved up, and get in by following the waits they are told.
    for (const member of [b, c]) {
      const { attempt, waits } = await startLikeAClient([t], roundId, member);
      expect(attempt.id).toEqual(expect.any(String));
      waits.forEach((wait, i) => i > 0 && expect(wait.position).toBeLessThanOrEqual(waits[i - 1].position));
    }
  });

  it('documents the 202 in OpenAPI', async () => {
    const docs = (await t.http().get('/api/docs-json').expect(200)).body;
    const responses = docs.paths['/api/rounds/{id}/attempts'].post.responses;
    expect(Object.keys(responses).filter((status) => /^2\d\d$/.test(status)).sort()).toEqual(['201', '202']);
    expect(responses.default.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/StartWaitingDto' });
    expect(docs.components.schemas.StartWaitingDto).toMatchObject({
      required: expect.arrayContaining(['status', 'position', 'retryAfterMs']),
      properties: { status: { enum: ['waiting'] }, position: { minimum: 1 }, retryAfterMs: { minimum: 500, maximum: 10_000 } },
    });
  });

  it('lets a member resume an active attempt at once, without taking a place in the queue', async () => {
    const [active, ...others] = await insertPeople(t, Array.from({ length: 8 }, () => ({ unitId })));
    const attempt = (await startLikeAClient([t], roundId, active)).attempt;
    const { wait: first, rest } = await queueOne([t], roundId, others);
    const behind = rest[0];
    const waitBehind = expectWaiting(await start(t, roundId, behind), first.position + 1);

    const resumed = await start(t, roundId, active).expect(409);
    expect(resumed.body).toMatchObject({ code: 'ATTEMPT.ACTIVE_EXISTS', attemptId: attempt.id });
    await t.http().get(`/api/attempts/${attempt.id}`).set(...bearer(active)).expect(200);
    // The resume took no place: the member behind is where it was.
    expectWaiting(await start(t, roundId, behind), waitBehind.position);
  });
});

describe('admission control in one process: a synchronized start of 300 members', () => {
  let t: TestApp;
  let unitId: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { START_ADMISSION_PER_SECOND: '30', START_ADMISSION_BURST: '5' } });
    unitId = (await aUnit(t)).id;
    roundId = (await aQuizRound(t, unitId, { questions: 2, now: new Date() })).roundId;
  });
  afterAll(async () => t?.close());

  it('queues them and starts every one, with no error', async () => {
    const members = await insertPeople(t, Array.from({ length: 300 }, () => ({ unitId })));
    const { outcomes, attempts } = await synchronizedStart([t], roundId, members);
    expect(attempts).toHaveLength(300);
    expect(attempts.every((row) => row.n === '1')).toBe(true);
    // The gate was at work (the burst is 5), and every place it gave was a real one.
    const waits = outcomes.flatMap((o) => o.waits);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w.status === 'waiting' && w.position >= 1 && w.retryAfterMs >= 500 && w.retryAfterMs <= 10_000)).toBe(true);
  });
});

describeWithRedis('admission control shared by two replicas through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let dropShared: () => Promise<void>;
  let unitId: string;

  // Each test has its own queue in the shared Redis: its own key.
  const replicas = async (env: Record<string, string>) => {
    const key = `hoithi:test:admission:${randomBytes(4).toString('hex')}`;
    const shared = await createTestDatabase();
    dropShared = shared.drop;
    const all = { REDIS_URL: redisUrl!, START_ADMISSION_REDIS_KEY: key, ...env };
    a = await startTestApp({ env: all, database: shared.url });
    b = await startTestApp({ env: all, database: shared.url });
    unitId = (await aUnit(a)).id;
    return (await aQuizRound(a, unitId, { questions: 2, now: new Date() })).roundId;
  };
  const stop = async () => {
    await a?.close();
    await b?.close();
    await dropShared?.();
  };

  describe('one queue and one rate', () => {
    let roundId: string;
    beforeAll(async () => {
      roundId = await replicas({ START_ADMISSION_PER_SECOND: '1', START_ADMISSION_BURST: '1' });
    });
    afterAll(stop);

    it('gives places across replicas in arrival order, keeps them on either, and admits on either', async () => {
      const { queued: m1, wait: wait1, rest } = await queueOne([a], roundId, await insertPeople(a, Array.from({ length: 8 }, () => ({ unitId }))));
      const [m2, m3] = rest;
      expect(wait1.position).toBe(1);
      // B has admitted nobody yet: only a shared bucket and queue make it answer 202, behind A's member.
      expectWaiting(await start(b, roundId, m2), 2);
      expectWaiting(await start(a, roundId, m3), 3);
      // Places are kept whichever replica is asked again.
      expectWaiting(await start(a, roundId, m2), 2);
      expectWaiting(await start(b, roundId, m3), 3);

      await sleep(wait1.retryAfterMs);
      const admittedAt = Date.now();
      const started = await start(b, roundId, m1).expect(201);
      expect(Date.parse(started.body.startedAt)).toBeGreaterThanOrEqual(admittedAt);
      expectWaiting(await start(a, roundId, m3), 2);
      await startLikeAClient([b, a], roundId, m2);
      await startLikeAClient([a, b], roundId, m3);
    });

    it('keeps admitting, per process, while Redis fails', async () => {
      const failing = jest.spyOn(RedisAdmissionGate.prototype, 'enter').mockRejectedValue(new Error('ECONNRESET'));
      try {
        const [member] = await insertPeople(a, [{ unitId }]);
        const { attempt } = await startLikeAClient([a, b], roundId, member);
        expect(attempt.id).toEqual(expect.any(String));
        expect(failing).toHaveBeenCalled();
      } finally {
        failing.mockRestore();
      }
    });
  });

  describe('behind nginx (TRUST_PROXY): a retry is judged by when it reached nginx', () => {
    let roundId: string;
    beforeAll(async () => {
      roundId = await replicas({ START_ADMISSION_PER_SECOND: '1', START_ADMISSION_BURST: '1', TRUST_PROXY: 'true' });
    });
    afterAll(stop);

    it("keeps the place of a member whose retry the API read after the ticket's grace, when nginx had it in time", async () => {
      const { queued: onTime, wait, rest } = await queueOne([a], roundId, await insertPeople(a, Array.from({ length: 20 }, () => ({ unitId }))));
      const toldAt = Date.now();
      const [late, ...others] = rest;
      const behind = others.slice(0, 10);
      expect(behind).toHaveLength(10);
      expectWaiting(await start(b, roundId, late), wait.position + 1);
      for (const [i, member] of behind.entries()) expectWaiting(await start(i % 2 ? a : b, roundId, member), wait.position + 2 + i);

      // Both tickets' grace is over by the time the API reads their retries (a burst kept it busy).
      // (The one behind was told 1 s more; 1 s of margin for the requests in between on a slow machine.)
      await sleep(wait.retryAfterMs + TICKET_GRACE_MS + 1_000 + 1_000);
      // Without the header the API can only judge by now: too late, a new ticket at the back.
      const back = await start(a, roundId, late);
      expect(back.status).toBe(202);
      expect((back.body as StartWaitingResponse).position).toBe(wait.position + behind.length + 1);
      // nginx stamped this retry when the member sent it, at the time it was told: the place holds.
      const sentAt = (toldAt + wait.retryAfterMs) / 1000;
      await start(b, roundId, onTime).set('X-Request-Start', `t=${sentAt.toFixed(3)}`).expect(201);
    });
  });

  describe('a synchronized start of 300 members over both replicas', () => {
    let roundId: string;
    beforeAll(async () => {
      roundId = await replicas({ START_ADMISSION_PER_SECOND: '30', START_ADMISSION_BURST: '5' });
    });
    afterAll(stop);

    it('starts every one, with no error', async () => {
      const members = await insertPeople(a, Array.from({ length: 300 }, () => ({ unitId })));
      const { outcomes, attempts } = await synchronizedStart([a, b], roundId, members);
      expect(attempts).toHaveLength(300);
      expect(attempts.every((row) => row.n === '1')).toBe(true);
      // The gate was at work (the burst is 5), and every place it gave was a real one.
      const waits = outcomes.flatMap((o) => o.waits);
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((w) => w.status === 'waiting' && w.position >= 1 && w.retryAfterMs >= 500 && w.retryAfterMs <= 10_000)).toBe(true);
    });
  });
});
