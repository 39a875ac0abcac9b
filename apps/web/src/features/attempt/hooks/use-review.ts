import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useQuery } from '@tanstack/react-query';
import { attemptsApi } from '../api/attempts-api';
import { attemptQueryKey } from './use-attempt';

/**
 * The round's review rule as the server applies it (contest-engine `canReview`), so the page asks
 * for the key only when it will get it: "after submit" waits until the member has no attempt left
 * and none running; "after close" until the round is closed; "never" keeps it for the organizers.
 */
export function reviewOpen(round: RoundDetailResponse, attemptFinished: boolean): boolean {
  if (!attemptFinished || round.reviewAfter === 'never') return false;
  if (round.phase === 'closed') return true;
  return round.reviewAfter === 'submit' && round.me !== null && round.me.attemptsLeft === 0 && round.me.activeAttemptId === null;
}

export function useReview(attemptId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...attemptQueryKey(attemptId), 'review'],
    queryFn: ({ signal }) => attemptsApi.review(attemptId, signal),
    enabled,
    staleTime: Infinity,
  });
}
