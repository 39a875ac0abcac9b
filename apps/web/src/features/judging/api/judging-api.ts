import type { ConflictResponse, JudgeAssignmentResponse, ScoreAssignmentRequest } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** The judges' side: blind, by entry code; nothing here names an author. */
export const judgingApi = {
  list: (signal?: AbortSignal) => api.get<JudgeAssignmentResponse[]>('/judging/assignments', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<JudgeAssignmentResponse>(`/judging/assignments/${id}`, { signal }),
  score: (id: string, body: ScoreAssignmentRequest) => api.put<JudgeAssignmentResponse>(`/judging/assignments/${id}`, body),
  /** The entry moves to another judge. */
  conflict: (id: string) => api.post<ConflictResponse>(`/judging/assignments/${id}/conflict`),
  /** The attachment with the author's metadata removed, named by the entry code. */
  attachment: (id: string, code: string) => api.download(`/judging/assignments/${id}/attachment`, code),
};
