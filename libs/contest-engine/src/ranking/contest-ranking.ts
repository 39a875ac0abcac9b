import { compareIds } from '../common/compare.js';
import { fromHundredths, toHundredths } from '../common/hundredths.js';

/** A member's best attempt in one round of the contest. */
export interface RoundBestResult {
  userId: string;
  roundId: string;
  score: number;
  durationMs: number;
}

export interface ContestStanding {
  userId: string;
  totalScore: number;
  totalDurationMs: number;
  roundsPlayed: number;
  rank: number;
}

/** A member's sums over the rounds they played. */
export interface MemberTotal {
  userId: string;
  /** Sum of the round best scores, in hundredths of a point (exact). */
  scoreHundredths: number;
  durationMs: number;
  rounds: number;
}

/**
 * The contest board: each member's best scores summed over the rounds, ties by total duration ↑,
 * then user id for a total order. Should a round appear twice for a member, the better of the two
 * (score ↓, duration ↑) counts, so a stale duplicate row cannot inflate a total.
 */
export function rankContest(results: readonly RoundBestResult[]): ContestStanding[] {
  return rankContestTotals(contestTotals(results));
}

/** Each member's sums over the rounds (one best per round). A database can sum the same rows itself. */
export function contestTotals(results: readonly RoundBestResult[]): MemberTotal[] {
  const bestPerRound = new Map<string, RoundBestResult>();
  for (const result of results) {
    const key = `${result.userId}\u0000${result.roundId}`;
    const current = bestPerRound.get(key);
    if (current === undefined || isBetter(result, current)) bestPerRound.set(key, result);
  }

  const totals = new Map<string, MemberTotal>();
  for (const result of bestPerRound.values()) {
    const total = totals.get(result.userId) ?? { userId: result.userId, scoreHundredths: 0, durationMs: 0, rounds: 0 };
    total.scoreHundredths += toHundredths(result.score);
    total.durationMs += result.durationMs;
    total.rounds += 1;
    totals.set(result.userId, total);
  }
  return [...totals.values()];
}

/** The contest board from each member's sums (see `rankContest`). */
export function rankContestTotals(totals: readonly MemberTotal[]): ContestStanding[] {
  return [...totals]
    .sort((a, b) => b.scoreHundredths - a.scoreHundredths || a.durationMs - b.durationMs || compareIds(a.userId, b.userId))
    .map((total, index) => ({
      userId: total.userId,
      totalScore: fromHundredths(total.scoreHundredths),
      totalDurationMs: total.durationMs,
      roundsPlayed: total.rounds,
      rank: index + 1,
    }));
}

function isBetter(a: RoundBestResult, b: RoundBestResult): boolean {
  return toHundredths(a.score) - toHundredths(b.score) > 0 ||
    (toHundredths(a.score) === toHundredths(b.score) && a.durationMs < b.durationMs);
}
