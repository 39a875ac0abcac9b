import type { AttemptResponse } from '@hoi-thi/contracts';
import { useQuery } from '@tanstack/react-query';
import { attemptsApi } from '../api/attempts-api';
import { clockOffsetMs } from './use-countdown';

export interface TimedAttempt {
  attempt: AttemptResponse;
  /** Server clock minus device clock when the attempt arrived. */
  offsetMs: number;
}

export const attemptQueryKey = (attemptId: string) => ['attempts', attemptId] as const;

export async function fetchTimedAttempt(attemptId: string, signal?: AbortSignal): Promise<TimedAttempt> {
  const attempt = await attemptsApi.get(attemptId, signal);
  return { attempt, offsetMs: clockOffsetMs(attempt.serverTime, Date.now()) };
}

export function useAttempt(attemptId: string, enabled = true) {
  return useQuery({
    queryKey: attemptQueryKey(attemptId),
    queryFn: ({ signal }) => fetchTimedAttempt(attemptId, signal),
    enabled,
  });
}
