import { compareIds } from '../common/compare.js';
import { type RoundEntry, rankRoundEntries } from './round-ranking.js';

export interface MemberEntry extends RoundEntry {
  userId: string;
}

/**
 * How many members hold a different rank on the board after a change (a regrade) than before.
 * Members on only one of the two boards count as changed.
 */
export function countRankChanges(before: readonly MemberEntry[], after: readonly MemberEntry[], actual?: number | null): number {
  const rankBefore = new Map(rankRoundEntries(before, actual).map((entry) => [entry.userId, entry.rank]));
  let changed = 0;
  const seen = new Set<string>();
  for (const entry of rankRoundEntries(after, actual)) {
    seen.add(entry.userId);
    if (rankBefore.get(entry.userId) !== entry.rank) changed += 1;
  }
  for (const userId of [...rankBefore.keys()].sort(compareIds)) if (!seen.has(userId)) changed += 1;
  return changed;
}
