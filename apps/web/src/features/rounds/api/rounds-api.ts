import type { AttemptResponse, AttemptSummary, Page, RoundDetailResponse, StartWaitingResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const roundsApi = {
  /** Rules, window and phase; with `me` (attempts left, best) when the caller is signed in. */
  get: (roundId: string, signal?: AbortSignal) => api.get<RoundDetailResponse>(`/rounds/${roundId}`, { signal }),
  mine: (roundId: string, signal?: AbortSignal) => api.get<Page<AttemptSummary>>(`/rounds/${roundId}/attempts/mine`, { signal }),
  /**
   * 409 `ATTEMPT.ACTIVE_EXISTS` carries `attemptId`: the attempt to resume. Over the admission rate
   * the answer is 202 `{status: 'waiting', position, retryAfterMs}`: nothing started, ask again then.
   */
  start: (roundId: string, signal?: AbortSignal) =>
    api.post<AttemptResponse | StartWaitingResponse>(`/rounds/${roundId}/attempts`, undefined, { signal }),
};
