import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { aRound, anAttempt, attemptId, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

/** The first render loads the round page's code: slow on a busy machine, so it gets longer than 1 s. */
const LOADED = 5000;

const waiting = (position: number, retryAfterMs = 500) => json({ status: 'waiting', position, retryAfterMs }, 202);

/** The round page, with the start answering `answers` in turn (the last one repeats). */
function routes(answers: (() => Response)[]) {
  let asked = 0;
  return mockFetch({
    ...signIn(),
    [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: { attemptsUsed: 0, attemptsLeft: 3, activeAttemptId: null, best: null } })),
    [`GET /api/rounds/${roundId}/attempts/mine`]: () => json({ items: [], total: 0 }),
    [`POST /api/rounds/${roundId}/attempts`]: () => {
      const answer = answers[Math.min(asked++, answers.length - 1)];
      if (!answer) throw new Error('no answer given');
      return answer();
    },
    [`GET /api/attempts/${attemptId}`]: () => json(anAttempt()),
  });
}

const starts = (requests: { method: string; url: URL }[]) => requests.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/attempts')).length;

describe('the waiting room of a start held back by admission control (202)', () => {
  it('shows the place and that the clock has not started, asks again by itself and then opens the attempt', async () => {
    const { requests } = routes([() => waiting(3), () => waiting(1), () => json(anAttempt(), 201)]);
    const { router } = renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }, { timeout: LOADED }));

    expect(await screen.findByRole('heading', { name: 'Đang xếp hàng vào thi' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bạn đang ở vị trí thứ 3 trong hàng chờ.');
    expect(screen.getByText('Thời gian làm bài của bạn chưa bắt đầu: đồng hồ chỉ chạy khi đề được mở.')).toBeInTheDocument();
    expect(screen.getByText('Tự động thử lại sau 1 giây…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bắt đầu làm bài' })).not.toBeInTheDocument();

    expect(await screen.findByText('Bạn là người kế tiếp trong hàng chờ.', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ }, { timeout: 2000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}`);
    expect(starts(requests)).toBe(3);
  });

  it('counts down to the next try', async () => {
    routes([() => waiting(40, 3000)]);
    renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }, { timeout: LOADED }));
    expect(await screen.findByText('Tự động thử lại sau 3 giây…')).toBeInTheDocument();
    expect(await screen.findByText('Tự động thử lại sau 2 giây…', {}, { timeout: 2000 })).toBeInTheDocument();
  });

  it('stops asking when the member leaves the queue, and offers the start again', async () => {
    const { requests } = routes([() => waiting(12, 600)]);
    renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }, { timeout: LOADED }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rời hàng chờ' }));

    expect(await screen.findByRole('button', { name: 'Bắt đầu làm bài' })).toBeEnabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(starts(requests)).toBe(1);
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    routes([() => waiting(2)]);
    renderApp(`/rounds/${roundId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Start the quiz' }, { timeout: LOADED }));
    expect(await screen.findByRole('heading', { name: 'You are in the queue to start' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You are number 2 in the queue.');
    expect(screen.getByText('Your time has not started: the clock runs only once your questions open.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave the queue' })).toBeInTheDocument();
  });
});
