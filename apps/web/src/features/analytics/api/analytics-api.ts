import type { ContestParticipationResponse, ContestResponse, ItemAnalysisResponse, Page } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** API.md "Analytics and verifiable results (managers)". */
export const analyticsApi = {
  /** Every unit × every quiz round of the contest, rolled up the unit tree. */
  participation: (contestId: string, signal?: AbortSignal) => api.get<ContestParticipationResponse>(`/contests/${contestId}/participation`, { signal }),
  exportParticipation: (contestId: string) =>
    api.download(`/contests/${contestId}/participation`, 'tham-gia-theo-don-vi.xlsx', { query: { format: 'xlsx' } }),
  itemAnalysis: (roundId: string, signal?: AbortSignal) => api.get<ItemAnalysisResponse>(`/rounds/${roundId}/item-analysis`, { signal }),
  /** The contest's title and rounds for the dashboard's heading. */
  contest: (contestId: string, signal?: AbortSignal) => api.get<ContestResponse>(`/contests/${contestId}`, { signal }),
  /** Contests for the analytics index (organizers see every status). */
  contests: (signal?: AbortSignal) => api.get<Page<ContestResponse>>('/contests', { query: { limit: 100, offset: 0 }, signal }),
};
