import type {
  AssignJudgesResponse,
  CloseRoundResponse,
  EssayResultsResponse,
  JudgingLockResponse,
  JudgingStatusResponse,
  OrganizerEntryResponse,
  Page,
  ParticipationResponse,
  RegradeResponse,
  RoundLeaderboardResponse,
  UserAdminResponse,
} from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** One line of `GET /api/rounds/:id/regrades` (the audit trail). */
export interface RegradeLogEntry {
  id: string;
  roundId: string;
  performedBy: string;
  performedAt: string;
  questions: RegradeResponse['questions'];
  changed: RegradeResponse['changed'];
  rankChanges: number;
}

export const roundOpsApi = {
  participation: (roundId: string, bucket: 'hour' | 'day', signal?: AbortSignal) =>
    api.get<ParticipationResponse>(`/rounds/${roundId}/participation`, { query: { bucket }, signal }),
  /** The board's names for the regrade diff (the diff itself only carries user ids). */
  board: (roundId: string, signal?: AbortSignal) =>
    api.get<RoundLeaderboardResponse>(`/rounds/${roundId}/leaderboard`, { query: { limit: 200, offset: 0 }, signal }),
  /** 409 `ROUND.STILL_OPEN` before closesAt + grace; `actualValue` only for a `manual` prediction. */
  close: (roundId: string, actualValue?: number) =>
    api.post<CloseRoundResponse>(`/rounds/${roundId}/close`, actualValue === undefined ? {} : { actualValue }),
  regrade: (roundId: string, dryRun: boolean) => api.post<RegradeResponse>(`/rounds/${roundId}/regrade`, { dryRun }),
  regrades: (roundId: string, signal?: AbortSignal) => api.get<{ items: RegradeLogEntry[] }>(`/rounds/${roundId}/regrades`, { signal }),
  exportBoard: (roundId: string) => api.download(`/rounds/${roundId}/leaderboard/export`, 'bang-xep-hang.xlsx', { query: { format: 'xlsx' } }),

  // essay rounds
  entries: (roundId: string, offset: number, signal?: AbortSignal) =>
    api.get<Page<OrganizerEntryResponse>>(`/rounds/${roundId}/entries`, { query: { limit: 50, offset }, signal }),
  judging: (roundId: string, signal?: AbortSignal) => api.get<JudgingStatusResponse>(`/rounds/${roundId}/judging`, { signal }),
  assign: (roundId: string, judgeIds: string[]) => api.post<AssignJudgesResponse>(`/rounds/${roundId}/assignments`, { judgeIds }),
  lock: (roundId: string) => api.post<JudgingLockResponse>(`/rounds/${roundId}/judging/lock`),
  results: (roundId: string, signal?: AbortSignal) => api.get<EssayResultsResponse>(`/rounds/${roundId}/essay-results`, { signal }),
  publishResults: (roundId: string) => api.post<{ roundId: string; publishedAt: string; normalize: boolean }>(`/rounds/${roundId}/essay-results/publish`, {}),
  exportResults: (roundId: string) => api.download(`/rounds/${roundId}/essay-results/export`, 'ket-qua-bai-du-thi.xlsx'),
  /** Accounts with the judge role (`GET /api/users/judges`, organizers and admins). */
  judges: (search: string, signal?: AbortSignal) => api.get<Page<UserAdminResponse>>('/users/judges', { query: { search, limit: 200, offset: 0 }, signal }),
};
