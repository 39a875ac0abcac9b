import { describe, expect, it } from '@jest/globals';
import { compareAttempts, type FinishedAttempt, pickBest } from './best-attempt.js';

const attempt = (attemptId: string, score: number, durationMs: number, submittedAt = '2026-03-02T08:10:00Z'): FinishedAttempt => ({
  attemptId,
  score,
  durationMs,
  submittedAt: new Date(submittedAt),
});

describe("the member's best attempt is the one that counts", () => {
  it('the highest score wins, however slow', () => {
    expect(pickBest([attempt('a', 8, 60_000), attempt('b', 9, 590_000)])?.attemptId).toBe('b');
  });

  it('equal scores: the shorter duration wins', () => {
    expect(pickBest([attempt('a', 9, 300_000), attempt('b', 9, 200_000)])?.attemptId).toBe('b');
  });

  it('equal score and duration: the earlier submission wins', () => {
    expect(
      pickBest([attempt('a', 9, 200_000, '2026-03-03T10:00:00Z'), attempt('b', 9, 200_000, '2026-03-02T10:00:00Z')])
        ?.attemptId,
    ).toBe('b');
  });

  it('identical in everything: the smaller attempt id wins, so every server picks the same', () => {
    expect(pickBest([attempt('b', 9, 200_000), attempt('a', 9, 200_000)])?.attemptId).toBe('a');
  });

  it('scores equal to the hundredth are equal, float noise aside', () => {
    expect(compareAttempts(attempt('a', 0.1 + 0.2, 100), attempt('b', 0.3, 200))).toBeLessThan(0);
  });

  it('no finished attempt: nothing counts', () => {
    expect(pickBest([])).toBeUndefined();
  });

  it('the result does not depend on the order attempts are listed', () => {
    const attempts = [attempt('c', 7, 1), attempt('a', 9, 5), attempt('b', 9, 4), attempt('d', 9, 4, '2026-03-01T00:00:00Z')];
    expect(pickBest(attempts)?.attemptId).toBe('d');
    expect(pickBest([...attempts].reverse())?.attemptId).toBe('d');
  });
});
