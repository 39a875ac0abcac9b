import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, anAuthResponse, aUser, member, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });
const noContent = () => new Response(null, { status: 204 });
const passwordChangeRequired = () =>
  json({ statusCode: 403, code: 'AUTH.PASSWORD_CHANGE_REQUIRED', message: 'Cần đổi mật khẩu trước khi tiếp tục.' }, 403);

function setNewPassword(temporary: string, password: string) {
  fireEvent.change(screen.getByLabelText('Mật khẩu tạm thời'), { target: { value: temporary } });
  fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu mới'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
}

describe('a temporary password set by an admin', () => {
  it('after a login that says so, every route asks for a new password first, then goes on where it was', async () => {
    let changed = false;
    const { requests } = mockFetch({
      'POST /api/auth/login': () => json(anAuthResponse(member, { mustChangePassword: true })),
      'PUT /api/auth/password': () => {
        changed = true;
        return noContent();
      },
      [`GET /api/rounds/${roundId}`]: () => (changed ? json(aRound()) : passwordChangeRequired()),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json({ items: [], total: 0 }),
    });
    const { router } = renderApp(`/login?next=${encodeURIComponent(`/rounds/${roundId}`)}`);

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'hoa@example.vn' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'Tam-thoi-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Quản trị viên đã đặt lại mật khẩu của bạn/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/rounds/${roundId}`);
    expect(within(nav()).queryByRole('link', { name: /^Tài khoản của tôi/ })).not.toBeInTheDocument();

    // Moving elsewhere changes nothing.
    void router.navigate('/account');
    expect(await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' })).toBeInTheDocument();
    void router.navigate(`/rounds/${roundId}`);

    setNewPassword('Tam-thoi-123', 'mat-khau-cua-toi');

    expect(await screen.findByRole('heading', { name: 'Tuần 1' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' })).not.toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ currentPassword: 'Tam-thoi-123', newPassword: 'mat-khau-cua-toi' });
    expect(within(nav()).getByRole('link', { name: /^Tài khoản của tôi/ })).toBeInTheDocument();
  });

  it('shows the screen when /auth/me says so', async () => {
    mockFetch({ ...signIn(aUser({ mustChangePassword: true })), 'GET /api/contests': passwordChangeRequired });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' })).toBeInTheDocument();
  });

  it('shows the screen when any request is refused with 403 AUTH.PASSWORD_CHANGE_REQUIRED, and asks again once changed', async () => {
    let changed = false;
    mockFetch({
      ...signIn(),
      'GET /api/contests': () => (changed ? json({ items: [], total: 0 }) : passwordChangeRequired()),
      'PUT /api/auth/password': () => {
        changed = true;
        return noContent();
      },
    });
    // Signed in a while ago: /auth/me said nothing then.
    const { router } = renderApp('/account');
    await screen.findByRole('heading', { name: 'Tài khoản của tôi' });
    void router.navigate('/');

    expect(await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' })).toBeInTheDocument();
    setNewPassword('Tam-thoi-123', 'mat-khau-cua-toi');

    expect(await screen.findByText('Chưa có cuộc thi nào đang diễn ra.')).toBeInTheDocument();
  });

  it('says a wrong temporary password on its field', async () => {
    mockFetch({
      ...signIn(aUser({ mustChangePassword: true })),
      'GET /api/contests': passwordChangeRequired,
      'PUT /api/auth/password': () => json({ statusCode: 400, code: 'AUTH.WRONG_PASSWORD', message: 'AUTH.WRONG_PASSWORD' }, 400),
    });
    renderApp('/');
    await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' });

    setNewPassword('sai-roi-123', 'mat-khau-cua-toi');

    expect(await screen.findByText('Mật khẩu hiện tại không đúng.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mật khẩu tạm thời')).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers to log out instead', async () => {
    const { requests } = mockFetch({
      ...signIn(aUser({ mustChangePassword: true })),
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'POST /api/auth/logout': () => noContent(),
    });
    renderApp('/');
    const screenTitle = await screen.findByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' });

    fireEvent.click(within(screenTitle.closest('section')!).getByRole('button', { name: 'Đăng xuất' }));

    expect(await within(nav()).findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(requests.find((request) => request.url.pathname === '/api/auth/logout')?.body).toEqual({ refreshToken: `refresh-${member.id}` });
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
  });
});
