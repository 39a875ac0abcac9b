/**
 * Issue 16 item 5: the refresh token also travels as an `HttpOnly; Secure; SameSite=Strict` cookie
 * scoped to /api/auth, so the web client keeps no token a script can read. Login, register and
 * refresh set it; a refresh by cookie (a JSON request) answers the new token only as a cookie;
 * logout and logout-all clear it; the body keeps working for other clients (API.md).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { aMember, aUnit, bearer, uniqueEmail } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const COOKIE = 'hoithi_refresh';

function setCookies(response: Response): string[] {
  const header = response.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

/** The refresh cookie a response sets: its value and its attributes. */
function refreshCookie(response: Response): { value: string; attributes: string[] } {
  const cookies = setCookies(response).filter((cookie) => cookie.startsWith(`${COOKIE}=`));
  expect(cookies).toHaveLength(1);
  const [pair, ...attributes] = cookies[0]!.split(';').map((part) => part.trim());
  return { value: pair!.slice(COOKIE.length + 1), attributes };
}

describe('the refresh cookie', () => {
  let t: TestApp;
  let unitId: string;

  const http = () => t.http();
  const refreshByCookie = (value: string) => http().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${value}`).send({});

  beforeAll(async () => {
    t = await startTestApp();
    unitId = (await aUnit(t)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is set by login and register with the refresh token of the body, HttpOnly, Secure, SameSite=Strict, on /api/auth only', async () => {
    const registered = await http()
      .post('/api/auth/register')
      .send({ fullName: 'Trần Thị Bánh Quy', email: uniqueEmail(), password: 'mat-khau-du-thi', unitId })
      .expect(201);
    const cookie = refreshCookie(registered);
    expect(cookie.value).toBe(registered.body.refreshToken);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'Secure', 'SameSite=Strict', `Max-Age=${30 * 24 * 3600}`]));

    const login = await http().post('/api/auth/login').send({ email: registered.body.user.email, password: 'mat-khau-du-thi' }).expect(200);
    expect(refreshCookie(login).value).toBe(login.body.refreshToken);
  });

  it('refreshes by cookie: the new token only in the cookie, the old one spent', async () => {
    const member = await aMember(t, unitId);
    const first = await refreshByCookie(member.refreshToken).expect(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const rotated = refreshCookie(first).value;
    expect(rotated).not.toBe(member.refreshToken);
    await http().get('/api/auth/me').set(...bearer(first.body)).expect(200);

    const second = await refreshByCookie(rotated).expect(200);
    expect(refreshCookie(second).value).not.toBe(rotated);
    // The spent one replayed ends the session, and the refused cookie is cleared.
    const replay = await refreshByCookie(member.refreshToken).expect(401);
    expect(replay.body.code).toBe('AUTH.SESSION_REVOKED');
    expect(refreshCookie(replay)).toMatchObject({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'Path=/api/auth']) });
  });

  it('refreshes by body as before for other clients, and sets the cookie too', async () => {
    const member = await aMember(t, unitId);
    const response = await http().post('/api/auth/refresh').send({ refreshToken: member.refreshToken }).expect(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    expect(refreshCookie(response).value).toBe(response.body.refreshToken);
  });

  it('takes the cookie only from a JSON request (CSRF), and says so when there is no token at all', async () => {
    const member = await aMember(t, unitId);
    const form = await http()
      .post('/api/auth/refresh')
      .set('Cookie', `${COOKIE}=${member.refreshToken}`)
      .set('Content-Type', 'text/plain')
      .send('refreshToken=x')
      .expect(400);
    // A text body is not the object the route reads: refused before the cookie is even looked at.
    expect(form.body.code).toBe('VALIDATION');
    const empty = await http().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${member.refreshToken}`).expect(415);
    expect(empty.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Neither spent the token.
    await refreshByCookie(member.refreshToken).expect(200);

    // A null token is not a missing one (the fuzz suite found it a 500): the field is wrong.
    expect((await http().post('/api/auth/refresh').send({ refreshToken: null }).expect(400)).body.code).toBe('VALIDATION');
    expect((await http().post('/api/auth/logout').send({ refreshToken: null }).expect(400)).body.code).toBe('VALIDATION');
    // No token at all (nor a well-formed cookie): the field is missing, as for any client.
    const missing = await http().post('/api/auth/refresh').send({}).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'refreshToken' }] });
    expect((await http().post('/api/auth/refresh').set('Cookie', `${COOKIE}=not a token`).send({}).expect(400)).body.code).toBe('VALIDATION');
  });

  it('logout by cookie ends the session and clears the cookie; logout-all clears it too', async () => {
    const member = await aMember(t, unitId);
    const logout = await http().post('/api/auth/logout').set('Cookie', `${COOKIE}=${member.refreshToken}`).send({}).expect(204);
    expect(refreshCookie(logout)).toMatchObject({ value: '', attributes: expect.arrayContaining(['Max-Age=0', 'Path=/api/auth', 'HttpOnly']) });
    expect((await refreshByCookie(member.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');

    const other = await aMember(t, unitId);
    const all = await http().post('/api/auth/logout-all').set(...bearer(other)).expect(204);
    expect(refreshCookie(all).value).toBe('');
    expect((await refreshByCookie(other.refreshToken).expect(401)).body.code).toBe('AUTH.SESSION_REVOKED');
  });
});
