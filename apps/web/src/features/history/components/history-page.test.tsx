import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aHistoryItem, attemptId, member, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const nav = () => screen.getByRole('navigation', { name: 'Điều hướng chính' });

describe('history page', () => {
  it('is in the menu of signed-in members and lists their attempts across contests', async () => {
    const { requests } = mockFetch({
      ...signIn(member),
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'GET /api/me/history': () =>
        json({
          total: 3,
          items: [
            aHistoryItem({ attemptId: 'a-active', status: 'active', score: null, maxScore: null, durationMs: null, submittedAt: null, rank: null, roundTitle: 'Tuần 2', roundId: 'r2' }),
            aHistoryItem(),
            aHistoryItem({ attemptId: 'a-old', contestTitle: 'Tìm hiểu Bộ luật Lao động', roundTitle: 'Tuần 3', status: 'expired', score: 7, maxScore: 10, rank: null }),
          ],
        }),
    });
    renderApp('/');
    fireEvent.click(await within(nav()).findByRole('link', { name: 'Lịch sử thi' }));

    expect(await screen.findByRole('heading', { name: 'Lịch sử thi', level: 1 })).toBeInTheDocument();
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(3);

    const active = within(cards[0]!);
    expect(active.getByText('Đang làm')).toBeInTheDocument();
    expect(active.getByRole('link', { name: 'Tiếp tục làm bài' })).toHaveAttribute('href', '/attempts/a-active');

    const done = within(cards[1]!);
    expect(done.getByText('Tìm hiểu Luật Bầu cử')).toBeInTheDocument();
    expect(done.getByRole('link', { name: 'Tuần 1' })).toHaveAttribute('href', `/rounds/${roundId}`);
    expect(done.getByText('Đã nộp')).toBeInTheDocument();
    expect(done.getByText('Điểm').nextElementSibling).toHaveTextContent('18,5/20');
    expect(done.getByText('Thời gian làm bài').nextElementSibling).toHaveTextContent('05:32');
    expect(done.getByText('Nộp lúc').nextElementSibling).toHaveTextContent('26/11/2026 15:05');
    expect(done.getByText('Xếp hạng trong vòng').nextElementSibling).toHaveTextContent('12');
    expect(done.getByRole('link', { name: 'Xem kết quả: Tuần 1 — Tìm hiểu Luật Bầu cử' })).toHaveAttribute('href', `/attempts/${attemptId}/result`);

    const expired = within(cards[2]!);
    expect(expired.getByText('Hết giờ')).toBeInTheDocument();
    expect(expired.getByText('Chưa xếp hạng')).toBeInTheDocument();
    expect(requests.find((request) => request.url.pathname === '/api/me/history')?.url.search).toBe('?limit=20&offset=0');
  });

  it('pages through a long history', async () => {
    const { requests } = mockFetch({
      ...signIn(member),
      'GET /api/me/history': (request) => {
        const offset = Number(request.url.searchParams.get('offset'));
        return json({ total: 25, items: Array.from({ length: offset === 0 ? 20 : 5 }, (_, index) => aHistoryItem({ attemptId: `a${String(offset + index)}` })) });
      },
    });
    renderApp('/history');
    expect(await screen.findByText('Lượt 1–20 / 25')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('Lượt 21–25 / 25')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
    expect(requests.at(-1)?.url.searchParams.get('offset')).toBe('20');
  });

  it('says when there is nothing yet, and where to start', async () => {
    mockFetch({ ...signIn(member), 'GET /api/me/history': () => json({ items: [], total: 0 }) });
    renderApp('/history');
    expect(await screen.findByText('Bạn chưa làm bài thi nào.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem các cuộc thi đang mở' })).toHaveAttribute('href', '/');
  });

  it('says when the history cannot be loaded', async () => {
    mockFetch({ ...signIn(member), 'GET /api/me/history': () => json({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Dịch vụ tạm thời không sẵn sàng.' }, 503) });
    renderApp('/history');
    expect(await screen.findByText('Không tải được lịch sử thi.')).toBeInTheDocument();
    expect(screen.getByText('Dịch vụ tạm thời không sẵn sàng.')).toBeInTheDocument();
  });

  it('sends a visitor to the login page, and shows no history link', async () => {
    mockFetch({ 'GET /api/contests': () => json({ items: [], total: 0 }) });
    const { router } = renderApp('/history');
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/history')}`);
    expect(within(nav()).queryByRole('link', { name: 'Lịch sử thi' })).not.toBeInTheDocument();
  });
});
