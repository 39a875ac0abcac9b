import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { judge, member, organizer, signIn } from '../test/builders';
import { json, mockFetch } from '../test/fetch-mock';
import { renderApp } from '../test/render-app';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });

describe('organizer and judge areas', () => {
  it('links the organizer area for organizers and admins only', async () => {
    mockFetch({ ...signIn({ ...organizer, roles: ['admin'] }), 'GET /api/contests': () => json({ items: [], total: 0 }) });
    renderApp('/');
    expect(await within(nav()).findByRole('link', { name: 'Quản trị' })).toHaveAttribute('href', '/admin');
    expect(within(nav()).queryByRole('link', { name: 'Chấm bài' })).not.toBeInTheDocument();
  });

  it('links the judging area for judges, and keeps them out of the organizer area', async () => {
    mockFetch({ ...signIn(judge), 'GET /api/judging/assignments': () => json([]) });
    renderApp('/admin/questions');
    expect(await screen.findByRole('heading', { name: 'Trang này dành cho người có quyền khác' })).toBeInTheDocument();
    expect(screen.getByText('Chỉ ban tổ chức và quản trị viên mới mở được trang này.')).toBeInTheDocument();
    expect(within(nav()).getByRole('link', { name: 'Chấm bài' })).toHaveAttribute('href', '/judging');
    expect(within(nav()).queryByRole('link', { name: 'Quản trị' })).not.toBeInTheDocument();
  });

  it('shows members neither area', async () => {
    mockFetch({ ...signIn(member), 'GET /api/contests': () => json({ items: [], total: 0 }) });
    renderApp('/judging');
    expect(await screen.findByText('Chỉ giám khảo mới mở được trang này.')).toBeInTheDocument();
    expect(within(nav()).queryByRole('link', { name: 'Quản trị' })).not.toBeInTheDocument();
    expect(within(nav()).queryByRole('link', { name: 'Chấm bài' })).not.toBeInTheDocument();
  });

  it('sends a visitor to the login page and back', async () => {
    mockFetch({});
    const { router } = renderApp('/admin/contests?status=draft');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/admin/contests?status=draft')}`);
  });
});
