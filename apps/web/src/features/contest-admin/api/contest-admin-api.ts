import type {
  ContestManagerResponse,
  ContestResponse,
  ContestStatus,
  CreateContestRequest,
  CreateQuizRoundRequest,
  Difficulty,
  Page,
  RoundPreviewResponse,
  RoundResponse,
  RubricCriterionDto,
  UserAdminResponse,
} from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** `POST /api/contests/:id/rounds` for an essay contest (API.md "Contests and rounds"). */
export interface CreateEssayRoundRequest {
  title: string;
  opensAt: string;
  closesAt: string;
  /** The prompt (đề bài); null on an edit removes it. */
  prompt?: string | null;
  rubric: RubricCriterionDto[];
  judgesPerEntry: number;
  minWords?: number;
  maxWords?: number;
}

export type CreateRoundRequest = CreateQuizRoundRequest | CreateEssayRoundRequest;

/** `PATCH /api/rounds/:id`: before it opens any field of creation; once open only `title` and a later `closesAt`. */
export type UpdateRoundRequest = Partial<CreateQuizRoundRequest> | Partial<CreateEssayRoundRequest>;

/**
 * The body of 409 `CONTEST.BLUEPRINT_UNSATISFIABLE` (publish, or a round added to a published
 * contest): the first short line, 0-based, and every short line of that round.
 */
export interface BlueprintShortfallBody {
  roundId?: string;
  lineIndex: number;
  topicId: string;
  difficulty: Difficulty | null;
  needed: number;
  available: number;
  shortfalls?: { lineIndex: number; topicId: string; difficulty: Difficulty | null; needed: number; available: number }[];
}

export const contestAdminApi = {
  /** Organizers see every status; `status` narrows it. */
  list: (params: { limit: number; offset: number; status?: ContestStatus }, signal?: AbortSignal) =>
    api.get<Page<ContestResponse>>('/contests', { query: { ...params }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<ContestResponse>(`/contests/${id}`, { signal }),
  create: (body: CreateContestRequest) => api.post<ContestResponse>('/contests', body),
  update: (id: string, body: Partial<CreateContestRequest>) => api.patch<ContestResponse>(`/contests/${id}`, body),
  addRound: (id: string, body: CreateRoundRequest) => api.post<RoundResponse>(`/contests/${id}/rounds`, body),
  /** 400 VALIDATION (`lockedOnceOpen`, `closesOnlyLater`) once open; 409 `ROUND.LOCKED` once closed. */
  updateRound: (roundId: string, body: UpdateRoundRequest) => api.patch<RoundResponse>(`/rounds/${roundId}`, body),
  /** 204 before it opens with nothing recorded; else 409 `ROUND.LOCKED`. */
  deleteRound: (roundId: string) => api.delete<undefined>(`/rounds/${roundId}`),
  /** 409 `CONTEST.BLUEPRINT_UNSATISFIABLE` names the short line; 409 `CONTEST.NO_ROUNDS`. */
  publish: (id: string) => api.post<ContestResponse>(`/contests/${id}/publish`),
  finish: (id: string) => api.post<ContestResponse>(`/contests/${id}/finish`),
  managers: (id: string, signal?: AbortSignal) => api.get<ContestManagerResponse[]>(`/contests/${id}/managers`, { signal }),
  /** 400 `CONTEST.MANAGER_NOT_ORGANIZER`, 409 `CONTEST.MANAGER_IS_CONTESTANT`, 403 `CONTEST.NOT_MANAGER`. */
  setManagers: (id: string, userIds: string[]) => api.put<ContestManagerResponse[]>(`/contests/${id}/managers`, { userIds }),
  /** The accounts that can be made managers. */
  organizers: (search: string, signal?: AbortSignal) =>
    api.get<Page<UserAdminResponse>>('/users/organizers', { query: { search, limit: 20, offset: 0 }, signal }),
  /** A paper drawn as a start would draw it, with its key; nothing is recorded. */
  preview: (roundId: string) => api.post<RoundPreviewResponse>(`/rounds/${roundId}/preview`),
};
