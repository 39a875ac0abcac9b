import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, type MockRequest } from '../test/fetch-mock';
import { ApiError, ClientErrorCodes, api } from './api-client';
import { authToken } from './auth-token';
import { i18n } from './i18n';
import { sessionEvents, type SessionEvent } from './session-events';

describe('api client', () => {
  it('sends the language, the token and a JSON body under /api', async () => {
    const { requests } = mockFetch({ 'POST /api/things': () => json({ ok: true }, 201) });
    authToken.set('abc');
    await i18n.changeLanguage('en');

    await expect(api.post('/things', { name: 'x' }, { query: { limit: 5, search: undefined } })).resolves.toEqual({
      ok: true,
    });

    const [request] = requests;
    expect(request?.url.pathname).toBe('/api/things');
    expect(request?.url.search).toBe('?limit=5');
    expect(request?.headers.get('Accept-Language')).toBe('en');
    expect(request?.headers.get('Authorization')).toBe('Bearer abc');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.body).toEqual({ name: 'x' });
  });

  it('sends no Authorization header without a token', async () => {
    const { requests } = mockFetch({ 'GET /api/units': () => json([]) });

    await api.get('/units');

    expect(requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('turns an ErrorBody into a typed ApiError', async () => {
    mockFetch({
      'POST /api/auth/register': () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Dữ liệu không hợp lệ.',
            details: [{ field: 'email', message: 'Email không hợp lệ.' }, { bogus: true }],
          },
          400,
        ),
    });

    const error = await api.post('/auth/register', {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      message: 'Dữ liệu không hợp lệ.',
      details: [{ field: 'email', message: 'Email không hợp lệ.' }],
    });
    expect((error as ApiError).fieldErrors()).toEqual({ email: 'Email không hợp lệ.' });
  });

  it('reports a gateway page and a dropped connection with client codes', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('<html>Bad Gateway</html>', { status: 502 }))));
    await expect(api.get('/contests')).rejects.toMatchObject({ status: 502, code: ClientErrorCodes.BAD_RESPONSE });

    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.get('/contests')).rejects.toMatchObject({ status: 0, code: ClientErrorCodes.NETWORK });
  });
});

