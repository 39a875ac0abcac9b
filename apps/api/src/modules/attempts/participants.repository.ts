import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MemberUnitsCount, RoundUnitCount } from '@hoi-thi/contest-engine';
import { EntityRowMapper } from '../../common/database/sql.js';
import { managerOf, type Tx } from '../../common/database/tx.js';
import { RoundParticipantEntity } from './round-participant.entity.js';

export interface BestAttempt {
  bestAttemptId: string | null;
  bestScore: number | null;
  bestDurationMs: number | null;
  bestSubmittedAt: Date | null;
  bestPrediction: number | null;
}

/**
 * The SET clause that writes a participant's best attempt, with its parameters from `$first`:
 * best attempt id, score, duration, submitted at, prediction, then "clear the active attempt".
 * It stamps `board_txid` only when what a board shows changed: the leaderboard replicas read
 * changes by that stamp, so both writers (finalize: `AttemptsRepository.finishWithBest`; regrade:
 * `updateParticipant`) must use this one rule, which lives here with the table.
 */
export function setBest(first: number): string {
  const [id, score, duration, submitted, prediction, clearActive] = [0, 1, 2, 3, 4, 5].map((i) => `$${first + i}`);
  return `best_attempt_id = ${id}, best_score = ${score}, best_duration_ms = ${duration}, best_submitted_at = ${submitted},
              best_prediction = ${prediction},
              board_txid = CASE WHEN best_attempt_id IS DISTINCT FROM ${id} OR best_score IS DISTINCT FROM ${score}::numeric
                                  OR best_prediction IS DISTINCT FROM ${prediction}::int
                                THEN pg_current_xact_id()::text::bigint ELSE board_txid END,
              active_attempt_id = CASE WHEN ${clearActive}::boolean THEN NULL ELSE active_attempt_id END`;
}

// Built once: the statement is the same for every member a regrade rewrites.
const SET_BEST_FROM_3 = setBest(3);

/**
 * A member's row for a round (round_participants): the lock every change to their attempts there
 * takes first, the attempts used, the active attempt and the best one, which the boards read.
 */
