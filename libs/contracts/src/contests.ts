export const ContestKinds = ['quiz', 'essay'] as const;
export type ContestKind = (typeof ContestKinds)[number];

export const ContestStatuses = ['draft', 'published', 'finished'] as const;
export type ContestStatus = (typeof ContestStatuses)[number];

/** A contest as listed (GET /api/contests); `rounds` grows with the contests issue. */
export interface ContestResponse {
  id: string;
  title: string;
  description: string | null;
  kind: ContestKind;
  status: ContestStatus;
  eligibleUnitIds: string[];
  rounds: unknown[];
  createdAt: string;
}
