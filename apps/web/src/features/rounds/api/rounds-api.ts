import type { AttemptResponse, AttemptSummary, Page, RoundDetailResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const roundsApi = {
  /** Rules, window and phase; with `me` (attempts left, best) when the caller is signed in. */
  get: (roundId: string, signal?: AbortSignal) => api.get<RoundDetailResponse>(`/rounds/${roundId}`, { signal }),
  mine: (roundId: string, signal?: AbortSignal) => api.get<Page<AttemptSummary>>(`/rounds/${roundId}/attempts/mine`, { signal }),
  /** 409 `ATTEMPT.ACTIVE_EXISTS` carries `attemptId`: the attempt to resume. */
  start: (roundId: string) => api.post<AttemptResponse>(`/rounds/${roundId}/attempts`),
};