@Injectable()
export class ParticipantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(tx?: Tx): EntityManager {
    return managerOf(tx) ?? this.dataSource.manager;
  }

  private statements: ReturnType<ParticipantsRepository['buildStatements']> | null = null;

  /** The locked path's read of the row, built once from the entity's metadata (no query builder per call). */
  private sql() {
    return (this.statements ??= this.buildStatements());
  }

  private buildStatements() {
    const participant = new EntityRowMapper<RoundParticipantEntity>(this.dataSource.getMetadata(RoundParticipantEntity), 'p', 'p_');
    return {
      participant,
      lockParticipant: `SELECT ${participant.select} FROM round_participants p WHERE p.round_id = $1 AND p.user_id = $2 FOR UPDATE`,
    };
  }

  /**
   * The member's row for the round, created when missing and locked: every change to a member's
   * attempts in a round happens under this lock (start, submit, expiry, regrade). One statement when
   * the row exists (every start after the member's first), plain SQL rather than a query builder.
   */
  async lockParticipant(tx: Tx, roundId: string, userId: string, unitId: string | null): Promise<RoundParticipantEntity> {
    const manager = managerOf(tx);
    const { participant, lockParticipant } = this.sql();
    let [row] = await manager.query(lockParticipant, [roundId, userId]);
    if (!row) {
      await manager.query(
        `INSERT INTO round_participants (round_id, user_id, unit_id) VALUES ($1, $2, $3) ON CONFLICT (round_id, user_id) DO NOTHING`,
        [roundId, userId, unitId],
      );
      [row] = await manager.query(lockParticipant, [roundId, userId]);
    }
    return participant.map(row);
  }

  async anyParticipant(roundId: string, tx?: Tx): Promise<boolean> {
    const [row] = await this.m(tx).query('SELECT EXISTS (SELECT 1 FROM round_participants WHERE round_id = $1) AS any', [roundId]);
    return row.any === true;
  }

  /** Those of `userIds` who started an attempt in any of the rounds (round_participants' primary key). */
  async participantsAmong(roundIds: string[], userIds: string[], tx?: Tx): Promise<string[]> {
    if (!roundIds.length || !userIds.length) return [];
    const rows: { user_id: string }[] = await this.m(tx).query(
      'SELECT DISTINCT user_id FROM round_participants WHERE round_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])',
      [roundIds, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  findParticipant(roundId: string, userId: string, tx?: Tx): Promise<RoundParticipantEntity | null> {
    return this.m(tx).getRepository(RoundParticipantEntity).findOneBy({ roundId, userId });
  }

  /** Participants of a round that hold a best attempt (regrade's rank comparison). */
  rankedParticipants(roundId: string, tx: Tx): Promise<RoundParticipantEntity[]> {
    return managerOf(tx)
      .getRepository(RoundParticipantEntity)
      .createQueryBuilder('p')
      .where('p.round_id = :roundId AND p.best_attempt_id IS NOT NULL', { roundId })
      .getMany();
  }

  lockParticipants(tx: Tx, roundId: string, userIds: string[]): Promise<RoundParticipantEntity[]> {
    return managerOf(tx)
      .getRepository(RoundParticipantEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.round_id = :roundId AND p.user_id IN (:...userIds)', { roundId, userIds })
      .orderBy('p.user_id')
      .getMany();
  }

  /** Clears the active attempt and sets the best one (unchanged fields passed as they are). */
  async updateParticipant(tx: Tx, roundId: string, userId: string, best: BestAttempt, clearActive: boolean): Promise<void> {
    await managerOf(tx).query(
      `UPDATE round_participants
          SET ${SET_BEST_FROM_3}
        WHERE round_id = $1 AND user_id = $2`,
      [roundId, userId, best.bestAttemptId, best.bestScore, best.bestDurationMs, best.bestSubmittedAt, best.bestPrediction, clearActive],
    );
  }

  /** The totals of the organizers' participation chart: members with a finished attempt, attempts finished and active. */
  async participationTotals(roundId: string): Promise<{ participants: number; finished: number; active: number }> {
    const [totals] = await this.dataSource.query(
      `SELECT count(best_attempt_id)::int AS participants,
              (coalesce(sum(attempts_used), 0) - count(active_attempt_id))::int AS finished,
              count(active_attempt_id)::int AS active
         FROM round_participants WHERE round_id = $1`,
      [roundId],
    );
    return totals;
  }

  /**
   * The participation dashboard's counts (see PARTICIPATION_SQL), in one statement: per round and
   * unit, and per set of units members took part from. `unitIds` are the units to count in; rows of
   * members in other units (deleted since, or outside the contest's units) are left out.
   */
  async participationCounts(roundIds: string[], unitIds: string[]): Promise<{ perRound: RoundUnitCount[]; members: MemberUnitsCount[] }> {
    const perRound: RoundUnitCount[] = [];
    const members: MemberUnitsCount[] = [];
    if (!roundIds.length || !unitIds.length) return { perRound, members };
    const rows: { round_id: string | null; unit_id: string | null; unit_ids: string[] | null; n: number }[] = await this.dataSource.transaction(async (manager) => {
      // For this statement only: the per-member grouping holds an entry per member in memory (a
      // million (round, member) rows fit without spilling to disk), and compiling it with JIT costs
      // more (~0.4 s) than it saves.
      await manager.query(`SET LOCAL work_mem = '${PARTICIPATION_WORK_MEM}'`);
      await manager.query('SET LOCAL jit = off');
      return manager.query(PARTICIPATION_SQL, [roundIds, unitIds]);
    });
    for (const row of rows) {
      if (row.round_id !== null) perRound.push({ roundId: row.round_id, unitId: row.unit_id!, participants: row.n });
      else members.push({ unitIds: row.unit_ids ?? [row.unit_id!], members: row.n });
    }
    return { perRound, members };
  }
}

const PARTICIPATION_WORK_MEM = '64MB';

/**
 * The participation dashboard's counts over round_participants (one row per member and round: its
 * primary key), the contest's rows found by index on round_id, grouped two ways:
 * - per round and unit: the members who finished an attempt there (a member counts once per round);
 * - per member over all the rounds: the lowest and highest hash of the units they took part from
 *   (int8 min/max: cheap in a hash aggregate, where uuids have no min/max and text is slow).
 * Then per member: equal hashes (nearly everyone: one unit) are counted per unit, the unit found
 * from its hash among $2. A member whose hashes differ (moved between rounds), or whose hash two
 * units of $2 share (never seen, but then the hash cannot tell), has their exact set of units read
 * again by primary key (round, member) and is counted per set. The hash only speeds things up: every
 * count is exact. (Two scans beat one scan with GROUPING SETS here: two small hash aggregates are
 * cheaper than one that updates both tables for every row.)
 * Rows out (round_id, unit_id, unit_ids, n): per round and unit (round_id, unit_id), members of one
 * unit (unit_id) and members of several units (unit_ids: an array only there, where it is needed):
 * a few rows per unit and round, never one per member. Units outside $2 are not counted.
 */
export const PARTICIPATION_SQL = `
  WITH counted AS (SELECT id, uuid_hash_extended(id, 0) AS h FROM unnest($2::uuid[]) AS id),
  shared AS (SELECT h FROM counted GROUP BY h HAVING count(*) > 1),
  per_round AS (
    SELECT round_id, unit_id, count(*)::int AS n FROM round_participants
     WHERE round_id = ANY($1::uuid[]) AND best_attempt_id IS NOT NULL AND unit_id = ANY($2::uuid[])
     GROUP BY round_id, unit_id),
  per_member AS (
    SELECT user_id, min(h) AS lo, max(h) AS hi
      FROM (SELECT user_id, uuid_hash_extended(unit_id, 0) AS h FROM round_participants
             WHERE round_id = ANY($1::uuid[]) AND best_attempt_id IS NOT NULL AND unit_id = ANY($2::uuid[])) p
     GROUP BY user_id),
  -- One row per unit for the members who took part from one unit only (h), one per member for the few others (user_id).
  members AS MATERIALIZED (
    SELECT CASE WHEN lo = hi AND lo NOT IN (SELECT h FROM shared) THEN lo END AS h,
           CASE WHEN lo <> hi OR lo IN (SELECT h FROM shared) THEN user_id END AS user_id,
           count(*)::int AS n
      FROM per_member GROUP BY 1, 2)
  SELECT round_id, unit_id, NULL::uuid[] AS unit_ids, n FROM per_round
  UNION ALL
  SELECT NULL, counted.id, NULL, members.n FROM members JOIN counted USING (h)
  UNION ALL
  -- Each of the few others: their exact units, by primary key.
  SELECT NULL, NULL, m.unit_ids, count(*)::int
    FROM members CROSS JOIN LATERAL (
           SELECT array_agg(DISTINCT q.unit_id ORDER BY q.unit_id) AS unit_ids FROM round_participants q
            WHERE q.round_id = ANY($1::uuid[]) AND q.user_id = members.user_id AND q.best_attempt_id IS NOT NULL AND q.unit_id = ANY($2::uuid[])) m
   WHERE members.user_id IS NOT NULL
   GROUP BY m.unit_ids`;
