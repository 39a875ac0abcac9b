import type {
  AttemptResponse,
  AttemptReviewResponse,
  AttemptSummary,
  RoundDetailResponse,
  RoundPreviewResponse,
  SubmitResponse,
} from '@hoi-thi/contracts';
import { attemptsLeft, gradeQuestion } from '@hoi-thi/contest-engine';
import { toRoundResponse } from '../contests/contest.mapper.js';
import type { AttemptEntity } from './attempt.entity.js';
import { type AttemptView, keyOf, keyVersionOf, type PreviewView, type ReviewView, type RoundState } from './attempts.service.js';

/**
 * What a member sees of an attempt. The options carry only id and text, in the attempt's order:
 * nothing here reads `correct` or `explanation`, so no key leaves while the attempt can be taken.
 */
export function toAttemptResponse(view: AttemptView, now: Date): AttemptResponse {
  const { attempt, round, versions, answers } = view;
  const response: AttemptResponse = {
    id: attempt.id,
    roundId: attempt.roundId,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    serverTime: now.toISOString(),
    questions: attempt.paper.map((item) => {
      const version = versions.get(item.versionId)!;
      const text = new Map(version.options.map((o) => [o.id, o.text]));
      return {
        id: item.questionId,
        type: version.type,
        text: version.text,
        points: item.points,
        options: item.optionOrder.map((id) => ({ id, text: text.get(id) ?? '' })),
      };
    }),
    predictionQuestion: round.predictionQuestion,
    prediction: attempt.prediction,
    attemptsLeft: view.attemptsLeft,
    answers: Object.fromEntries([...answers].map(([questionId, optionIds]) => [questionId, { optionIds }])),
  };
  return attempt.status === 'active' ? response : { ...response, ...resultOf(attempt) };
}

function resultOf(attempt: AttemptEntity) {
  return {
    score: attempt.score!,
    maxScore: attempt.maxScore!,
    correctCount: attempt.correctCount!,
    durationMs: attempt.durationMs!,
    submittedAt: attempt.submittedAt!.toISOString(),
  };
}

export function toSubmitResponse(attempt: AttemptEntity): SubmitResponse {
  return { id: attempt.id, status: attempt.status, prediction: attempt.prediction, ...resultOf(attempt) };
}

export function toAttemptSummary(attempt: AttemptEntity, bestAttemptId: string | null): AttemptSummary {
  return {
    id: attempt.id,
    roundId: attempt.roundId,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: attempt.score,
    maxScore: attempt.maxScore,
    correctCount: attempt.correctCount,
    durationMs: attempt.durationMs,
    prediction: attempt.prediction,
    best: attempt.id === bestAttemptId,
  };
}

/** After the review rule allows it: the key and the explanation, from the version that graded the answer. */
export function toReviewResponse(view: ReviewView): AttemptReviewResponse {
  const { attempt, versions, keyVersions, answers } = view;
  return {
    id: attempt.id,
    roundId: attempt.roundId,
    status: attempt.status,
    score: attempt.score!,
    maxScore: attempt.maxScore!,
    questions: attempt.paper.map((item) => {
      const shown = versions.get(item.versionId)!;
      const graded = keyVersions.get(keyVersionOf(item))!;
      const key = new Set(keyOf(graded));
      const chosen = answers.get(item.questionId) ?? [];
      const grade = gradeQuestion({ questionId: item.questionId, type: graded.type, key: [...key], points: item.points, chosen }, view.round.gradingMode);
      const text = new Map([...shown.options, ...graded.options].map((o) => [o.id, o.text]));
      return {
        id: item.questionId,
        type: shown.type,
        text: shown.text,
        points: item.points,
        options: item.optionOrder.map((id) => ({ id, text: text.get(id) ?? '', correct: key.has(id) })),
        chosenOptionIds: chosen,
        correct: grade.correct,
        awarded: grade.awarded,
        explanation: graded.explanation,
      };
    }),
  };
}

export function toPreviewResponse(view: PreviewView): RoundPreviewResponse {
  const questions = view.paper.map((item) => {
    const version = view.versions.get(item.versionId)!;
    const key = new Set(keyOf(version));
    const text = new Map(version.options.map((o) => [o.id, o.text]));
    return {
      id: item.questionId,
      versionId: item.versionId,
      type: version.type,
      text: version.text,
      points: item.points,
      options: item.optionOrder.map((id) => ({ id, text: text.get(id) ?? '', correct: key.has(id) })),
      explanation: version.explanation,
    };
  });
  return { roundId: view.roundId, seed: view.seed, maxScore: questions.reduce((sum, q) => sum + q.points, 0), questions };
}

export function toRoundDetail(state: RoundState, now: Date): RoundDetailResponse {
  const { round, contest, participant, signedIn } = state;
  return {
    ...toRoundResponse(round, now),
    contestTitle: contest.title,
    contestStatus: contest.status,
    me: participant
      ? {
          attemptsUsed: participant.attemptsUsed,
          attemptsLeft: attemptsLeft(round.maxAttempts ?? 0, participant.attemptsUsed),
          activeAttemptId: participant.activeAttemptId,
          best: participant.bestAttemptId
            ? {
                attemptId: participant.bestAttemptId,
                score: participant.bestScore!,
                durationMs: participant.bestDurationMs!,
                submittedAt: participant.bestSubmittedAt!.toISOString(),
              }
            : null,
        }
      : signedIn
        ? { attemptsUsed: 0, attemptsLeft: round.maxAttempts ?? 0, activeAttemptId: null, best: null }
        : null,
  };
}
