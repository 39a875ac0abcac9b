import type { ContestResponse } from '@hoi-thi/contracts';
import type { ContestEntity } from './contest.entity.js';

export function toContestResponse(contest: ContestEntity): ContestResponse {
  return {
    id: contest.id,
    title: contest.title,
    description: contest.description,
    kind: contest.kind,
    status: contest.status,
    eligibleUnitIds: contest.eligibleUnitIds,
    rounds: [],
    createdAt: contest.createdAt.toISOString(),
  };
}
