import type { HistoryResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const historyApi = {
  /** The signed-in member's attempts across contests, newest first. */
  list: (limit: number, offset: number, signal?: AbortSignal) => api.get<HistoryResponse>('/me/history', { query: { limit, offset }, signal }),
};
