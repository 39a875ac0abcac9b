import { compareIds } from '../common/compare.js';
import { toHundredths } from '../common/hundredths.js';

/** A finished attempt as the best-attempt rule sees it. */
export interface FinishedAttempt {
  attemptId: string;
  score: number;
  durationMs: number;
  submittedAt: Date;
}

/**
 * Negative when `a` is the better attempt: highest score, then shortest duration, then earliest
 * submission, then attempt id so that two replicas always pick the same one.
 */
export function compareAttempts(a: FinishedAttempt, b: FinishedAttempt): number {
  return (
    toHundredths(b.score) - toHundredths(a.score) ||
    a.durationMs - b.durationMs ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    compareIds(a.attemptId, b.attemptId)
  );
}

/** The attempt that counts for the member; undefined when there is none. */
export function pickBest<T extends FinishedAttempt>(attempts: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const attempt of attempts) {
    if (best === undefined || compareAttempts(attempt, best) < 0) best = attempt;
  }
  return best;
}
