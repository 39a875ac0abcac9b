import type { BestRow } from '../attempts/board-source.js';

export type RankedRow = BestRow & { rank: number };

export interface BoardPage {
  total: number;
  entries: RankedRow[];
}

/**
 * Where the live board of a round is served from (before close; the final board is a table).
 * Two adapters pass one contract suite: PostgreSQL (default: an in-memory replica per process,
 * caught up from PostgreSQL on each read) and Redis sorted sets (REDIS_URL). PostgreSQL stays the
 * source of truth: either can be rebuilt from it at any time.
 */
export abstract class LeaderboardStore {
  abstract readonly kind: 'postgres' | 'redis';

  /** A member's best attempt changed in PostgreSQL (after commit). */
  abstract record(roundId: string, row: BestRow): Promise<void>;

  /** Entries `offset` … in live ladder order, with the number of members on the board. */
  abstract page(roundId: string, offset: number, limit: number): Promise<BoardPage>;

  /** The member's entry and rank (null when they are not on the board) and the board's size. */
  abstract find(roundId: string, userId: string): Promise<{ row: RankedRow | null; total: number }>;

  /** Forgets what the store holds for the round and reloads it from PostgreSQL. Returns the entry count. */
  abstract rebuild(roundId: string): Promise<number>;
}
