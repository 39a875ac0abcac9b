import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, RefreshResponse, ResetPasswordResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../support/builders.js';
import { createTestDatabase, startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

const onServer = TEST_DB === 'server';
const itOnServer = onServer ? it : ((() => undefined) as unknown as typeof it);

/**
 * Sessions and accounts (API.md "Sessions and accounts", issue 15 item 4): short access tokens,
 * rotating refresh tokens, logout, logout-all, password change, an admin's reset and deactivation,
 * and a demoted organizer's token that stops working.
 */
describe('sessions and accounts', () => {
  let t: TestApp;
  let unitId: string;
  let admin: AuthResponse;

  const http = () => t.http();
  const login = (email: string, password: string) => http().post('/api/auth/login').send({ email, password });
  const refresh = (refreshToken: string) => http().post('/api/auth/refresh').send({ refreshToken });
  const me = (auth: { accessToken: string }) => http().get('/api/auth/me').set(...bearer(auth));

  beforeAll(async () => {
    t = await startTestApp();
    unitId = (await aUnit(t)).id;
    admin = await aUserWithRoles(t, unitId, ['admin']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('signs in with a short access token, a refresh token and whether the password must change', async () => {
    const member = await aMember(t, unitId);
    expect(member).toMatchObject({ expiresIn: 900, mustChangePassword: false, user: { mustChangePassword: false } });
    expect(member.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const [, payload] = member.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(900);
    const again = await login(member.user.email, member.password).expect(200);
    expect(again.body.refreshToken).not.toBe(member.refreshToken);
    await me(again.body).expect(200);
  });

  it('rotates the refresh token; replaying a spent one ends the whole session for both holders', async () => {
    const member = await aMember(t, unitId);
    const first = (await refresh(member.refreshToken).expect(200)).body as Required<RefreshResponse>; // sent in the body, so it comes back in the body
    expect(first.refreshToken).not.toBe(member.refreshToken);
    await me(first).expect(200);

    // The thief replays the token the member already spent.
    const replay = await refresh(member.refreshToken).expect(401);
    expect(replay.body.code).toBe('AUTH.SESSION_REVOKED');
    // The member's newer token is gone too, and so are the session's access tokens.
    expect((await refresh(first.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
    expect((await me(first).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await me(member).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    // Another session of the same account is untouched.
    const other = await login(member.user.email, member.password).expect(200);
    await me(other.body).expect(200);
  });

  it('lets only one of two parallel refreshes of one token through', async () => {
    const member = await aMember(t, unitId);
    const [a, b] = await Promise.all([refresh(member.refreshToken), refresh(member.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const loser = a.status === 401 ? a : b;
    expect(loser.body.code).toBe('AUTH.SESSION_REVOKED');
  });

  it('refuses a malformed or unknown refresh token with 401 and a missing one with 400', async () => {
    expect((await refresh('nonsense').expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await refresh(`00000000-0000-4000-8000-000000000000.${'a'.repeat(43)}`).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await http().post('/api/auth/refresh').send({}).expect(400)).body.code).toBe('VALIDATION');
  });

  it('logs one device out (its tokens stop) and leaves the others signed in', async () => {
    const member = await aMember(t, unitId);
    const phone = (await login(member.user.email, member.password).expect(200)).body as AuthResponse;
    await http().post('/api/auth/logout').send({ refreshToken: member.refreshToken }).expect(204);
    expect((await refresh(member.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
    expect((await me(member).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    await me(phone).expect(200);
    // A wrong token logs nobody out and says nothing.
    await http().post('/api/auth/logout').send({ refreshToken: `${phone.refreshToken.split('.')[0]}.${'b'.repeat(43)}` }).expect(204);
    await refresh(phone.refreshToken).expect(200);
  });

  it('logs out everywhere', async () => {
    const member = await aMember(t, unitId);
    const phone = (await login(member.user.email, member.password).expect(200)).body as AuthResponse;
    await http().post('/api/auth/logout-all').set(...bearer(member)).expect(204);
    for (const session of [member, phone]) {
      await me(session).expect(401);
      expect((await refresh(session.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
    }
    await http().post('/api/auth/logout-all').expect(401);
  });

  it('changes the password: checks the current one, ends the other sessions, keeps this one', async () => {
    const member = await aMember(t, unitId);
    const laptop = (await login(member.user.email, member.password).expect(200)).body as AuthResponse;
    const change = (body: object, as: AuthResponse = member) => http().put('/api/auth/password').set(...bearer(as)).send(body);

    expect((await change({ currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-123' }).expect(400)).body.code).toBe('AUTH.WRONG_PASSWORD');
    expect((await change({ currentPassword: member.password, newPassword: member.password }).expect(400)).body.code).toBe('AUTH.SAME_PASSWORD');
    const short = await change({ currentPassword: member.password, newPassword: 'ngan' }).expect(400);
    expect(short.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    await change({ currentPassword: member.password, newPassword: 'mat-khau-moi-123' }).expect(204);
    await me(member).expect(200);
    await refresh(member.refreshToken).expect(200);
    await me(laptop).expect(401);
    expect((await refresh(laptop.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
    expect((await login(member.user.email, member.password).expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    await login(member.user.email, 'mat-khau-moi-123').expect(200);
  });

  it("updates the member's own name and phone (stored canonical, unique)", async () => {
    const member = await aMember(t, unitId);
    const other = await aMember(t, unitId, { phone: '0912000111' });
    const patch = (body: object) => http().patch('/api/auth/me').set(...bearer(member)).send(body);
    const updated = await patch({ fullName: '  Trần Thị Bình ', phone: '+84 912 000 222' }).expect(200);
    expect(updated.body).toMatchObject({ fullName: 'Trần Thị Bình', phone: '0912000222' });
    expect((await patch({ phone: '0912-000-111' }).expect(409)).body.code).toBe('AUTH.PHONE_TAKEN');
    expect((await patch({ phone: '12345' }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
    expect((await patch({ roles: ['admin'] }).expect(400)).body.code).toBe('VALIDATION');
    expect((await patch({ phone: null }).expect(200)).body.phone).toBeNull();
    expect((await me(member).expect(200)).body).toMatchObject({ fullName: 'Trần Thị Bình', phone: null, roles: ['member'] });
    expect((await me(other).expect(200)).body.phone).toBe('0912000111');
  });

  describe('what an admin does to an account', () => {
    let quiz: QuizSetup;

    beforeAll(async () => {
      quiz = await aQuizRound(t, unitId, { questions: 2, now: new Date() });
    });

    it('resets a password: every session ends, the temporary password works once changed', async () => {
      const member = await aMember(t, unitId);
      const reset = await http().post(`/api/users/${member.user.id}/reset-password`).set(...bearer(admin)).expect(200);
      const { temporaryPassword } = reset.body as ResetPasswordResponse;
      expect(temporaryPassword).toMatch(/^[a-z2-9]{12}$/);
      await me(member).expect(401);
      expect((await refresh(member.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
      await login(member.user.email, member.password).expect(401);

      const temporary = (await login(member.user.email, temporaryPassword).expect(200)).body as AuthResponse;
      expect(temporary.mustChangePassword).toBe(true);
      expect((await me(temporary).expect(200)).body.mustChangePassword).toBe(true);
      // Nothing else until the password is changed: no quiz with a password the admin knows.
      const start = await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(temporary)).expect(403);
      expect(start.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      // A refreshed token is held the same way.
      const refreshed = (await refresh(temporary.refreshToken).expect(200)).body as RefreshResponse;
      await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(refreshed)).expect(403);

      await http().put('/api/auth/password').set(...bearer(refreshed)).send({ currentPassword: temporaryPassword, newPassword: 'mat-khau-cua-toi' }).expect(204);
      await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(refreshed)).expect(201);
      const after = (await login(member.user.email, 'mat-khau-cua-toi').expect(200)).body as AuthResponse;
      expect(after.mustChangePassword).toBe(false);
    });

    it('deactivates an account (its tokens, refresh and sign-in are refused) and reactivates it', async () => {
      const member = await aMember(t, unitId);
      const patch = (active: boolean, as: AuthResponse = admin, id = member.user.id) => http().patch(`/api/users/${id}`).set(...bearer(as)).send({ active });
      expect((await patch(false).expect(200)).body).toMatchObject({ id: member.user.id, active: false });
      expect((await me(member).expect(401)).body.code).toBe('AUTH.ACCOUNT_DISABLED');
      expect((await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(401)).body.code).toBe('AUTH.ACCOUNT_DISABLED');
      expect((await refresh(member.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
      expect((await login(member.user.email, member.password).expect(401)).body.code).toBe('AUTH.ACCOUNT_DISABLED');
      // A wrong password learns nothing about the account.
      expect((await login(member.user.email, 'doan-mo-mat-khau').expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');

      expect((await patch(true).expect(200)).body.active).toBe(true);
      await login(member.user.email, member.password).expect(200);
      // The old session stays ended.
      await refresh(member.refreshToken).expect(401);

      expect((await patch(false, admin, admin.user.id).expect(409)).body.code).toBe('USER.CANNOT_DISABLE_SELF');
      expect((await patch(false, member).expect(401)).body.code).toBeDefined();
      const fresh = (await login(member.user.email, member.password).expect(200)).body as AuthResponse;
      expect((await patch(false, fresh).expect(403)).body.code).toBe('FORBIDDEN');
      await http().patch(`/api/users/${member.user.id}`).set(...bearer(admin)).send({ active: 'no' }).expect(400);
    });

    it("stops a demoted organizer's token at once; the refreshed token carries the new roles", async () => {
      const organizer = quiz.organizer;
      await http().post('/api/contests').set(...bearer(organizer)).send({ title: 'Thử quyền', kind: 'quiz' }).expect(201);
      await http().put(`/api/users/${organizer.user.id}/roles`).set(...bearer(admin)).send({ roles: ['member'] }).expect(200);

      const stale = await http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(organizer)).send({ questionIds: [...quiz.keys.keys()], dryRun: true });
      expect(stale.status).toBe(401);
      expect(stale.body.code).toBe('AUTH.TOKEN_INVALID');
      const refreshed = (await refresh(organizer.refreshToken).expect(200)).body as RefreshResponse;
      expect((await me(refreshed).expect(200)).body.roles).toEqual(['member']);
      const demoted = await http().post(`/api/rounds/${quiz.roundId}/regrade`).set(...bearer(refreshed)).send({ questionIds: [...quiz.keys.keys()], dryRun: true });
      expect(demoted.status).toBe(403);
    });

    it('records resets, deactivations and role changes in the audit log', async () => {
      const entries = (await http().get('/api/audit?limit=100').set(...bearer(admin)).expect(200)).body.items as { action: string; actorId: string }[];
      const actions = new Set(entries.map((entry) => entry.action));
      for (const action of ['user.password_reset', 'user.deactivate', 'user.activate', 'user.roles']) expect(actions).toContain(action);
      expect(entries.every((entry) => entry.actorId === admin.user.id || !entry.action.startsWith('user.'))).toBe(true);
    });

    it('only admins reset passwords and deactivate accounts', async () => {
      const member = await aMember(t, unitId);
      const organizer = await aUserWithRoles(t, unitId, ['organizer']);
      for (const as of [member, organizer]) {
        await http().post(`/api/users/${member.user.id}/reset-password`).set(...bearer(as)).expect(403);
        await http().patch(`/api/users/${member.user.id}`).set(...bearer(as)).send({ active: false }).expect(403);
      }
      await http().post(`/api/users/${member.user.id}/reset-password`).expect(401);
      await http().post('/api/users/00000000-0000-4000-8000-000000000000/reset-password').set(...bearer(admin)).expect(404);
      await me(member).expect(200);
    });
  });

  itOnServer('applies a role change on another replica within its poll interval', async () => {
    const database = await createTestDatabase();
    const a = await startTestApp({ database: database.url });
    const b = await startTestApp({ database: database.url, env: { REVOCATION_POLL_MS: '100' } });
    try {
      const unit = await aUnit(a);
      const boss = await aUserWithRoles(a, unit.id, ['admin']);
      const organizer = await aUserWithRoles(a, unit.id, ['organizer']);
      await b.http().get('/api/auth/me').set(...bearer(organizer)).expect(200);
      await a.http().put(`/api/users/${organizer.user.id}/roles`).set(...bearer(boss)).send({ roles: ['member'] }).expect(200);
      // The replica that made the change refuses the token at once.
      await a.http().get('/api/auth/me').set(...bearer(organizer)).expect(401);
      // Replica b learns it from its own timer (100 ms here; 2 s by default, API.md promises 5 s).
      let status = 200;
      for (let tries = 0; tries < 50 && status === 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await b.http().get('/api/auth/me').set(...bearer(organizer))).status;
      }
      expect(status).toBe(401);

    } finally {
      await b.app.close();
      await a.app.close();
      await database.drop();
    }
  });
});
