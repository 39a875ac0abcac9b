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
  const refreshed = () => json({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 });

  function storeSession(access = 'old-access', refresh = 'old-refresh') {
    window.localStorage.setItem('hoi-thi.accessToken', access);
    window.localStorage.setItem('hoi-thi.refreshToken', refresh);
  }

  function collectEvents() {
    const events: SessionEvent[] = [];
    const unsubscribe = sessionEvents.subscribe((event) => events.push(event));
    return { events, unsubscribe };
  }

  it('renews an expired token once for concurrent requests, and sends each again once', async () => {
    storeSession();
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

    await expect(Promise.all([api.get('/things'), api.get('/things'), api.get('/things')])).resolves.toEqual([{ ok: true }, { ok: true }, { ok: true }]);

    const refreshes = requests.filter((request) => request.url.pathname === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toEqual({ refreshToken: 'old-refresh' });
    expect(refreshes[0]?.headers.has('Authorization')).toBe(false);
    expect(requests.filter((request) => request.url.pathname === '/api/things').map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer old-access',
      'Bearer old-access',
      'Bearer old-access',
      'Bearer new-access',
      'Bearer new-access',
      'Bearer new-access',
    ]);
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBe('new-access');
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBe('new-refresh');
  });

  it('sends a request again only once, even if the new token is refused too', async () => {
    storeSession();
    const { requests } = mockFetch({ 'GET /api/things': tokenInvalid, 'POST /api/auth/refresh': refreshed });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 401, code: 'AUTH.TOKEN_INVALID' });

    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual(['GET /api/things', 'POST /api/auth/refresh', 'GET /api/things']);
  });

  it('ends the session when the refresh token is refused: both tokens go, and the reason is told', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    mockFetch({
      'GET /api/things': protectedRoute,
      'POST /api/auth/refresh': () => json({ statusCode: 401, code: 'AUTH.SESSION_REVOKED', message: 'Phiên đăng nhập đã bị thu hồi.' }, 401),
    });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 401, code: 'AUTH.TOKEN_INVALID' });

    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
    expect(events).toEqual([{ type: 'ended', code: 'AUTH.SESSION_REVOKED' }]);
    unsubscribe();
  });

  it('keeps the tokens when the refresh cannot reach the server (a phone mid-quiz)', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')) });

    await expect(api.get('/things')).rejects.toMatchObject({ status: 0, code: ClientErrorCodes.NETWORK });

    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBe('old-access');
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBe('old-refresh');
    expect(events).toEqual([]);
    unsubscribe();
  });

  it('ends the session at once on a disabled account, without trying to refresh', async () => {
    storeSession();
    const { events, unsubscribe } = collectEvents();
    const { requests } = mockFetch({ 'GET /api/things': () => json({ statusCode: 401, code: 'AUTH.ACCOUNT_DISABLED', message: 'Tài khoản đã bị khoá.' }, 401) });

    await expect(api.get('/things')).rejects.toMatchObject({ code: 'AUTH.ACCOUNT_DISABLED' });

    expect(requests).toHaveLength(1);
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
    expect(events).toEqual([{ type: 'ended', code: 'AUTH.ACCOUNT_DISABLED' }]);
    unsubscribe();
  });

  it('never renews around the session endpoints themselves', async () => {
    storeSession();
    const { requests } = mockFetch({ 'POST /api/auth/login': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401) });

    await expect(api.post('/auth/login', { email: 'a@b.vn', password: 'x' })).rejects.toMatchObject({ status: 401 });

    expect(requests).toHaveLength(1);
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBe('old-refresh');
  });

  it('uses the pair another tab renewed while it waited for the lock, instead of spending the old refresh token', async () => {
    storeSession();
    // The other tab holds the lock, renews, and lets go: by then storage holds its new pair.
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => {
      storeSession('new-access', 'new-refresh');
      return task();
    });
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    const { requests } = mockFetch({ 'GET /api/things': protectedRoute, 'POST /api/auth/refresh': refreshed });

    await expect(api.get('/things')).resolves.toEqual({ ok: true });

    expect(request).toHaveBeenCalledWith('hoi-thi.refresh', expect.any(Function));
    expect(requests.some((sent) => sent.url.pathname === '/api/auth/refresh')).toBe(false);
    expect(requests.at(-1)?.headers.get('Authorization')).toBe('Bearer new-access');
  });

  it('renews a token about to run out before using it', async () => {
    authToken.setSession({ accessToken: 'old-access', refreshToken: 'old-refresh', expiresIn: 10 });
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
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBe('old-access');
    unsubscribe();
  });
});
