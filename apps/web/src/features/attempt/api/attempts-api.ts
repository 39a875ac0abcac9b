import type {
  AttemptResponse,
  AttemptReviewResponse,
  SaveAnswerResponse,
  SavePredictionResponse,
  SubmitResponse,
} from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const attemptsApi = {
  get: (attemptId: string, signal?: AbortSignal) => api.get<AttemptResponse>(`/attempts/${attemptId}`, { signal }),
  saveAnswer: (attemptId: string, questionId: string, optionIds: string[]) =>
    api.put<SaveAnswerResponse>(`/attempts/${attemptId}/answers/${questionId}`, { optionIds }),
  savePrediction: (attemptId: string, prediction: number) =>
    api.put<SavePredictionResponse>(`/attempts/${attemptId}/prediction`, { prediction }),
  submit: (attemptId: string, prediction?: number) =>
    api.post<SubmitResponse>(`/attempts/${attemptId}/submit`, prediction === undefined ? {} : { prediction }),
  /** 409 `ATTEMPT.REVIEW_NOT_AVAILABLE` until the round's review rule allows it. */
  review: (attemptId: string, signal?: AbortSignal) => api.get<AttemptReviewResponse>(`/attempts/${attemptId}/review`, { signal }),
};
