import { canReview } from '@hoi-thi/contest-engine';
import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useQuery } from '@tanstack/react-query';
import { attemptsApi } from '../api/attempts-api';
import { attemptQueryKey } from './use-attempt';

/**
 * The round's review rule as the server applies it (contest-engine `canReview`), so the page asks
 * for the key only when it will get it. Whether someone else can still answer (the grace after a
 * close) only the server knows: it refuses then, and the page says "not yet".
 */
export function reviewOpen(round: RoundDetailResponse, attemptFinished: boolean): boolean {
  return canReview({
    reviewAfter: round.reviewAfter,
    attemptFinished,
    roundClosed: round.phase === 'closed',
    // No `me` (the caller's state in the round is unknown): "after submit" stays shut, the server decides.
    attemptsLeft: round.me?.attemptsLeft ?? Number.POSITIVE_INFINITY,
    hasActiveAttempt: round.me?.activeAttemptId != null,
  });
}

export function useReview(attemptId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...attemptQueryKey(attemptId), 'review'],
    queryFn: ({ signal }) => attemptsApi.review(attemptId, signal),
    enabled,
    staleTime: Infinity,
  });
}
