import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../test/fetch-mock';
import { ApiError, ClientErrorCodes, api } from './api-client';
import { authToken } from './auth-token';
import { i18n } from './i18n';

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
