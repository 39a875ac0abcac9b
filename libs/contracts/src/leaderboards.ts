/** One line of a round board. Public: never an email or a phone number. */
export interface LeaderboardEntry {
  rank: number;
  userId: string;
  fullName: string;
  unitId: string | null;
  unitName: string | null;
  score: number;
  durationMs: number;
  prediction: number | null;
  /** |prediction − actual| once the round is closed; null before, or without a prediction. */
  predictionDiff: number | null;
  submittedAt: string;
}

export interface RoundLeaderboardResponse {
  roundId: string;
  /** True once the round is closed: ranked by the full ladder, prediction included. */
  final: boolean;
  /** True in the last `freezeMinutes` before close: the board as it stood at `frozenAt` (organizers see it live). */
  frozen: boolean;
  frozenAt: string | null;
  actualValue: number | null;
  /**
   * Once final: the SHA-256 (hex) of results.csv in the round's results bundle ("Mã kiểm chứng kết
   * quả"), anyone holding the bundle can check it; null before close and until a bundle is built.
   * Always sent by `GET /api/rounds/:id/leaderboard`; absent from boards built from stream events.
   */
  resultsSha256?: string | null;
  total: number;
  /** `prediction` is null on every line until the board is final. */
  entries: LeaderboardEntry[];
}

export interface MyRankResponse {
  rank: number | null;
  entry: LeaderboardEntry | null;
  total: number;
  /** While frozen: the member's line and the total as they stood at `frozenAt`. */
  frozen: boolean;
  frozenAt: string | null;
}

export interface CloseRoundResponse {
  id: string;
  status: 'closed';
  actualValue: number | null;
  closedAt: string;
  participants: number;
}

export interface ContestLeaderboardEntry {
  rank: number;
  userId: string;
  fullName: string;
  unitName: string | null;
  totalScore: number;
  totalDurationMs: number;
  roundsPlayed: number;
}

export interface ContestLeaderboardResponse {
  contestId: string;
  total: number;
  /** A round of the contest is in its freeze: its results count as they stood at `frozenAt` (managers see them live). */
  frozen: boolean;
  frozenAt: string | null;
  entries: ContestLeaderboardEntry[];
}

export const UnitBoardOrders = ['participants', 'rate'] as const;
export type UnitBoardOrderBy = (typeof UnitBoardOrders)[number];

export interface UnitLeaderboardEntry {
  rank: number;
  unitId: string;
  name: string;
  parentId: string | null;
  depth: number;
  participants: number;
  memberCount: number;
  participationRate: number;
  averageScore: number;
}

export interface UnitLeaderboardResponse {
  contestId: string;
  orderBy: UnitBoardOrderBy;
  total: number;
  /** As on the contest board: participation in a frozen round counts as it stood at `frozenAt`. */
  frozen: boolean;
  frozenAt: string | null;
  entries: UnitLeaderboardEntry[];
}

/** What the live stream (`…/leaderboard/stream`) sends as `data:` of each `board` event. */
export interface LeaderboardStreamEvent {
  roundId: string;
  final: boolean;
  frozen: boolean;
  frozenAt: string | null;
  total: number;
  entries: LeaderboardEntry[];
  sentAt: string;
}

/** One attempt in `GET /api/me/history`, newest first. */
export interface HistoryItem {
  contestId: string;
  contestTitle: string;
  roundId: string;
  roundTitle: string;
  attemptId: string;
  status: 'active' | 'submitted' | 'expired';
  score: number | null;
  maxScore: number | null;
  durationMs: number | null;
  submittedAt: string | null;
  /** The member's rank in the round: final once it is closed, else live (as of the freeze while frozen); null when not ranked. */
  rank: number | null;
}

export interface HistoryResponse {
  items: HistoryItem[];
  total: number;
}
