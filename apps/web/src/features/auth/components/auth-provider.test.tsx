import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aUser } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const contests = () => json({ items: [], total: 0 });

describe('auth', () => {
  it('shows the stored user from /auth/me', async () => {
    window.localStorage.setItem('hoi-thi.accessToken', 'valid');
    mockFetch({
      'GET /api/contests': contests,
      'GET /api/auth/me': () =>
        json(aUser({ id: 'u1', fullName: 'Trần Văn Nam', email: 'nam@example.vn' })),
    });

    renderApp('/');

    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await within(nav).findByText('Trần Văn Nam')).toBeInTheDocument();
  });

  it('forgets a token that /auth/me rejects with 401', async () => {
    window.localStorage.setItem('hoi-thi.accessToken', 'expired');
    mockFetch({
      'GET /api/contests': contests,
      'GET /api/auth/me': () =>
        json({ statusCode: 401, code: 'AUTH.TOKEN_INVALID', message: 'Phiên đăng nhập đã hết hạn.' }, 401),
    });

    renderApp('/');

    expect(await screen.findByRole('link', { name: 'Đăng nhập' })).toBeInTheDocument();
    await waitFor(() => {
      expect(window.localStorage.getItem('hoi-thi.accessToken')).toBeNull();
    });
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).not.toBeInTheDocument();
  });
});
