import type { UnitLeaderboardEntry } from '@hoi-thi/contracts';

export interface UnitLevel {
  depth: number;
  count: number;
  /** The first unit of the level (in board order), to tell the levels apart by a name people know. */
  example: string;
}

/** The levels of the tree present on a board (federation, province, grassroots…), top first. */
export function unitLevels(entries: readonly UnitLeaderboardEntry[]): UnitLevel[] {
  const levels = new Map<number, UnitLevel>();
  for (const entry of entries) {
    const level = levels.get(entry.depth);
    if (level) level.count += 1;
    else levels.set(entry.depth, { depth: entry.depth, count: 1, example: entry.name });
  }
  return [...levels.values()].sort((a, b) => a.depth - b.depth);
}

/**
 * The board of one level, ranked within it. The server ranks every unit of the tree in one list, so a
 * federation (which counts all its members) would always come first; collective prizes compare units
 * of one level. The server's order (the ladder, then the name) is kept; only the ranks are renumbered.
 */
export function rankWithinLevel(entries: readonly UnitLeaderboardEntry[], depth: number): UnitLeaderboardEntry[] {
  return entries.filter((entry) => entry.depth === depth).map((entry, index) => ({ ...entry, rank: index + 1 }));
}
