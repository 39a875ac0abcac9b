import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../common/database/sql.js';
import { managerOf, type Tx } from '../../common/database/tx.js';
import { unitExistsSql } from '../units/units.sql.js';

/** A member's counting attempt as the boards read it from PostgreSQL (the source of truth). */
export interface BestRow {
  userId: string;
  unitId: string | null;
  attemptId: string;
  score: number;
  durationMs: number;
  submittedAt: Date;
  prediction: number | null;
}

interface RawBestRow {
  user_id: string;
  unit_id: string | null;
  best_attempt_id: string;
  best_score: string;
  best_duration_ms: number;
  best_submitted_at: Date;
  best_prediction: number | null;
}

const toBestRow = (row: RawBestRow): BestRow => ({
  userId: row.user_id,
  unitId: row.unit_id,
  attemptId: row.best_attempt_id,
  score: Number(row.best_score),
  durationMs: row.best_duration_ms,
  submittedAt: row.best_submitted_at,
  prediction: row.best_prediction,
});

const COLUMNS = 'user_id, unit_id, best_attempt_id, best_score, best_duration_ms, best_submitted_at, best_prediction';

/**
 * What the leaderboards read of the attempts module's tables: best attempts per member and round,
 * all at once (a board's first load, a rebuild, close) or only those changed since a horizon.
 *
 * Horizon: the oldest transaction still running when a read began. A row changed by a transaction
 * the read could not see carries a transaction id at or above it, so reading `board_txid >= horizon`
 * next time never misses a change (and may see a few twice, which is harmless).
 */
/** A round whose public boards count only the attempts finished before `before` (the board freeze). */
export interface FrozenRound {
  roundId: string;
  before: Date;
}

/**
 * Each member's best in each round, as the aggregate boards count it: the live bests of the rounds
 * in $1 (round_participants' primary key), and for each frozen round in $2 the best among the
 * attempts finished before its cut-off in $3 (what its frozen board shows: by the (round, member) index).
 */
const BEST_ROWS = `SELECT round_id, user_id, unit_id, best_score, best_duration_ms FROM round_participants
                    WHERE round_id = ANY($1::uuid[]) AND best_attempt_id IS NOT NULL
                   UNION ALL
                   (SELECT DISTINCT ON (a.round_id, a.user_id) a.round_id, a.user_id, a.unit_id, a.score, a.duration_ms
                      FROM attempts a JOIN unnest($2::uuid[], $3::timestamptz[]) f(round_id, before) ON a.round_id = f.round_id
                     WHERE a.status IN ('submitted', 'expired') AND a.submitted_at < f.before
                     ORDER BY a.round_id, a.user_id, a.score DESC, a.duration_ms, a.submitted_at, a.id)`;

