import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, aUnit, uniqueEmail } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

describe('rate limits: failed logins per account, registrations per address', () => {
  const clock = new FakeClock();
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { LOGIN_FAILURE_LIMIT: '10', REGISTER_RATE_LIMIT: '3' } });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('refuses the 11th failed login for one account within a minute with 429 and Retry-After', async () => {
    const member = await aMember(t, unitId);
    const other = await aMember(t, unitId);
    for (let i = 1; i <= 10; i++) {
      await t.http().post('/api/auth/login').send({ email: member.user.email, password: `sai-${i}-mat-khau` }).expect(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: member.user.email, password: 'sai-11-mat-khau' }).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Even the right password waits: the limit protects the account, not the address.
    await t.http().post('/api/auth/login').send({ email: member.user.email.toUpperCase(), password: member.password }).expect(429);
    // Another account behind the same address is not affected.
    await t.http().post('/api/auth/login').send({ email: other.user.email, password: other.password }).expect(200);

    clock.advance(61_000);
    await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
  });

  it('lets at most LOGIN_FAILURE_LIMIT guesses through even when they arrive in parallel', async () => {
    clock.advance(120_000);
    const member = await aMember(t, unitId);
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => t.http().post('/api/auth/login').send({ email: member.user.email, password: `doan-mo-${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('starts counting afresh after a successful login', async () => {
    const member = await aMember(t, unitId);
    for (let i = 0; i < 9; i++) {
      await t.http().post('/api/auth/login').send({ email: member.user.email, password: 'sai-mat-khau' }).expect(401);
    }
    await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
    for (let i = 0; i < 9; i++) {
      await t.http().post('/api/auth/login').send({ email: member.user.email, password: 'sai-mat-khau' }).expect(401);
    }
    await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
  });

  it('allows REGISTER_RATE_LIMIT registrations per address per minute, then 429 with Retry-After', async () => {
    clock.advance(120_000);
    const address = '203.0.113.7';
    const register = (email: string) =>
      t.http().post('/api/auth/register').set('X-Forwarded-For', address).send({ fullName: 'Đoàn viên', email, password: 'mat-khau-dai', unitId });
    // TRUST_PROXY is off: X-Forwarded-For is ignored and every request counts for the socket's address.
    for (let i = 0; i < 3; i++) await register(uniqueEmail()).expect(201);
    const email = uniqueEmail();
    const blocked = await register(email).expect(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [email]);
    expect(count).toBe(0);

    clock.advance(61_000);
    await register(email).expect(201);
  });

  it('limits nothing else per address: many reads from one address all succeed', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.http().get('/api/units')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });
});
