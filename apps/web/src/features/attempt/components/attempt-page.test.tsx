import type { AttemptResponse, SubmitResponse } from '@hoi-thi/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aRound, anAttempt, attemptId, roundId, signIn } from '../../../test/builders';
import { json, mockFetch, type MockRequest } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const saved = (request: MockRequest) =>
  json({ questionId: request.url.pathname.split('/').at(-1), savedAt: new Date().toISOString(), revision: 1 });

const result: SubmitResponse = {
  id: attemptId,
  status: 'submitted',
  score: 2,
  maxScore: 3,
  correctCount: 2,
  durationMs: 332_000,
  submittedAt: '2026-11-26T08:05:32.000Z',
  prediction: 250,
};

/** The routes of one attempt; GET answers `current()` so a test can finish it. */
function attemptRoutes(current: () => AttemptResponse) {
  return {
    ...signIn(),
    [`GET /api/attempts/${attemptId}`]: () => json(current()),
    [`PUT /api/attempts/${attemptId}/answers/q1`]: saved,
    [`PUT /api/attempts/${attemptId}/answers/q2`]: saved,
    [`PUT /api/attempts/${attemptId}/answers/q3`]: saved,
    [`PUT /api/attempts/${attemptId}/prediction`]: () => json({ prediction: 250, savedAt: new Date().toISOString() }),
    [`GET /api/rounds/${roundId}`]: () => json(aRound()),
    [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: 4, entry: null, total: 37 }),
  };
}

const map = () => screen.getByRole('navigation', { name: 'Danh sách câu hỏi' });

