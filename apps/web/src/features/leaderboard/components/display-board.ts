import { type ErrorBody, type LeaderboardStreamEvent, type RoundLeaderboardResponse } from '@hoi-thi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, ClientErrorCodes } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { leaderboardApi } from '../api/leaderboard-api';

export const displayLimit = 20;

/** `connecting` before the first event, `live` while the stream is open, `reconnecting` after it dropped. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveBoard extends RoundLeaderboardResponse {
  /** When the server sent this board (stream events), or null for a plain fetch. */
  sentAt: string | null;
}

/** EventSource gives up for good on an HTTP error (not 200): then try again on our own. */
const reopenAfterMs = 5_000;

/**
 * The round's board as the public sees it, sent WITHOUT the signed-in token: a contest manager sees
 * the board live through the freeze, and the display is often opened on a manager's laptop wired to
 * the projector. The stream is public too, so fetch and stream always agree.
 */
export async function fetchPublicBoard(roundId: string, limit: number, signal?: AbortSignal): Promise<RoundLeaderboardResponse> {
  let response: Response;
  try {
    response = await fetch(`/api/rounds/${roundId}/leaderboard?limit=${String(limit)}&offset=0`, {
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, ClientErrorCodes.NETWORK, '');
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok && typeof body === 'object' && body !== null) return body as RoundLeaderboardResponse;
  const error = body as Partial<ErrorBody> | undefined;
  if (typeof error?.code === 'string' && typeof error.message === 'string') throw new ApiError(response.status, error.code, error.message);
  throw new ApiError(response.status, ClientErrorCodes.BAD_RESPONSE, '');
}

function isStreamEvent(value: unknown): value is LeaderboardStreamEvent {
  return typeof value === 'object' && value !== null && Array.isArray((value as LeaderboardStreamEvent).entries);
}

/**
 * A round's top 20 as the public sees it, kept live from the server-sent event stream. The browser
 * reconnects a dropped stream by itself; meanwhile the page says "reconnecting", and once back it
 * fetches the board again so nothing that happened in between is missed.
 */
export function useDisplayBoard(roundId: string) {
  const queryClient = useQueryClient();
  const board = useQuery({
    queryKey: ['leaderboard', roundId, 'public', displayLimit],
    queryFn: async ({ signal }): Promise<LiveBoard> => ({ ...(await fetchPublicBoard(roundId, displayLimit, signal)), sentAt: null }),
    // The stream keeps it fresh; without EventSource, poll.
    staleTime: Infinity,
    refetchInterval: typeof EventSource === 'undefined' ? 10_000 : false,
  });
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const key = ['leaderboard', roundId, 'public', displayLimit];
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;

    const open = () => {
      source = new EventSource(leaderboardApi.streamUrl(roundId));
      source.addEventListener('open', () => {
        setStatus('live');
        if (dropped) {
          dropped = false;
          void queryClient.refetchQueries({ queryKey: key, exact: true });
        }
      });
      source.addEventListener('board', (event) => {
        let data: unknown;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        if (!isStreamEvent(data)) return;
        queryClient.setQueryData<LiveBoard>(key, (old) => ({
          roundId,
          final: data.final,
          frozen: data.frozen,
          frozenAt: data.frozenAt,
          actualValue: old?.actualValue ?? null,
          resultsSha256: old?.resultsSha256 ?? null,
          total: data.total,
          entries: data.entries,
          sentAt: data.sentAt,
        }));
        setStatus('live');
      });
      source.addEventListener('error', () => {
        dropped = true;
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopenTimer = setTimeout(open, reopenAfterMs);
        }
      });
    };
    open();

    return () => {
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [roundId, queryClient]);

  return { board, status };
}

/** The final board's top `limit` for the reveal (public: the same lines the audience may see). */
export function useRevealBoard(roundId: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ['leaderboard', roundId, 'reveal', limit],
    queryFn: ({ signal }) => fetchPublicBoard(roundId, limit, signal),
    enabled,
    staleTime: Infinity,
  });
}
