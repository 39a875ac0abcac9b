import { roundPhase } from '@hoi-thi/contest-engine';
import type { ContestManagerResponse, ContestResponse, RoundResponse } from '@hoi-thi/contracts';
import type { UserEntity } from '../users/user.entity.js';
import type { ContestEntity } from './contest.entity.js';
import type { RoundEntity } from './round.entity.js';

export function toRoundResponse(round: RoundEntity, now: Date): RoundResponse {
  return {
    id: round.id,
    contestId: round.contestId,
    position: round.position,
    kind: round.kind,
    title: round.title,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    phase: roundPhase(now, round),
    closedAt: round.closedAt?.toISOString() ?? null,
    actualValue: round.actualValue,
    timeLimitSeconds: round.timeLimitSeconds,
    maxAttempts: round.maxAttempts,
    questionCount: round.blueprint ? round.blueprint.reduce((sum, line) => sum + line.count, 0) : null,
    blueprint: round.blueprint,
    shuffleQuestions: round.shuffleQuestions,
    shuffleOptions: round.shuffleOptions,
    gradingMode: round.gradingMode,
    predictionQuestion: round.predictionQuestion,
    predictionActual: round.predictionActual,
    reviewAfter: round.reviewAfter,
    freezeMinutes: round.freezeMinutes,
    prompt: round.prompt,
    rubric: round.rubric,
    judgesPerEntry: round.judgesPerEntry,
    minWords: round.minWords,
    maxWords: round.maxWords,
  };
}

export function toContestResponse(contest: ContestEntity, rounds: RoundEntity[], now: Date, managerIds: string[], canManage: boolean): ContestResponse {
  return {
    id: contest.id,
    title: contest.title,
    description: contest.description,
    kind: contest.kind,
    status: contest.status,
    eligibleUnitIds: contest.eligibleUnitIds,
    rounds: rounds.map((round) => toRoundResponse(round, now)),
    createdAt: contest.createdAt.toISOString(),
    publishedAt: contest.publishedAt?.toISOString() ?? null,
    managerIds,
    canManage,
  };
}

export function toContestManagerResponse(user: Pick<UserEntity, 'id' | 'fullName' | 'email'>): ContestManagerResponse {
  return { id: user.id, fullName: user.fullName, email: user.email };
}
