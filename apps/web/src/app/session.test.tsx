import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n';
import { anAuthResponse, member, signIn } from '../test/builders';
import { json, mockFetch } from '../test/fetch-mock';
import { renderApp } from '../test/render-app';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });
const contests = () => json({ items: [], total: 0 });

describe('session', () => {
  it('logs out from the menu: the server spends the refresh token, nothing stays, home again', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      'GET /api/contests': contests,
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router } = renderApp('/account');

    fireEvent.click(await within(nav()).findByRole('button', { name: 'Đăng xuất' }));

    expect(await within(nav()).findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const logout = requests.find((request) => request.url.pathname === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.body).toEqual({ refreshToken: `refresh-${member.id}` });
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
  });

  it('logs out here even when the server cannot be reached', async () => {
    mockFetch({ ...signIn(), 'GET /api/contests': contests, 'POST /api/auth/logout': () => Promise.reject(new TypeError('Failed to fetch')) });
    renderApp('/');
    fireEvent.click(await within(nav()).findByRole('button', { name: 'Đăng xuất' }));
    expect(await within(nav()).findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
  });

  it('renews an expired token without the member noticing', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      'GET /api/contests': (request) =>
        request.headers.get('Authorization') === 'Bearer new-access' ? contests() : json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Hết hạn.' }, 401),
      'POST /api/auth/refresh': () => json({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900 }),
    });
    renderApp('/');

    expect(await screen.findByText('Chưa có cuộc thi nào đang diễn ra.')).toBeInTheDocument();
    expect(within(nav()).getByText(member.fullName)).toBeInTheDocument();
    expect(requests.filter((request) => request.url.pathname === '/api/auth/refresh')).toHaveLength(1);
  });

  it('sends the member to the login page with the reason when the session was ended elsewhere, and back after', async () => {
    let loggedIn = false;
    mockFetch({
      ...signIn(),
      'GET /api/contests': () => (loggedIn ? contests() : json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Hết hạn.' }, 401)),
      'POST /api/auth/refresh': () => json({ statusCode: 401, code: 'AUTH.SESSION_REVOKED', message: 'Phiên đã bị thu hồi.' }, 401),
      'POST /api/auth/login': () => {
        loggedIn = true;
        return json(anAuthResponse(member));
      },
    });
    const { router } = renderApp('/?tab=all');

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^Phiên đăng nhập đã kết thúc .* Vui lòng đăng nhập lại\.$/);
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/?tab=all')}`);
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'hoa@example.vn' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-du-thi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByText('Chưa có cuộc thi nào đang diễn ra.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tab=all');
    // Signed in again with nothing a script could read in storage: the refresh token is the server's cookie.
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
    expect(window.localStorage.getItem('hoi-thi.signedIn')).toBe('1');
  });

  it('says a deactivated account is the reason', async () => {
    mockFetch({
      ...signIn(),
      'GET /api/contests': () => json({ statusCode: 401, code: 'AUTH.ACCOUNT_DISABLED', message: 'Tài khoản đã bị khoá.' }, 401),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Tài khoản của bạn đã bị khoá. Vui lòng liên hệ ban tổ chức.');
  });

  it('says in English when the page is in English', async () => {
    mockFetch({
      ...signIn(),
      'GET /api/contests': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401),
      'POST /api/auth/refresh': () => json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'x' }, 401),
    });
    await i18n.changeLanguage('en');
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has expired. Please log in again.');
  });
});