describe('session renewal', () => {
  const tokenInvalid = () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Phiên đăng nhập đã hết hạn.' }, 401);
  /** A resource that only the new access token opens. */
  const protectedRoute = (request: MockRequest) =>
    request.headers.get('Authorization') === 'Bearer new-access' ? json({ ok: true }) : tokenInvalid();
  /** A refresh by cookie: the new refresh token goes back only as a cookie. */
  const refreshed = () => json({ accessToken: 'new-access', expiresIn: 900 });

  /** A signed-in page: the access token in memory, the refresh token in the (unseen) cookie. */
  function storeSession(access = 'old-access') {
    authToken.setSession({ accessToken: access, expiresIn: 900 });
  }

  /** What the session left in localStorage (the language is stored too): never a token. */
  const stored = () =>
    Object.fromEntries(Object.keys(window.localStorage).filter((key) => key !== 'hoi-thi.language').map((key) => [key, window.localStorage.getItem(key)]));

  function collectEvents() {
    const events: SessionEvent[] = [];
    const unsubscribe = sessionEvents.subscribe((event) => events.push(event));
    return { events, unsubscribe };
  }

  it('renews an expired token once for concurrent requests with the cookie, and sends each again once', async () => {
    storeSession();
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

    await expect(Promise.all([api.get('/things'), api.get('/things'), api.get('/things')])).resolves.toEqual([{ ok: true }, { ok: true }, { ok: true }]);

    const refreshes = requests.filter((request) => request.url.pathname === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toEqual({});
    expect(refreshes[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(refreshes[0]?.headers.has('Authorization')).toBe(false);
    expect(requests.filter((request) => request.url.pathname === '/api/things').map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer old-access',
      'Bearer old-access',
      'Bearer old-access',
      'Bearer new-access',
      'Bearer new-access',
      'Bearer new-access',
    ]);
    expect(authToken.get()).toBe('new-access');
    expect(stored()).toEqual({ 'hoi-thi.signedIn': '1' });
  });

  it('gets a reloaded page its access token from the cookie before the first request', async () => {
    window.localStorage.setItem('hoi-thi.signedIn', '1');
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

    await expect(Promise.all([api.get('/things'), api.get('/things')])).resolves.toEqual([{ ok: true }, { ok: true }]);

    expect(requests.map((sent) => `${sent.method} ${sent.url.pathname} ${sent.headers.get('Authorization') ?? '-'}`)).toEqual([
      'POST /api/auth/refresh -',
      'GET /api/things Bearer new-access',
      'GET /api/things Bearer new-access',
    ]);
  });

  describe('the refresh that session-boot.js started while the scripts downloaded', () => {
    const early = (response: Promise<Response>) => {
      window.localStorage.setItem('hoi-thi.signedIn', '1');
      (window as { hoiThiEarlyRefresh?: Promise<Response> }).hoiThiEarlyRefresh = response;
    };
    const pending = () => (window as { hoiThiEarlyRefresh?: Promise<Response> }).hoiThiEarlyRefresh;

    it('is used instead of a second refresh, once', async () => {
      early(Promise.resolve(refreshed()));
      const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': () => json({ accessToken: 'later-access', expiresIn: 900 }) });

      await expect(api.get('/things')).resolves.toEqual({ ok: true });
      expect(requests.map((sent) => `${sent.method} ${sent.url.pathname} ${sent.headers.get('Authorization') ?? '-'}`)).toEqual(['GET /api/things Bearer new-access']);
      expect(pending()).toBeUndefined();

      // The next renewal asks the server: the early answer is spent.
      authToken.forget();
      await api.get('/things').catch(() => undefined);
      expect(requests[1]?.url.pathname).toBe('/api/auth/refresh');
      expect(requests[2]?.headers.get('Authorization')).toBe('Bearer later-access');
    });

    it('ends the session when it was refused, like any refresh', async () => {
      early(Promise.resolve(tokenInvalid()));
      const { events, unsubscribe } = collectEvents();
      const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

      await expect(api.get('/things')).rejects.toMatchObject({ status: 401 });
      expect(requests.filter((sent) => sent.url.pathname === '/api/auth/refresh')).toHaveLength(0);
      expect(authToken.hasSession()).toBe(false);
      expect(events).toEqual([{ type: 'ended', code: 'AUTH.TOKEN_INVALID' }]);
      unsubscribe();
    });

    it("gives the page's first reads the answers it asked for with the same token and language, once", async () => {
      early(Promise.resolve(refreshed()));
      const answer = (body: unknown) => ({ token: 'new-access', language: 'vi', response: Promise.resolve(json(body)) });
      window.hoiThiEarlyReads = Promise.resolve({
        '/api/things': answer({ early: true }),
        '/api/units': { ...answer([{ id: 'stale' }]), token: 'someone-else' },
        '/api/contests?limit=20&offset=0': { ...answer({ items: [] }), language: 'en' },
      });
      const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'GET /api/units': () => json([]), 'GET /api/contests': () => json({ items: [1] }) });

      await expect(api.get('/things')).resolves.toEqual({ early: true });
      // Asked with another token or in another language: asked again.
      await expect(api.get('/units')).resolves.toEqual([]);
      await expect(api.get('/contests', { query: { limit: 20, offset: 0 } })).resolves.toEqual({ items: [1] });
      // Spent: the next read of the same address goes to the server.
      await expect(api.get('/things')).resolves.toEqual({ ok: true });
      expect(requests.map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual(['GET /api/units', 'GET /api/contests', 'GET /api/things']);
      expect(window.hoiThiEarlyReads).toBeUndefined();
    });

    it('is asked again when it never reached the server', async () => {
      early(Promise.reject(new TypeError('Failed to fetch')));
      const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

      await expect(api.get('/things')).resolves.toEqual({ ok: true });
      expect(requests.map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual(['POST /api/auth/refresh', 'GET /api/things']);
    });
  });

  it('ends a reloaded session whose cookie is gone (the API says the token is missing)', async () => {
    window.localStorage.setItem('hoi-thi.signedIn', '1');
    const { events, unsubscribe } = collectEvents();
    mockFetch({
      'GET /api/things': protectedRoute,
      'POST /api/auth/refresh': () => json({ statusCode: 400, code: 'VALIDATION', message: 'x', details: [{ field: 'refreshToken', message: 'x' }] }, 400),
    });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 401 });

    expect(authToken.hasSession()).toBe(false);
    expect(events).toEqual([{ type: 'ended', code: 'AUTH.TOKEN_INVALID' }]);
    unsubscribe();
  });

  it('asks nothing for a visitor who never signed in', async () => {
    const { requests } = mockFetch({ 'GET /api/units': () => json([]) });

    await api.get('/units');

    expect(requests.map((sent) => sent.url.pathname)).toEqual(['/api/units']);
    expect(requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('moves the tokens an older version stored out of localStorage: the access token to memory, the refresh token spent once for the cookie', async () => {
    window.localStorage.setItem('hoi-thi.accessToken', 'old-access');
    window.localStorage.setItem('hoi-thi.refreshToken', 'old-refresh');
    window.localStorage.setItem('hoi-thi.accessTokenExpiresAt', String(Date.now() + 600_000));
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': () => json({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 }) });

    await expect(api.get('/things')).resolves.toEqual({ ok: true });

    const refreshes = requests.filter((request) => request.url.pathname === '/api/auth/refresh');
    expect(refreshes.map((request) => request.body)).toEqual([{ refreshToken: 'old-refresh' }]);
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer old-access');
    expect(stored()).toEqual({ 'hoi-thi.signedIn': '1' });

    // The next renewal goes by the cookie the answer set.
    authToken.setSession({ accessToken: 'stale', expiresIn: 900 });
    await api.get('/things');
    expect(requests.filter((request) => request.url.pathname === '/api/auth/refresh').map((request) => request.body)).toEqual([{ refreshToken: 'old-refresh' }, {}]);
  });

  it('sends a request again only once, even if the new token is refused too', async () => {
    storeSession();
    const { requests } = mockFetch({ 'GET /api/things': tokenInvalid, 'POST /api/auth/refresh': refreshed });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 401, code: 'AUTH.TOKEN_INVALID' });

    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual(['GET /api/things', 'POST /api/auth/refresh', 'GET /api/things']);
  });

  it('ends the session when the refresh is refused: the token and the flag go, and the reason is told', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    mockFetch({
      'GET /api/things': protectedRoute,
      'POST /api/auth/refresh': () => json({ statusCode: 401, code: 'AUTH.SESSION_REVOKED', message: 'Phiên đăng nhập đã bị thu hồi.' }, 401),
    });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 401, code: 'AUTH.TOKEN_INVALID' });

    expect(authToken.get()).toBeNull();
    expect(stored()).toEqual({});
    expect(events).toEqual([{ type: 'ended', code: 'AUTH.SESSION_REVOKED' }]);
    unsubscribe();
  });

  it('keeps the session when the refresh cannot reach the server (a phone mid-quiz)', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')) });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 0, code: ClientErrorCodes.NETWORK });

    expect(authToken.get()).toBe('old-access');
    expect(authToken.hasSession()).toBe(true);
    expect(events).toEqual([]);
    unsubscribe();
  });

  it('ends the session at once on a disabled account, without trying to refresh', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    const { requests } = mockFetch({ 'GET /api/things': () => json({ statusCode: 401, code: 'AUTH.ACCOUNT_DISABLED', message: 'Tài khoản đã bị khoá.' }, 401) });

    await expect(api.get('/things')).rejects.toMatchObject({ code: 'AUTH.ACCOUNT_DISABLED' });

    expect(requests).toHaveLength(1);
    expect(authToken.hasSession()).toBe(false);
    expect(events).toEqual([{ type: 'ended', code: 'AUTH.ACCOUNT_DISABLED' }]);
    unsubscribe();
  });

  it('never renews around the session endpoints themselves', async () => {
    storeSession();
    const { requests } = mockFetch({ 'POST /api/auth/login': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401) });

    await expect(api.post('/auth/login', { email: 'a@b.vn', password: 'x' })).rejects.toMatchObject({ status: 401 });

    expect(requests).toHaveLength(1);
    expect(authToken.get()).toBe('old-access');
  });

  it('refreshes under the lock the tabs share, so two tabs never spend the same cookie at once', async () => {
    storeSession();
    const order: string[] = [];
    const request = vi.fn(async (_name: string, task: () => Promise<unknown>) => {
      order.push('lock taken');
      const result = await task();
      order.push('lock released');
      return result;
    });
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    mockFetch({
      'GET /api/things': protectedRoute,
      'POST /api/auth/refresh': () => {
        order.push('refresh');
        return refreshed();
      },
    });

    await expect(api.get('/things')).resolves.toEqual({ ok: true });

    expect(request).toHaveBeenCalledWith('hoi-thi.refresh', expect.any(Function));
    expect(order).toEqual(['lock taken', 'refresh', 'lock released']);
  });

  it('renews a token about to run out before using it', async () => {
    authToken.setSession({ accessToken: 'old-access', expiresIn: 10 });
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

    await expect(api.get('/things')).resolves.toEqual({ ok: true });

    expect(requests.map((sent) => `${sent.method} ${sent.url.pathname}`)).toEqual(['POST /api/auth/refresh', 'GET /api/things']);
    expect(authToken.expiresAt()).toBeGreaterThan(Date.now() + 800_000);
  });

  it('neither renews nor ends anything for an answer that arrives after the member signed out', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    const { requests } = mockFetch({
      'GET /api/things': () => {
        authToken.clear();
        return tokenInvalid();
      },
      'POST /api/auth/refresh': refreshed,
    });

    await expect(api.get('/things')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });

    expect(requests).toHaveLength(1);
    expect(events).toEqual([]);
    unsubscribe();
  });

  it('says when the account must change its password first', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    mockFetch({ 'GET /api/things': () => json({ statusCode: 403, code: 'AUTH.PASSWORD_CHANGE_REQUIRED', message: 'Cần đổi mật khẩu.' }, 403) });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 403 });

    expect(events).toEqual([{ type: 'password-change-required' }]);
    expect(authToken.get()).toBe('old-access');
    unsubscribe();
  });
});
