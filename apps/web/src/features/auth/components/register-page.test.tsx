import type { AuthResponse, UnitResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aUser, anAuthResponse } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { authToken } from '../../../lib/auth-token';

const units: UnitResponse[] = [
  { id: 'hcm', name: 'Liên đoàn Lao động TP. Hồ Chí Minh', parentId: null, memberCount: 1000 },
  { id: 'btn', name: 'Công đoàn Báo Thanh Niên', parentId: 'hcm', memberCount: 120 },
];

async function fillInForm() {
  fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Thị Hoa' } });
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'hoa@example' } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'matkhau123' } });
  fireEvent.click(await screen.findByRole('radio', { name: 'Công đoàn Báo Thanh Niên' }));
}

describe('register page', () => {
  it('shows the field errors of a 400 VALIDATION answer next to their fields', async () => {
    const { requests } = mockFetch({
      'GET /api/units': () => json(units),
      'POST /api/auth/register': () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Dữ liệu không hợp lệ.',
            details: [
              { field: 'email', message: 'Email không hợp lệ.' },
              { field: 'password', message: 'Mật khẩu quá dễ đoán.' },
            ],
          },
          400,
        ),
    });
    renderApp('/register');

    await fillInForm();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Email không hợp lệ.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Email không hợp lệ.');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription('Ít nhất 8 ký tự. Mật khẩu quá dễ đoán.');
    expect(screen.getByLabelText('Họ và tên')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Dữ liệu không hợp lệ.');
    expect(email).toHaveFocus();

    const sent = requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({
      fullName: 'Nguyễn Thị Hoa',
      email: 'hoa@example',
      password: 'matkhau123',
      unitId: 'btn',
    });
  });

  it('shows the message of an error that belongs to no field', async () => {
    mockFetch({
      'GET /api/units': () => json(units),
      'POST /api/auth/register': () =>
        json({ statusCode: 409, code: 'AUTH.EMAIL_TAKEN', message: 'Email này đã được đăng ký.' }, 409),
    });
    renderApp('/register');

    await fillInForm();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Email này đã được đăng ký.');
  });

  it('asks for the missing fields before sending anything', async () => {
    const { requests } = mockFetch({ 'GET /api/units': () => json(units) });
    renderApp('/register');
    await screen.findByRole('radio', { name: 'Công đoàn Báo Thanh Niên' });

    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'ngan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(screen.getByLabelText('Họ và tên')).toHaveAccessibleDescription('Vui lòng nhập thông tin này.');
    expect(screen.getByLabelText('Mật khẩu')).toHaveAccessibleDescription('Ít nhất 8 ký tự. Mật khẩu cần có ít nhất 8 ký tự.');
    expect(screen.getByText('Vui lòng chọn đơn vị của bạn.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('signs the new member in and goes to the contests', async () => {
    const response: AuthResponse = anAuthResponse(aUser({ id: 'u1' }), { accessToken: 'token-hoa', refreshToken: 'refresh-hoa' });
    const { requests } = mockFetch({
      'GET /api/units': () => json(units),
      'POST /api/auth/register': () => json(response, 201),
      'GET /api/contests': () => json({ items: [], total: 0 }),
    });
    const { router } = renderApp('/register');

    await fillInForm();
    fireEvent.change(screen.getByLabelText('Số điện thoại (không bắt buộc)'), { target: { value: ' 0901234567 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(await screen.findByRole('heading', { name: 'Cuộc thi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByText('Nguyễn Thị Hoa')).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Đăng xuất' })).toBeInTheDocument();
    // The access token in memory; the refresh token only in the server's HttpOnly cookie.
    expect(authToken.get()).toBe('token-hoa');
    expect(window.localStorage.getItem('hoi-thi.refreshToken')).toBeNull();
    expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({ phone: '0901234567' });
    await screen.findByText('Chưa có cuộc thi nào đang diễn ra.');
    expect(requests.at(-1)?.headers.get('Authorization')).toBe('Bearer token-hoa');
  });

  it('asks for the phone when the server requires it, before sending anything', async () => {
    const { requests } = mockFetch({
      'GET /api/units': () => json(units),
      'GET /api/auth/registration-settings': () => json({ phoneRequired: true }),
    });
    renderApp('/register');
    await fillInForm();
    const phone = await screen.findByLabelText('Số điện thoại');
    expect(phone).toBeRequired();

    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription('Số di động, ví dụ 0912 345 678. Mỗi số chỉ dùng cho một tài khoản. Vui lòng nhập thông tin này.');
    expect(phone).toHaveFocus();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the server\'s word on a bad number next to the phone field', async () => {
    mockFetch({
      'GET /api/units': () => json(units),
      'GET /api/auth/registration-settings': () => json({ phoneRequired: false }),
      'POST /api/auth/register': () =>
        json({ statusCode: 400, code: 'VALIDATION', message: 'Dữ liệu gửi lên không hợp lệ.', details: [{ field: 'phone', message: 'Số điện thoại không hợp lệ.' }] }, 400),
    });
    renderApp('/register');
    await fillInForm();
    fireEvent.change(screen.getByLabelText('Số điện thoại (không bắt buộc)'), { target: { value: '0168 123 4567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    const phone = screen.getByLabelText('Số điện thoại (không bắt buộc)');
    await screen.findByText('Số điện thoại không hợp lệ.');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('isPhone')).not.toBeInTheDocument();
  });

  it('says a number already in use next to the phone field, in the reader\'s language', async () => {
    mockFetch({
      'GET /api/units': () => json(units),
      'GET /api/auth/registration-settings': () => json({ phoneRequired: true }),
      'POST /api/auth/register': () => json({ statusCode: 409, code: 'AUTH.PHONE_TAKEN', message: 'AUTH.PHONE_TAKEN' }, 409),
    });
    renderApp('/register');
    await fillInForm();
    fireEvent.change(await screen.findByLabelText('Số điện thoại'), { target: { value: '+84 912 345 678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));

    const phone = screen.getByLabelText('Số điện thoại');
    expect(await screen.findByText('Số điện thoại này đã được dùng cho một tài khoản khác.')).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Mỗi người chỉ có một tài khoản.');
    expect(screen.queryByText('AUTH.PHONE_TAKEN')).not.toBeInTheDocument();
  });
});
