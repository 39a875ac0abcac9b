import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { AdminBootstrap } from '../../apps/api/src/modules/auth/admin.bootstrap.js';
import { aMember, aUnit, aUserWithRoles, bearer, uniqueEmail } from '../support/builders.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';

/** The cost parameters of a PHC-format argon2 hash: $argon2id$v=19$m=…,t=…,p=…$salt$hash (in any order). */
const argon2Params = (hash: string) => Object.fromEntries(hash.split('$')[3].split(',').map((pair) => pair.split('=')));

describe('auth: register, login, me, roles', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_FAILURE_LIMIT: '10', REGISTER_RATE_LIMIT: '1000' } });
    unitId = (await aUnit(t)).id;
  });
  afterAll(async () => t?.close());

  it('ADMIN_EMAIL never promotes an account someone else registered with that address', async () => {
    // The attacker registers the address the operators will put in ADMIN_EMAIL before the next boot.
    const email = uniqueEmail('admin');
    const attacker = await aMember(t, unitId, { email, password: 'ke-gian-dang-ky' });
    const bootstrap = t.app.get(AdminBootstrap);
    expect(await bootstrap.ensure(email, 'mat-khau-quan-tri-that')).toBe('refused');
    const [row] = await t.dataSource.query('SELECT roles FROM users WHERE id = $1', [attacker.user.id]);
    expect(row.roles).toEqual(['member']);
    const login = await t.http().post('/api/auth/login').send({ email, password: 'ke-gian-dang-ky' }).expect(200);
    await t.http().get('/api/users').set(...bearer(login.body)).expect(403);

    // The owner of the address proves it with ADMIN_PASSWORD itself: then the account is promoted.
    const owner = uniqueEmail('admin');
    await aMember(t, unitId, { email: owner, password: 'mat-khau-quan-tri-that' });
    expect(await bootstrap.ensure(owner, 'mat-khau-quan-tri-that')).toBe('promoted');
    expect(await bootstrap.ensure(owner, 'mat-khau-quan-tri-that')).toBe('unchanged');
    // A new address is created as an admin, as before.
    expect(await bootstrap.ensure(uniqueEmail('admin'), 'mat-khau-quan-tri-that')).toBe('created');
  });

  it('registers a member, who can log in and read /me', async () => {
    const email = uniqueEmail();
    const registered = await t
      .http()
      .post('/api/auth/register')
      .send({ fullName: 'Trần Thị Bích', email: `  ${email.toUpperCase()} `, password: 'mat-khau-dai', unitId, phone: '0912 345 678' })
      .expect(201);
    expect(registered.body.user).toEqual({ id: expect.any(String), fullName: 'Trần Thị Bích', email, unitId, roles: ['member'], phone: '0912345678', mustChangePassword: false });
    expect(registered.body.accessToken).toEqual(expect.any(String));
    expect(JSON.stringify(registered.body)).not.toMatch(/"password"|passwordHash|hash|mat-khau-dai/i);

    const login = await t.http().post('/api/auth/login').send({ email, password: 'mat-khau-dai' }).expect(200);
    expect(login.body.user.id).toBe(registered.body.user.id);

    const me = await t.http().get('/api/auth/me').set(...bearer(login.body)).expect(200);
    expect(me.body).toEqual(registered.body.user);
  });

  it('stores the password as an argon2id hash at OWASP\'s minimum (19 MiB, 2 passes, 1 lane)', async () => {
    const member = await aMember(t, unitId);
    const [row] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [member.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(argon2Params(row.password_hash)).toEqual({ m: '19456', t: '2', p: '1' });
  });

  it('replaces a hash made with older parameters at the next login, and the password keeps working', async () => {
    const email = uniqueEmail();
    const member = await t.http().post('/api/auth/register').send({ fullName: 'Lê Văn Hòa', email, password: 'mat-khau-cu-1', unitId }).expect(201);
    // As the library's defaults stored it before (64 MiB, 3 passes, 4 lanes).
    const older = await argon2.hash('mat-khau-cu-1', { type: argon2.argon2id });
    expect(argon2Params(older)).toEqual({ m: '65536', t: '3', p: '4' });
    await t.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [member.body.user.id, older]);
    const stored = async () => (await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [member.body.user.id]))[0].password_hash;

    await t.http().post('/api/auth/login').send({ email, password: 'wrong-password' }).expect(401);
    expect(await stored()).toBe(older); // a failed login changes nothing
    await t.http().post('/api/auth/login').send({ email, password: 'mat-khau-cu-1' }).expect(200);
    const replaced = await stored();
    expect(argon2Params(replaced)).toEqual({ m: '19456', t: '2', p: '1' });
    await t.http().post('/api/auth/login').send({ email, password: 'mat-khau-cu-1' }).expect(200);
    expect(await stored()).toBe(replaced); // once
  });

  it('refuses a duplicate email with 409 AUTH.EMAIL_TAKEN, whatever its case', async () => {
    const member = await aMember(t, unitId);
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ fullName: 'Người khác', email: member.user.email.toUpperCase(), password: 'mat-khau-khac', unitId })
      .expect(409);
    expect(response.body).toMatchObject({ statusCode: 409, code: 'AUTH.EMAIL_TAKEN', message: 'Email này đã được đăng ký.' });
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [member.user.email]);
    expect(count).toBe(1);
  });

  it('answers a wrong password and an unknown email the same way: 401 AUTH.INVALID_CREDENTIALS', async () => {
    const member = await aMember(t, unitId);
    const wrong = await t.http().post('/api/auth/login').send({ email: member.user.email, password: 'sai-mat-khau' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: uniqueEmail('nobody'), password: 'sai-mat-khau' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'AUTH.INVALID_CREDENTIALS', message: 'Email hoặc mật khẩu không đúng.' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers in English when asked', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en-US,en;q=0.9,vi;q=0.5')
      .send({ email: uniqueEmail(), password: 'whatever-it-is' })
      .expect(401);
    expect(response.body.message).toBe('Wrong email or password.');
  });

  it('refuses registration with an unknown unit (400, naming unitId) and creates nothing', async () => {
    const email = uniqueEmail();
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ fullName: 'Ai đó', email, password: 'mat-khau-dai', unitId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'unitId', message: 'Đơn vị không tồn tại.' }] });
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [email]);
    expect(count).toBe(0);
  });

  it('validates the registration body field by field and rejects unknown fields', async () => {
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({ fullName: '', email: 'not-an-email', password: 'short', unitId: 'x', roles: ['admin'] })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION');
    const fields = (response.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'fullName', 'password', 'roles', 'unitId']);
    const password = response.body.details.find((d: { field: string }) => d.field === 'password');
    expect(password.message).toBe('Cần ít nhất 8 ký tự.');
  });

  it('refuses a login body that is not credentials with 400, not 401', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: 42 }).expect(400);
    expect(response.body.code).toBe('VALIDATION');
  });

  it('denies /me without a token, with a forged token and with an expired one (401)', async () => {
    const member = await aMember(t, unitId);
    await t.http().get('/api/auth/me').expect(401);

    const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({ sub: member.user.id, roles: ['admin'] });
    const forgedResponse = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    expect(forgedResponse.body.code).toBe('AUTH.TOKEN_INVALID');

    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign(
      { sub: member.user.id, unitId, roles: ['member'], exp: Math.floor(Date.now() / 1000) - 60 },
    );
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);

    const none = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: member.user.id, roles: ['admin'] }, { algorithm: 'HS512' });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('forbids a member from admin endpoints (403 FORBIDDEN)', async () => {
    const member = await aMember(t, unitId);
    const list = await t.http().get('/api/users').set(...bearer(member)).expect(403);
    expect(list.body).toMatchObject({ code: 'FORBIDDEN' });
    await t.http().put(`/api/users/${member.user.id}/roles`).set(...bearer(member)).send({ roles: ['admin'] }).expect(403);
    const [row] = await t.dataSource.query('SELECT roles FROM users WHERE id = $1', [member.user.id]);
    expect(row.roles).toEqual(['member']);
  });

  it('lists the judge accounts to organizers and admins (essay assignment), searchable and paginated; not to members', async () => {
    const [organizer, admin, member] = [await aUserWithRoles(t, unitId, ['organizer']), await aUserWithRoles(t, unitId, ['admin']), await aMember(t, unitId)];
    const people = [];
    for (const [fullName, roles] of [['Giám khảo Lò Văn Sáu', ['member', 'judge']], ['Giám khảo Hà Thị Bảy', ['judge']], ['Giám khảo chưa có vai trò', ['member']]] as const) {
      const person = await aMember(t, unitId, { fullName });
      await t.dataSource.query('UPDATE users SET roles = $1 WHERE id = $2', [roles, person.user.id]);
      people.push(person.user.id);
    }

    const listed = await t.http().get('/api/users/judges').query({ search: 'giám khảo' }).set(...bearer(organizer)).expect(200);
    expect(listed.body.total).toBe(2);
    expect(listed.body.items.map((u: { id: string }) => u.id).sort()).toEqual([people[0], people[1]].sort());
    expect(listed.body.items.every((u: { roles: string[] }) => u.roles.includes('judge'))).toBe(true);
    const first = await t.http().get('/api/users/judges').query({ search: 'giám khảo', limit: 1 }).set(...bearer(admin)).expect(200);
    expect(first.body).toMatchObject({ total: 2, items: [expect.objectContaining({ fullName: expect.stringMatching(/^Giám khảo/) })] });
    const one = await t.http().get('/api/users/judges').query({ search: 'bảy' }).set(...bearer(organizer)).expect(200);
    expect(one.body.items.map((u: { id: string }) => u.id)).toEqual([people[1]]);

    expect((await t.http().get('/api/users/judges').set(...bearer(member)).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http().get('/api/users/judges').expect(401);
    await t.http().get('/api/users').set(...bearer(organizer)).expect(403);
    await t.http().get('/api/users/judges').query({ limit: 0 }).set(...bearer(organizer)).expect(400);
  });

  it('lets an admin list users and change roles; the new roles apply from the next login', async () => {
    const admin = await aUserWithRoles(t, unitId, ['admin']);
    const member = await aMember(t, unitId, { fullName: 'Đặng Thu Thảo' });

    const page = await t.http().get('/api/users').query({ search: 'thu thảo', limit: 5 }).set(...bearer(admin)).expect(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({ id: member.user.id, fullName: 'Đặng Thu Thảo', unitId });

    const updated = await t
      .http()
      .put(`/api/users/${member.user.id}/roles`)
      .set(...bearer(admin))
      .send({ roles: ['member', 'judge'] })
      .expect(200);
    expect(updated.body.roles).toEqual(['member', 'judge']);

    const relogin = await t.http().post('/api/auth/login').send({ email: member.user.email, password: member.password }).expect(200);
    expect(relogin.body.user.roles).toEqual(['member', 'judge']);

    await t.http().put(`/api/users/${member.user.id}/roles`).set(...bearer(admin)).send({ roles: ['king'] }).expect(400);
    await t.http().put(`/api/users/${member.user.id}/roles`).set(...bearer(admin)).send({ roles: [] }).expect(400);
    await t.http().put('/api/users/not-a-uuid/roles').set(...bearer(admin)).send({ roles: ['member'] }).expect(400);
    await t.http().put('/api/users/00000000-0000-4000-8000-000000000000/roles').set(...bearer(admin)).send({ roles: ['member'] }).expect(404);
    const self = await t.http().put(`/api/users/${admin.user.id}/roles`).set(...bearer(admin)).send({ roles: ['member'] }).expect(409);
    expect(self.body.code).toBe('USER.CANNOT_DEMOTE_SELF');
  });
});