@Injectable()
export class BoardSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Tx): EntityManager {
    return managerOf(tx) ?? this.dataSource.manager;
  }

  async horizon(tx?: Tx): Promise<string> {
    const [row] = await this.m(tx).query('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
    return row.horizon;
  }

  /**
   * Each member's best attempt among those finished before `before` (the board as it stood then, for
   * the freeze), in the live ladder's order within a member. One pass over the round's attempts, by
   * the (round, member) index; the caller keeps the result for the rest of the round.
   */
  async bestBefore(roundId: string, before: Date): Promise<BestRow[]> {
    const rows: RawBestRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (user_id) user_id, unit_id, id AS best_attempt_id, score AS best_score, duration_ms AS best_duration_ms,
              submitted_at AS best_submitted_at, prediction AS best_prediction
         FROM attempts
        WHERE round_id = $1 AND status IN ('submitted', 'expired') AND submitted_at < $2
        ORDER BY user_id, score DESC, duration_ms, submitted_at, id`,
      [roundId, before],
    );
    return rows.map(toBestRow);
  }

  async all(roundId: string, tx?: Tx): Promise<BestRow[]> {
    const rows: RawBestRow[] = await this.m(tx).query(
      `SELECT ${COLUMNS} FROM round_participants WHERE round_id = $1 AND best_attempt_id IS NOT NULL`,
      [roundId],
    );
    return rows.map(toBestRow);
  }

  /**
   * The rows changed since `horizon` and the next horizon, in one statement: pg_current_snapshot()
   * is the snapshot this statement reads with, so its xmin is exactly the horizon of this read.
   */
  async catchUp(roundId: string, horizon: string): Promise<{ rows: BestRow[]; horizon: string }> {
    const rows = await preparedQuery<RawBestRow & { horizon: string }>(
      this.dataSource,
      'boards.catch-up',
      `SELECT h.horizon, p.* FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon) h
         LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM round_participants
                             WHERE round_id = $1 AND board_txid >= $2::bigint AND best_attempt_id IS NOT NULL) p ON true`,
      [roundId, horizon],
    );
    return { rows: rows.filter((row) => row.user_id !== null).map(toBestRow), horizon: rows[0].horizon };
  }

  async changedSince(roundId: string, horizon: string, tx?: Tx): Promise<BestRow[]> {
    const rows: RawBestRow[] = await this.m(tx).query(
      `SELECT ${COLUMNS} FROM round_participants WHERE round_id = $1 AND board_txid >= $2::bigint AND best_attempt_id IS NOT NULL`,
      [roundId, horizon],
    );
    return rows.map(toBestRow);
  }

  /**
   * The contest board's input, summed in PostgreSQL: per member, the best scores (in hundredths),
   * the durations and the number of rounds played (one row per member and round: the primary key).
   * The rows come sorted as the engine ranks them (score down, duration up, then the id; uuid order
   * is the order of their lower-case text). The engine still sorts, and decides: over sorted input
   * its sort is one linear pass, 20–30 ms of event loop at 200,000 members instead of 180–210 ms.
   */
  async contestTotals(roundIds: string[], frozen: FrozenRound[] = []): Promise<{ userId: string; scoreHundredths: number; durationMs: number; rounds: number }[]> {
    if (!roundIds.length && !frozen.length) return [];
    const rows: { user_id: string; h: string; d: string; r: number }[] = await this.dataSource.query(
      `SELECT user_id, sum(round(best_score * 100))::text AS h, sum(best_duration_ms)::text AS d, count(*)::int AS r
         FROM (${BEST_ROWS}) b
        GROUP BY user_id
        ORDER BY sum(round(best_score * 100)) DESC, sum(best_duration_ms), user_id`,
      [roundIds, frozen.map((f) => f.roundId), frozen.map((f) => f.before)],
    );
    return rows.map((row) => ({ userId: row.user_id, scoreHundredths: Number(row.h), durationMs: Number(row.d), rounds: row.r }));
  }

  /**
   * The unit board's input, aggregated in PostgreSQL rather than in the event loop: per unit, its
   * own members with a best attempt in any of these rounds and the sum of their best scores, in
   * hundredths. A member counts once, with their highest best score (the engine's `unitTotals` rule);
   * rows of units that no longer exist are left out first.
   */
  async unitTotals(roundIds: string[], frozen: FrozenRound[] = []): Promise<{ unitId: string; participants: number; scoreHundredths: number }[]> {
    if (!roundIds.length && !frozen.length) return [];
    const rows: { unit_id: string; participants: number; score_hundredths: string }[] = await this.dataSource.query(
      `SELECT m.unit_id, count(*)::int AS participants, sum(m.hundredths)::text AS score_hundredths
         FROM (SELECT DISTINCT ON (p.user_id) p.user_id, p.unit_id, round(p.best_score * 100) AS hundredths
                 FROM (${BEST_ROWS}) p WHERE ${unitExistsSql('p.unit_id')}
                ORDER BY p.user_id, p.best_score DESC, p.round_id) m
        GROUP BY m.unit_id`,
      [roundIds, frozen.map((f) => f.roundId), frozen.map((f) => f.before)],
    );
    return rows.map((row) => ({ unitId: row.unit_id, participants: row.participants, scoreHundredths: Number(row.score_hundredths) }));
  }

  /** The prediction question's candidate actual values at close. */
  async counts(roundId: string, tx?: Tx): Promise<{ participants: number; attempts: number }> {
    const [participants] = await this.m(tx).query(
      'SELECT count(*)::int AS n FROM round_participants WHERE round_id = $1 AND best_attempt_id IS NOT NULL',
      [roundId],
    );
    const [attempts] = await this.m(tx).query(
      `SELECT coalesce(sum(attempts_used), 0)::int - count(active_attempt_id)::int AS n FROM round_participants WHERE round_id = $1`,
      [roundId],
    );
    return { participants: participants.n, attempts: attempts.n };
  }

  /** Attempts still active in a round (close finalizes them first). */
  async activeAttemptIds(roundId: string, tx?: Tx): Promise<string[]> {
    const rows: { id: string }[] = await this.m(tx).query(
      'SELECT active_attempt_id AS id FROM round_participants WHERE round_id = $1 AND active_attempt_id IS NOT NULL',
      [roundId],
    );
    return rows.map((row) => row.id);
  }
}
