import type { AttemptReviewResponse } from '@hoi-thi/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, anAttempt, attemptId, member, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const finished = anAttempt({
  status: 'submitted',
  score: 2.5,
  maxScore: 3,
  correctCount: 2,
  durationMs: 332_999,
  submittedAt: '2026-11-26T08:05:32.000Z',
  prediction: 250,
  attemptsLeft: 2,
});

const review: AttemptReviewResponse = {
  id: attemptId,
  roundId,
  status: 'submitted',
  score: 2.5,
  maxScore: 3,
  questions: [
    {
      id: 'q1',
      type: 'single',
      text: 'Công dân đủ bao nhiêu tuổi thì có quyền bầu cử?',
      points: 1,
      options: [
        { id: 'q1-a', text: '18 tuổi', correct: true },
        { id: 'q1-b', text: '21 tuổi', correct: false },
      ],
      chosenOptionIds: ['q1-b'],
      correct: false,
      awarded: 0,
      explanation: 'Điều 27 Hiến pháp 2013.',
    },
  ],
};

describe('result page', () => {
  it('shows score, correct answers, time, rank and attempts left, with a way to try again', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      [`GET /api/attempts/${attemptId}`]: () => json(finished),
      [`GET /api/rounds/${roundId}`]: () =>
        json(aRound({ me: { attemptsUsed: 1, attemptsLeft: 2, activeAttemptId: null, best: { attemptId, score: 2.5, durationMs: 332_999, submittedAt: '2026-11-26T08:05:32.000Z' } } })),
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: 4, entry: null, total: 37 }),
    });

    renderApp(`/attempts/${attemptId}/result`);

    expect(await screen.findByRole('heading', { name: 'Kết quả bài thi' })).toBeInTheDocument();
    expect(screen.getByText('2,5/3')).toBeInTheDocument();
    const facts = (label: string) => screen.getByText(label).nextElementSibling;
    expect(facts('Số câu đúng')).toHaveTextContent('2/3');
    expect(facts('Thời gian làm bài')).toHaveTextContent('05:32');
    expect(facts('Dự đoán của bạn')).toHaveTextContent('250');
    expect(await screen.findByText('4 trên 37 người')).toBeInTheDocument();
    expect(facts('Lượt còn lại')).toHaveTextContent('2');
    expect(await screen.findByRole('button', { name: 'Thi lại' })).toBeInTheDocument();

    // "After close": the page says when, without asking the server for a key it would refuse.
    expect(screen.getByText(/Đáp án sẽ được công bố khi vòng thi kết thúc/)).toBeInTheDocument();
    expect(requests.some((request) => request.url.pathname.endsWith('/review'))).toBe(false);

    const share = screen.getByRole('region', { name: 'Chia sẻ kết quả' });
    expect(within(share).getByLabelText('Liên kết chia sẻ')).toHaveValue(`http://localhost:3000/share/rounds/${roundId}/${member.id}`);
    expect(within(share).getByRole('link', { name: 'Chia sẻ lên Facebook' })).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`http://localhost:3000/share/rounds/${roundId}/${member.id}`)}`,
    );
  });

  it('shows the key and explanations once the round allows review', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/attempts/${attemptId}`]: () => json(finished),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ phase: 'closed', me: { attemptsUsed: 1, attemptsLeft: 2, activeAttemptId: null, best: null } })),
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: 4, entry: null, total: 37 }),
      [`GET /api/attempts/${attemptId}/review`]: () => json(review),
    });

    renderApp(`/attempts/${attemptId}/result`);

    expect(await screen.findByText('Điều 27 Hiến pháp 2013.')).toBeInTheDocument();
    expect(screen.getByText('Sai')).toBeInTheDocument();
    expect(screen.getByText('18 tuổi').closest('li')).toHaveTextContent('Đáp án đúng');
    expect(screen.getByText('21 tuổi').closest('li')).toHaveTextContent('Bạn chọn');
    expect(screen.queryByRole('button', { name: 'Thi lại' })).not.toBeInTheDocument();
  });

  it('says when the review opens if the server refuses it', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/attempts/${attemptId}`]: () => json(finished),
      [`GET /api/rounds/${roundId}`]: () =>
        json(aRound({ reviewAfter: 'submit', me: { attemptsUsed: 3, attemptsLeft: 0, activeAttemptId: null, best: null } })),
      [`GET /api/rounds/${roundId}/leaderboard/me`]: () => json({ rank: null, entry: null, total: 0 }),
      [`GET /api/attempts/${attemptId}/review`]: () =>
        json({ statusCode: 409, code: 'ATTEMPT.REVIEW_NOT_AVAILABLE', message: 'Chưa thể xem đáp án của lượt thi này.' }, 409),
    });

    renderApp(`/attempts/${attemptId}/result`);

    expect(await screen.findByText(/Đáp án sẽ hiện khi bạn dùng hết lượt thi \(còn 0 lượt\)/)).toBeInTheDocument();
    expect(screen.getByText('Đang cập nhật…')).toBeInTheDocument();
  });
});