describe('attempt page', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('comes back to the same question with the saved answers after a reload', async () => {
    window.localStorage.setItem(`hoi-thi.attempt.${attemptId}.current`, '2');
    mockFetch(attemptRoutes(() => anAttempt({ answers: { q1: { optionIds: ['q1-b'] }, q3: { optionIds: ['q3-f'] } } })));

    renderApp(`/attempts/${attemptId}`);

    expect(await screen.findByRole('heading', { name: /Câu 3\/3/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Sai' })).toBeChecked();
    expect(within(map()).getByRole('button', { name: 'Câu 1, Đã trả lời' })).toBeInTheDocument();
    expect(within(map()).getByRole('button', { name: 'Câu 2, Chưa trả lời' })).toBeInTheDocument();
    expect(within(map()).getByRole('button', { name: 'Câu 3, Đã trả lời' })).toHaveAttribute('aria-current', 'step');
    expect(within(map()).getByText('Đã trả lời 2/3 câu')).toBeInTheDocument();

    fireEvent.click(within(map()).getByRole('button', { name: 'Câu 1, Đã trả lời' }));
    expect(await screen.findByRole('radio', { name: '21 tuổi' })).toBeChecked();
    expect(window.localStorage.getItem(`hoi-thi.attempt.${attemptId}.current`)).toBe('0');
  });

  it('saves each answer as it is chosen and shows saving, then saved', async () => {
    let release: () => void = () => undefined;
    const { requests } = mockFetch({
      ...attemptRoutes(() => anAttempt()),
      [`PUT /api/attempts/${attemptId}/answers/q1`]: async (request) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return saved(request);
      },
    });
    renderApp(`/attempts/${attemptId}`);

    fireEvent.click(await screen.findByRole('radio', { name: '18 tuổi' }));

    expect(screen.getByRole('radio', { name: '18 tuổi' })).toBeChecked();
    expect(await screen.findByText('Đang lưu…')).toBeInTheDocument();
    expect(within(map()).getByRole('button', { name: 'Câu 1, Đã trả lời, chưa lưu' })).toBeInTheDocument();
    act(() => {
      release();
    });
    expect(await screen.findByText('Đã lưu')).toBeInTheDocument();
    expect(within(map()).getByRole('button', { name: 'Câu 1, Đã trả lời' })).toBeInTheDocument();

    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.url.pathname).toBe(`/api/attempts/${attemptId}/answers/q1`);
    expect(put?.body).toEqual({ optionIds: ['q1-a'] });
  });

  it('keeps answers while offline and sends them when the browser is back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { requests } = mockFetch(attemptRoutes(() => anAttempt()));
    renderApp(`/attempts/${attemptId}`);

    fireEvent.click(await screen.findByRole('radio', { name: '21 tuổi' }));
    fireEvent.click(screen.getByRole('radio', { name: '18 tuổi' }));

    expect(screen.getByText('Chưa lưu — sẽ gửi khi có mạng')).toBeInTheDocument();
    expect(screen.getByText(/Mất kết nối mạng\. 1 câu trả lời đang chờ/)).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
    expect(JSON.parse(window.localStorage.getItem(`hoi-thi.attempt.${attemptId}.pending`) ?? '[]')).toEqual([
      { kind: 'answer', questionId: 'q1', optionIds: ['q1-a'] },
    ]);

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    expect(await screen.findByText('Đã lưu')).toBeInTheDocument();
    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.body)).toEqual([{ optionIds: ['q1-a'] }]);
    expect(window.localStorage.getItem(`hoi-thi.attempt.${attemptId}.pending`)).toBeNull();
  });

  it('moves between questions with the arrow keys and chooses with Enter', async () => {
    const { requests } = mockFetch(attemptRoutes(() => anAttempt()));
    renderApp(`/attempts/${attemptId}`);
    const first = await screen.findByRole('radio', { name: '18 tuổi' });

    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(screen.getByRole('radio', { name: '21 tuổi' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: '21 tuổi' })).not.toBeChecked();
    fireEvent.keyDown(screen.getByRole('radio', { name: '21 tuổi' }), { key: 'Enter' });
    expect(screen.getByRole('radio', { name: '21 tuổi' })).toBeChecked();

    fireEvent.keyDown(screen.getByRole('radio', { name: '21 tuổi' }), { key: 'ArrowRight' });
    const heading = await screen.findByRole('heading', { name: /Câu 2\/3/ });
    expect(heading).toHaveFocus();
    fireEvent.keyDown(heading, { key: 'ArrowLeft' });
    expect(await screen.findByRole('heading', { name: /Câu 1\/3/ })).toHaveFocus();

    await waitFor(() => {
      expect(requests.some((request) => request.method === 'PUT')).toBe(true);
    });
  });

  it('asks before submitting, listing what is unanswered, then shows the result', async () => {
    let current = anAttempt({ answers: { q1: { optionIds: ['q1-a'] } } });
    const { requests } = mockFetch({
      ...attemptRoutes(() => current),
      [`POST /api/attempts/${attemptId}/submit`]: () => {
        current = { ...current, ...result };
        return json(result);
      },
    });
    const { router } = renderApp(`/attempts/${attemptId}`);
    await screen.findByRole('heading', { name: /Câu 1\/3/ });

    fireEvent.click(within(map()).getByRole('button', { name: 'DĐ: câu hỏi dự đoán, Chưa trả lời' }));
    fireEvent.change(await screen.findByLabelText('Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?'), { target: { value: '25x' } });
    expect(screen.getByText('Vui lòng nhập một số nguyên không âm (chỉ gồm chữ số).')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?'), { target: { value: '250' } });

    fireEvent.click(screen.getAllByRole('button', { name: 'Nộp bài' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Nộp bài?' });
    expect(within(dialog).getByText('Bạn đã trả lời 1/3 câu.')).toBeInTheDocument();
    expect(within(dialog).getByText('Còn 2 câu chưa trả lời.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Làm tiếp' })).toHaveFocus();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests.some((request) => request.url.pathname.endsWith('/submit'))).toBe(false);

    fireEvent.click(screen.getAllByRole('button', { name: 'Nộp bài' })[0]!);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Nộp bài' }));

    expect(await screen.findByRole('heading', { name: 'Kết quả bài thi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}/result`);
    expect(requests.find((request) => request.url.pathname.endsWith('/submit'))?.body).toEqual({ prediction: 250 });
    expect(requests.find((request) => request.url.pathname.endsWith('/prediction'))?.body).toEqual({ prediction: 250 });
    expect(window.localStorage.getItem(`hoi-thi.attempt.${attemptId}.current`)).toBeNull();
  });

  it('submits by itself when the time is up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const now = Date.now();
    let current = anAttempt({
      serverTime: new Date(now).toISOString(),
      deadline: new Date(now + 3_000).toISOString(),
      answers: { q1: { optionIds: ['q1-a'] } },
    });
    const { requests } = mockFetch({
      ...attemptRoutes(() => current),
      [`POST /api/attempts/${attemptId}/submit`]: () => {
        current = { ...current, ...result, status: 'submitted' };
        return json(result);
      },
    });
    renderApp(`/attempts/${attemptId}`);
    expect(await screen.findByRole('timer')).toHaveTextContent(/00:0[23]/);
    expect(requests.some((request) => request.url.pathname.endsWith('/submit'))).toBe(false);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_500);
    });

    expect(await screen.findByRole('heading', { name: 'Kết quả bài thi' })).toBeInTheDocument();
    const submits = requests.filter((request) => request.url.pathname.endsWith('/submit'));
    expect(submits).toHaveLength(1);
    expect(submits[0]?.body).toEqual({});
  });

  it('goes to the result when the server says the attempt has expired', async () => {
    let current = anAttempt();
    mockFetch({
      ...attemptRoutes(() => current),
      [`PUT /api/attempts/${attemptId}/answers/q1`]: () => {
        current = { ...current, ...result, status: 'expired' };
        return json({ statusCode: 409, code: 'ATTEMPT.EXPIRED', message: 'Lượt thi đã hết giờ.' }, 409);
      },
    });
    const { router } = renderApp(`/attempts/${attemptId}`);

    fireEvent.click(await screen.findByRole('radio', { name: '18 tuổi' }));

    expect(await screen.findByRole('heading', { name: 'Kết quả bài thi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/attempts/${attemptId}/result`);
    expect(screen.getByText('Lượt thi đã hết giờ; bài được chấm theo các câu trả lời đã lưu.')).toBeInTheDocument();
  });

  it('sends a visitor who is not signed in to the login page', async () => {
    mockFetch({});
    const { router } = renderApp(`/attempts/${attemptId}`);
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(`/attempts/${attemptId}`)}`);
  });
});
