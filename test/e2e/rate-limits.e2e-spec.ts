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

describe('a flood of bad logins', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    // TRUST_PROXY: each test's requests come from addresses of its own (X-Forwarded-For).
    t = await startTestApp({ env: { LOGIN_ADDRESS_FAILURE_LIMIT: '5', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '0', TRUST_PROXY: 'true' } });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('hashes one password at a time here and refuses what cannot wait with 429 and Retry-After', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.http().post('/api/auth/login').set('X-Forwarded-For', `10.0.0.${i}`).send({ email: uniqueEmail(`khong-co-${i}`), password: 'doan-mo-mat-khau' })),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((response) => response.headers['retry-after'] === '1' && response.body.code === 'RATE_LIMITED')).toBe(true);
    expect(responses.every((response) => response.status === 401 || response.status === 429)).toBe(true);
    await t.http().get('/api/health').expect(200);
  });

  it('stops one address after LOGIN_ADDRESS_FAILURE_LIMIT failures a minute, whatever the accounts', async () => {
    const member = await aMember(t, unitId);
    const login = (email: string, password: string, from = '10.1.1.1') => t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
    for (let i = 0; i < 5; i++) await login(uniqueEmail(`doan-${i}`), 'doan-mo-mat-khau').expect(401);
    const blocked = await login(uniqueEmail('doan-6'), 'doan-mo-mat-khau').expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await login(member.user.email, member.password).expect(429);
    // Another address is not affected.
    await login(member.user.email, member.password, '10.1.1.2').expect(200);
  });
});
