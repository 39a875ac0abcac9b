import type { RoundDetailResponse, RoundMemberState } from '@hoi-thi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { useAuth } from '../../auth';
import { roundsApi } from '../api/rounds-api';

export const roundQueryKey = (roundId: string) => ['rounds', roundId] as const;

/**
 * The signed-in member's state in the round. The API leaves `me` null until the member first starts
 * an attempt there; that is the same as "nothing used yet".
 */
export function memberState(round: RoundDetailResponse, signedIn: boolean): RoundMemberState | null {
  if (round.me) return round.me;
  return signedIn ? { attemptsUsed: 0, attemptsLeft: round.maxAttempts ?? 0, activeAttemptId: null, best: null } : null;
}

export function useRound(roundId: string) {
  const { status, user } = useAuth();
  return useQuery({
    // `me` depends on who asks.
    queryKey: [...roundQueryKey(roundId), user?.id ?? null],
    queryFn: ({ signal }) => roundsApi.get(roundId, signal),
    // Wait for the stored token to be checked, or the first answer has no `me`.
    enabled: status !== 'loading' && roundId !== '',
  });
}

export function useMyAttempts(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...roundQueryKey(roundId), 'mine'],
    queryFn: ({ signal }) => roundsApi.mine(roundId, signal),
    enabled,
  });
}

/** Starts an attempt, or finds the one already running; resolves with the attempt id to open. */
export function useStartAttempt(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        return (await roundsApi.start(roundId)).id;
      } catch (error) {
        const attemptId = isApiError(error) && error.code === 'ATTEMPT.ACTIVE_EXISTS' ? error.body?.attemptId : undefined;
        if (typeof attemptId === 'string') return attemptId;
        throw error;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) }),
  });
}
