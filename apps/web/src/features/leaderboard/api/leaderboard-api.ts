import type { ContestLeaderboardResponse, MyRankResponse, RoundLeaderboardResponse, UnitBoardOrderBy, UnitLeaderboardResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const leaderboardApi = {
  round: (roundId: string, limit: number, signal?: AbortSignal) =>
    api.get<RoundLeaderboardResponse>(`/rounds/${roundId}/leaderboard`, { query: { limit, offset: 0 }, signal }),
  me: (roundId: string, signal?: AbortSignal) => api.get<MyRankResponse>(`/rounds/${roundId}/leaderboard/me`, { signal }),
  /** Server-sent events: `event: board`, data = LeaderboardStreamEvent. */
  streamUrl: (roundId: string) => `/api/rounds/${roundId}/leaderboard/stream`,

  /** The contest board (every round summed), a page at a time; public. */
  contest: (contestId: string, limit: number, offset: number, signal?: AbortSignal) =>
    api.get<ContestLeaderboardResponse>(`/contests/${contestId}/leaderboard`, { query: { limit, offset }, signal }),
  /** Every unit of the tree with its participation, rolled up the tree and ranked across all levels; public. */
  units: (contestId: string, orderBy: UnitBoardOrderBy, signal?: AbortSignal) =>
    api.get<UnitLeaderboardResponse>(`/contests/${contestId}/leaderboard/units`, { query: { orderBy }, signal }),
  /** Managers: every line with phone numbers (the individual prizes). */
  exportContest: (contestId: string) => api.download(`/contests/${contestId}/leaderboard/export`, 'bang-xep-hang-cuoc-thi.xlsx'),
  /** Managers: every unit with its parent (the collective prizes). */
  exportUnits: (contestId: string, orderBy: UnitBoardOrderBy) =>
    api.download(`/contests/${contestId}/leaderboard/units/export`, 'bang-xep-hang-don-vi.xlsx', { query: { orderBy } }),
};
