import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, anAttempt, attemptId, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

function routes(me: { attemptsUsed: number; attemptsLeft: number }, maxAttempts = 3) {
  return mockFetch({
    ...signIn(),
    [`GET /api/rounds/${roundId}`]: () => json(aRound({ maxAttempts, me: { ...me, activeAttemptId: null, best: null } })),
    [`GET /api/rounds/${roundId}/attempts/mine`]: () => json({ items: [], total: 0 }),
    [`POST /api/rounds/${roundId}/attempts`]: () => json(anAttempt(), 201),
    [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
  });
}

describe('starting another attempt', () => {
  it('asks before "Thi lượt mới", saying how many attempts will be left and that the clock starts', async () => {
    const { requests } = routes({ attemptsUsed: 1, attemptsLeft: 2 });
    const { router } = renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Thi lượt mới' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Bắt đầu lượt thi mới?' }));
    expect(dialog.getByText('Sau lượt này bạn còn 1 lượt. Kết quả tốt nhất của bạn được tính trên bảng xếp hạng.')).toBeInTheDocument();
    expect(dialog.getByText('Đồng hồ 20 phút bắt đầu chạy ngay khi bạn bấm “Bắt đầu làm bài”.')).toBeInTheDocument();
    fireEvent.click(dialog.getByRole('button', { name: 'Huỷ' }));
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Thi lượt mới' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Bắt đầu làm bài' }));
    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}`);
  });

  it('says plainly when it is the last attempt, even the first of a one-attempt round', async () => {
    routes({ attemptsUsed: 0, attemptsLeft: 1 }, 1);
    renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Bắt đầu lượt thi cuối cùng?' }));
    expect(dialog.getByText('Đây là lượt thi cuối cùng của bạn ở vòng thi này: sau lượt này bạn không còn lượt nào.')).toBeInTheDocument();
  });

  it('asks from the result page\'s "Thi lại" too', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/attempts/${attemptId}`]: () => json(anAttempt({ status: 'submitted', score: 2, maxScore: 3, correctCount: 2, durationMs: 60_000, submittedAt: '2026-11-26T08:01:00.000Z' })),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: { attemptsUsed: 2, attemptsLeft: 1, activeAttemptId: null, best: null } })),
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: 4, entry: null, total: 37, frozen: false, frozenAt: null }),
    });
    renderApp(`/attempts/${attemptId}/result`);
    fireEvent.click(await screen.findByRole('button', { name: 'Thi lại' }));
    expect(screen.getByRole('dialog', { name: 'Bắt đầu lượt thi cuối cùng?' })).toBeInTheDocument();
  });
});
