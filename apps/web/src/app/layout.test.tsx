import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aContest, aContestBoard, anAttempt, aRound, attemptId, member, roundId, signIn } from '../test/builders';
import { json, mockFetch } from '../test/fetch-mock';
import { renderApp } from '../test/render-app';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });

describe('logging out in the middle of a quiz', () => {
  it('asks first, and stays in the quiz when told to', async () => {
    const { requests } = mockFetch({
      ...signIn(member),
      [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
      [`GET /api/rounds/${roundId}`]: () => json(aRound()),
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router } = renderApp(`/attempts/${attemptId}`);
    await screen.findByRole('heading', { name: /Câu 1\/3/ });

    fireEvent.click(within(nav()).getByRole('button', { name: 'Đăng xuất' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Đăng xuất khi đang làm bài?' }));
    expect(dialog.getByText(/đồng hồ vẫn chạy/)).toBeInTheDocument();
    fireEvent.click(dialog.getByRole('button', { name: 'Ở lại làm bài' }));
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}`);
    expect(requests.some((request) => request.url.pathname === '/api/auth/logout')).toBe(false);

    fireEvent.click(within(nav()).getByRole('button', { name: 'Đăng xuất' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Đăng xuất' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/');
    });
    expect(requests.some((request) => request.url.pathname === '/api/auth/logout')).toBe(true);
  });

  it('logs out at once anywhere else', async () => {
    const { requests } = mockFetch({
      ...signIn(member),
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp('/');
    fireEvent.click(await within(nav()).findByRole('button', { name: 'Đăng xuất' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => {
      expect(requests.some((request) => request.url.pathname === '/api/auth/logout')).toBe(true);
    });
  });
});

describe('page titles', () => {
  it('names each page in the browser tab', async () => {
    mockFetch({
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'GET /api/contests/c1': () => json(aContest({ status: 'published', canManage: false })),
      'GET /api/contests/c1/leaderboard': () => json(aContestBoard()),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
    });
    const { router } = renderApp('/');
    await screen.findByRole('heading', { name: 'Cuộc thi', level: 1 });
    expect(document.title).toBe('Cuộc thi — Hội Thi');

    await router.navigate('/contests/c1/board');
    await screen.findByRole('heading', { name: 'Bảng xếp hạng' });
    expect(document.title).toBe('Bảng xếp hạng — Tìm hiểu Luật Bầu cử — Hội Thi');

    await router.navigate(`/rounds/${roundId}`);
    await screen.findByRole('heading', { name: 'Tuần 1' });
    expect(document.title).toBe('Tuần 1 — Hội Thi');

    await router.navigate('/login');
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    expect(document.title).toBe('Đăng nhập — Hội Thi');
  });
});
