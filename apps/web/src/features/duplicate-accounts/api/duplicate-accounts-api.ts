import type { DuplicateGroupResponse, DuplicateReason, Page } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export interface DuplicateFilters {
  reason?: DuplicateReason;
  limit: number;
  offset: number;
}

export const duplicateAccountsApi = {
  /** `GET /api/users/duplicates` (organizers): groups of accounts that look like the same person, biggest first. */
  list: (filters: DuplicateFilters, signal?: AbortSignal) => api.get<Page<DuplicateGroupResponse>>('/users/duplicates', { query: { ...filters }, signal }),
};
