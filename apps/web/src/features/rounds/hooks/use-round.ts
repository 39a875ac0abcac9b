import { attemptsLeft } from '@hoi-thi/contest-engine';
import { isStartWaiting, type RoundDetailResponse, type RoundMemberState } from '@hoi-thi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
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
  return signedIn ? { attemptsUsed: 0, attemptsLeft: attemptsLeft(round.maxAttempts ?? 0, 0), activeAttemptId: null, best: null } : null;
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

/** The member's place while admission control holds the start back (202), and when the next ask goes out. */
export interface StartQueuePlace {
  position: number;
  retryAt: number;
}

/** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * Starts an attempt, or finds the one already running; resolves with the attempt id to open, or with
 * null when the member left the queue. Over the admission rate the server answers 202 with a place in
 * the queue: `waiting` holds it and the start is asked again after `retryAfterMs` (the same place is
 * kept), until the attempt exists: the member's clock starts only then.
 */
export function useStartAttempt(roundId: string) {
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState<StartQueuePlace | null>(null);
  const leave = useRef<AbortController | null>(null);
  useEffect(() => () => leave.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: async (): Promise<string | null> => {
      const controller = new AbortController();
      leave.current = controller;
      try {
        for (;;) {
          const answer = await roundsApi.start(roundId, controller.signal);
          if (!isStartWaiting(answer)) return answer.id;
          setWaiting({ position: answer.position, retryAt: Date.now() + answer.retryAfterMs });
          await pause(answer.retryAfterMs, controller.signal);
        }
      } catch (error) {
        if (controller.signal.aborted) return null;
        const attemptId = isApiError(error) && error.code === 'ATTEMPT.ACTIVE_EXISTS' ? error.body?.attemptId : undefined;
        if (typeof attemptId === 'string') return attemptId;
        throw error;
      } finally {
        if (leave.current === controller) leave.current = null;
        setWaiting(null);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) }),
  });
  return { ...mutation, waiting, leaveQueue: () => leave.current?.abort() };
}
