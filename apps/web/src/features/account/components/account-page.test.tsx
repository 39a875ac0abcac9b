import type { UserResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { judge, member, signIn } from '../../../test/builders';
import { json, mockFetch, type MockRequest } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { authToken } from '../../../lib/auth-token';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });
const noContent = () => new Response(null, { status: 204 });

describe('account page', () => {
  it('is linked from the menu for every signed-in role and shows who is signed in', async () => {
    mockFetch({ ...signIn(judge), 'GET /api/contests': () => json({ items: [], total: 0 }) });
    const { router } = renderApp('/');

    fireEvent.click(await within(nav()).findByRole('link', { name: 'Tài khoản của tôi: Giám khảo Trần Thị Hoa' }));

    expect(await screen.findByRole('heading', { name: 'Tài khoản của tôi', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByText('Email đăng nhập').nextElementSibling).toHaveTextContent('gk@example.vn');
    expect(screen.getByText('Vai trò').nextElementSibling).toHaveTextContent('Giám khảo');
    expect(screen.getByLabelText('Họ và tên')).toHaveValue('Giám khảo Trần Thị Hoa');
  });

  it('sends a visitor to the login page and back', async () => {
    mockFetch({});
    const { router } = renderApp('/account');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/account')}`);
  });

  it('says a number already in use on the phone field, then saves the details', async () => {
    let patches = 0;
    const { requests } = mockFetch({
      ...signIn({ ...member, phone: '0912345678' }),
      'PATCH /api/auth/me': (request) => {
        patches += 1;
        if (patches === 1) return json({ statusCode: 409, code: 'AUTH.PHONE_TAKEN', message: 'AUTH.PHONE_TAKEN' }, 409);
        return json({ ...member, ...(request.body as Partial<UserResponse>) } satisfies UserResponse);
      },
    });
    renderApp('/account');

    const phone = await screen.findByLabelText('Số điện thoại (không bắt buộc)');
    expect(phone).toHaveValue('0912345678');
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: ' Nguyễn Thị Hoà ' } });
    fireEvent.change(phone, { target: { value: '0987654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));

    expect(await screen.findByText('Số điện thoại này đã được dùng cho một tài khoản khác.')).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveFocus();
    expect(screen.queryByText('AUTH.PHONE_TAKEN')).not.toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ fullName: 'Nguyễn Thị Hoà', phone: '0987654321' });

    // An empty number removes it.
    fireEvent.change(phone, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));
    expect(await screen.findByText('Đã lưu thông tin tài khoản.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH').at(-1)?.body).toEqual({ fullName: 'Nguyễn Thị Hoà', phone: null });
    expect(within(nav()).getByText('Nguyễn Thị Hoà')).toBeInTheDocument();
    expect(phone).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server\'s field errors next to their fields', async () => {
    mockFetch({
      ...signIn(),
      'PATCH /api/auth/me': () =>
        json({ statusCode: 400, code: 'VALIDATION', message: 'Dữ liệu gửi lên không hợp lệ.', details: [{ field: 'phone', message: 'Số điện thoại không hợp lệ.' }] }, 400),
    });
    renderApp('/account');

    fireEvent.change(await screen.findByLabelText('Số điện thoại (không bắt buộc)'), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thông tin' }));

    const phone = screen.getByLabelText('Số điện thoại (không bắt buộc)');
    expect(await screen.findByText('Số điện thoại không hợp lệ.')).toBeInTheDocument();
    expect(phone).toHaveAccessibleDescription(/Số điện thoại không hợp lệ\.$/);
    expect(screen.getByRole('alert')).toHaveTextContent('Dữ liệu gửi lên không hợp lệ.');
  });

  it('checks the repeated password before sending, says a wrong current one on its field, then changes it', async () => {
    let puts = 0;
    const { requests } = mockFetch({
      ...signIn(),
      'PUT /api/auth/password': () => {
        puts += 1;
        return puts === 1 ? json({ statusCode: 400, code: 'AUTH.WRONG_PASSWORD', message: 'AUTH.WRONG_PASSWORD' }, 400) : noContent();
      },
    });
    renderApp('/account');
    const form = (await screen.findByRole('heading', { name: 'Đổi mật khẩu' })).closest('section')!;
    const current = within(form).getByLabelText('Mật khẩu hiện tại');
    const next = within(form).getByLabelText('Mật khẩu mới');
    const again = within(form).getByLabelText('Nhập lại mật khẩu mới');

    fireEvent.change(current, { target: { value: 'mat-khau-cu' } });
    fireEvent.change(next, { target: { value: 'mat-khau-moi-1' } });
    fireEvent.change(again, { target: { value: 'mat-khau-moi-2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(again).toHaveAccessibleDescription('Mật khẩu nhập lại không khớp với mật khẩu mới.');
    expect(again).toHaveFocus();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    fireEvent.change(again, { target: { value: 'mat-khau-moi-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await within(form).findByText('Mật khẩu hiện tại không đúng.')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();

    fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await within(form).findByText('Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PUT').at(-1)?.body).toEqual({ currentPassword: 'mat-khau-cu', newPassword: 'mat-khau-moi-1' });
    expect(current).toHaveValue('');
    expect(next).toHaveValue('');
    expect(again).toHaveValue('');
    // This session goes on.
    expect(authToken.get()).toBe(`token-${member.id}`);
  });

  it('says a new password equal to the current one on the new password field', async () => {
    mockFetch({ ...signIn(), 'PUT /api/auth/password': () => json({ statusCode: 400, code: 'AUTH.SAME_PASSWORD', message: 'AUTH.SAME_PASSWORD' }, 400) });
    renderApp('/account');
    const form = (await screen.findByRole('heading', { name: 'Đổi mật khẩu' })).closest('section')!;
    fireEvent.change(within(form).getByLabelText('Mật khẩu hiện tại'), { target: { value: 'mat-khau-1' } });
    fireEvent.change(within(form).getByLabelText('Mật khẩu mới'), { target: { value: 'mat-khau-1' } });
    fireEvent.change(within(form).getByLabelText('Nhập lại mật khẩu mới'), { target: { value: 'mat-khau-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));

    expect(await within(form).findByText('Mật khẩu mới phải khác mật khẩu hiện tại.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Mật khẩu mới')).toHaveAttribute('aria-invalid', 'true');
  });

  it('logs out on all devices after a confirm, then asks to log in', async () => {
    const logoutAll: MockRequest[] = [];
    mockFetch({
      ...signIn(),
      'POST /api/auth/logout-all': (request) => {
        logoutAll.push(request);
        return noContent();
      },
    });
    const { router } = renderApp('/account');

    fireEvent.click(await screen.findByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }));
    const dialog = screen.getByRole('dialog', { name: 'Đăng xuất trên mọi thiết bị?' });
    expect(logoutAll).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đăng xuất tất cả' }));

    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(logoutAll[0]?.headers.get('Authorization')).toBe(`Bearer token-${member.id}`);
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
    expect(within(nav()).queryByRole('button', { name: 'Đăng xuất' })).not.toBeInTheDocument();
  });
});
