import type { LeaderboardStreamEvent, RoundLeaderboardResponse } from '@hoi-thi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

function isStreamEvent(value: unknown): value is LeaderboardStreamEvent {
  return typeof value === 'object' && value !== null && Array.isArray((value as LeaderboardStreamEvent).entries);
}

/**
 * A round's top 20, kept live from the server-sent event stream. The browser reconnects a dropped
 * stream by itself; meanwhile the page says "reconnecting", and once back it fetches the board again
 * so nothing that happened in between is missed.
 */
export function useLiveBoard(roundId: string) {
  const queryClient = useQueryClient();
  const queryKey = ['leaderboard', roundId, 'top', displayLimit];
  const board = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<LiveBoard> => ({ ...(await leaderboardApi.round(roundId, displayLimit, signal)), sentAt: null }),
    // The stream keeps it fresh; without EventSource, poll.
    staleTime: Infinity,
    refetchInterval: typeof EventSource === 'undefined' ? 10_000 : false,
  });
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const key = ['leaderboard', roundId, 'top', displayLimit];
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
