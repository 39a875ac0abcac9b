import type { MyRankResponse, RoundLeaderboardResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const leaderboardApi = {
  round: (roundId: string, limit: number, signal?: AbortSignal) =>
    api.get<RoundLeaderboardResponse>(`/rounds/${roundId}/leaderboard`, { query: { limit, offset: 0 }, signal }),
  me: (roundId: string, signal?: AbortSignal) => api.get<MyRankResponse>(`/rounds/${roundId}/leaderboard/me`, { signal }),
  /** Server-sent events: `event: board`, data = LeaderboardStreamEvent. */
  streamUrl: (roundId: string) => `/api/rounds/${roundId}/leaderboard/stream`,
};
