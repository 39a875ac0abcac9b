import { compareIds } from '../common/compare.js';
import { toHundredths } from '../common/hundredths.js';

/** A member's counting attempt on a round board. */
export interface RoundEntry {
  attemptId: string;
  score: number;
  durationMs: number;
  submittedAt: Date;
  /** The member's answer to the prediction question; null when they gave none. */
  prediction?: number | null;
}

export type RankedRoundEntry<T extends RoundEntry> = T & {
  /** 1-based position: the ladder is a total order, so no two entries share a rank. */
  rank: number;
  predictionDiff: number | null;
};

/** |prediction − actual|; null while either is unknown. */
export function predictionDiff(prediction: number | null | undefined, actual: number | null | undefined): number | null {
  if (prediction === null || prediction === undefined || actual === null || actual === undefined) return null;
  return Math.abs(prediction - actual);
}

/**
 * The ranking ladder of a round, negative when `a` ranks higher: score ↓, |prediction − actual| ↑
 * (no prediction ranks after every prediction), duration ↑, submitted at ↑, attempt id ↑.
 * Without `actual` (the round is still open) the prediction step is skipped: the live board.
 */
export function compareRoundEntries(a: RoundEntry, b: RoundEntry, actual?: number | null): number {
  return (
    toHundredths(b.score) - toHundredths(a.score) ||
    comparePredictions(a, b, actual) ||
    a.durationMs - b.durationMs ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    compareIds(a.attemptId, b.attemptId)
  );
}

function comparePredictions(a: RoundEntry, b: RoundEntry, actual: number | null | undefined): number {
  if (actual === null || actual === undefined) return 0;
  const diffA = predictionDiff(a.prediction, actual);
  const diffB = predictionDiff(b.prediction, actual);
  if (diffA === null || diffB === null) return (diffA === null ? 1 : 0) - (diffB === null ? 1 : 0);
  return diffA - diffB;
}

/** Sorts a copy of the entries by the ladder and numbers them from 1. */
export function rankRoundEntries<T extends RoundEntry>(
  entries: readonly T[],
  actual?: number | null,
): RankedRoundEntry<T>[] {
  return [...entries]
    .sort((a, b) => compareRoundEntries(a, b, actual))
    .map((entry, index) => ({ ...entry, rank: index + 1, predictionDiff: predictionDiff(entry.prediction, actual) }));
}
