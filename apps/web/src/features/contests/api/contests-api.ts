import type { ContestResponse, Page } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export interface PageRequest {
  limit: number;
  offset: number;
}

export const contestsApi = {
  /** Members get the published contests; organizers also see their drafts. */
  list: ({ limit, offset }: PageRequest, signal?: AbortSignal) =>
    api.get<Page<ContestResponse>>('/contests', { query: { limit, offset }, signal }),
  /** One contest with its rounds; `canManage` says whether the caller may manage it. */
  get: (id: string, signal?: AbortSignal) => api.get<ContestResponse>(`/contests/${id}`, { signal }),
};
