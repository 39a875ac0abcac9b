import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, anAttempt, attemptId, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const mine = { items: [], total: 0 };

describe('round page', () => {
  it('shows the rules, the window and what the member has left', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () =>
        json(aRound({ me: { attemptsUsed: 1, attemptsLeft: 2, activeAttemptId: null, best: { attemptId, score: 17, durationMs: 421_000, submittedAt: '2026-11-26T08:07:01.000Z' } } })),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () =>
        json({
          items: [
            { id: attemptId, roundId, number: 1, status: 'submitted', startedAt: '', deadline: '', submittedAt: '', score: 17, maxScore: 20, correctCount: 17, durationMs: 421_000, prediction: 250, best: true },
          ],
          total: 1,
        }),
    });

    renderApp(`/rounds/${roundId}`);

    expect(await screen.findByRole('heading', { name: 'Tuần 1' })).toBeInTheDocument();
    expect(screen.getByText('Tìm hiểu pháp luật về bầu cử')).toBeInTheDocument();
    expect(screen.getByText('Đang mở')).toBeInTheDocument();
    const rules = screen.getByRole('region', { name: 'Thể lệ' });
    expect(within(rules).getByText('Thời gian làm bài').nextElementSibling).toHaveTextContent('20 phút');
    expect(within(rules).getByText('Số câu hỏi').nextElementSibling).toHaveTextContent('20');
    expect(within(rules).getByText('Số lượt thi tối đa').nextElementSibling).toHaveTextContent('3');
    expect(within(rules).getByText('Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?')).toBeInTheDocument();
    const mineRegion = screen.getByRole('region', { name: 'Lượt thi của bạn' });
    expect(within(mineRegion).getByText('Lượt còn lại').nextElementSibling).toHaveTextContent('2 / 3');
    expect(within(mineRegion).getByRole('link', { name: '17 điểm · 07:01' })).toHaveAttribute('href', `/attempts/${attemptId}/result`);
    expect(await within(mineRegion).findByRole('link', { name: /Lượt 1.*17\/20 điểm · 07:01.*Tốt nhất/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thi lượt mới' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bảng xếp hạng trực tiếp' })).toHaveAttribute('href', `/display/rounds/${roundId}`);
  });

  it('starts an attempt and opens it', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      // The API has no `me` until the member's first attempt.
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json(mine),
      [`POST /api/rounds/${roundId}/attempts`]: () => json(anAttempt(), 201),
      [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
    });
    const { router } = renderApp(`/rounds/${roundId}`);

    const start = await screen.findByRole('button', { name: 'Bắt đầu làm bài' });
    expect(start).toBeEnabled();
    expect(within(screen.getByRole('region', { name: 'Lượt thi của bạn' })).getByText('Lượt còn lại').nextElementSibling).toHaveTextContent('3 / 3');
    fireEvent.click(start);

    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}`);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('resumes the running attempt when the server says one exists', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(aRound()),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json(mine),
      [`POST /api/rounds/${roundId}/attempts`]: () =>
        json({ statusCode: 409, code: 'ATTEMPT.ACTIVE_EXISTS', message: 'Bạn đang có một lượt thi.', attemptId }, 409),
      [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
    });
    const { router } = renderApp(`/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));

    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}`);
  });

  it('shows why an attempt cannot start', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(aRound()),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json(mine),
      [`POST /api/rounds/${roundId}/attempts`]: () =>
        json({ statusCode: 409, code: 'ATTEMPT.LIMIT_REACHED', message: 'Bạn đã dùng hết 3 lượt thi.' }, 409),
    });
    renderApp(`/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn đã dùng hết 3 lượt thi.');
  });

  it('tells a manager or judge of the contest, in their language, that they cannot take part', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(aRound()),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json(mine),
      [`POST /api/rounds/${roundId}/attempts`]: () =>
        json({ statusCode: 403, code: 'ROUND.STAFF_CANNOT_COMPETE', message: 'ROUND.STAFF_CANNOT_COMPETE' }, 403),
    });
    renderApp(`/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bạn đang quản lý hoặc chấm cuộc thi này nên không thể dự thi.');
  });

  it('asks a visitor to log in first, and comes back here after', async () => {
    mockFetch({ [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })) });
    renderApp(`/rounds/${roundId}`);

    expect(await screen.findByRole('link', { name: 'Đăng nhập để dự thi' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(`/rounds/${roundId}`)}`,
    );
    expect(screen.queryByRole('region', { name: 'Lượt thi của bạn' })).not.toBeInTheDocument();
  });

  it('offers to continue a running attempt', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: { attemptsUsed: 1, attemptsLeft: 2, activeAttemptId: attemptId, best: null } })),
      [`GET /api/rounds/${roundId}/attempts/mine`]: () => json(mine),
    });
    renderApp(`/rounds/${roundId}`);

    expect(await screen.findByRole('link', { name: 'Tiếp tục làm bài' })).toHaveAttribute('href', `/attempts/${attemptId}`);
  });
});
