import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aUser } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const contests = () => json({ items: [], total: 0 });
const nam = aUser({ id: 'u1', fullName: 'Trần Văn Nam', email: 'nam@example.vn' });

describe('auth', () => {
  it('after a reload, gets an access token with the refresh cookie and shows the user from /auth/me', async () => {
    window.localStorage.setItem('hoi-thi.signedIn', '1');
    const { requests } = mockFetch({
      'GET /api/contests': contests,
      'POST /api/auth/refresh': () => json({ accessToken: 'from-cookie', expiresIn: 900 }),
      'GET /api/auth/me': (request) => (request.headers.get('Authorization') === 'Bearer from-cookie' ? json(nam) : json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401)),
    });

    renderApp('/');

    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await within(nav).findByText('Trần Văn Nam')).toBeInTheDocument();
    expect(requests.filter((request) => request.url.pathname === '/api/auth/refresh')).toHaveLength(1);
  });

  it('is anonymous without a request when this browser never signed in', async () => {
    const { requests } = mockFetch({ 'GET /api/contests': contests });

    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(requests.some((request) => request.url.pathname.startsWith('/api/auth/'))).toBe(false);
  });

  it('takes a token an older version left in localStorage into memory, and forgets it when /auth/me and the refresh refuse', async () => {
    window.localStorage.setItem('hoi-thi.accessToken', 'expired');
    mockFetch({
      'GET /api/contests': contests,
      'GET /api/auth/me': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Phiên đăng nhập đã hết hạn.' }, 401),
      'POST /api/auth/refresh': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Phiên đăng nhập đã hết hạn.' }, 401),
    });

    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    await waitFor(() => {
      expect(window.localStorage.getItem('hoi-thi.signedIn')).toBeNull();
    });
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).not.toBeInTheDocument();
  });
});
