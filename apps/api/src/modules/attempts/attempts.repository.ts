import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { EntityRowMapper, preparedQuery, preparedQueryIn } from '../../common/database/sql.js';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { AttemptEntity, type PaperItem } from './attempt.entity.js';
import { type BestAttempt, setBest } from './participants.repository.js';
import { RoundParticipantEntity } from './round-participant.entity.js';
import { roundNotClosedSql, startableRoundSql } from '../contests/contests.sql.js';
import { BANK_REVISION_SQL } from '../question-bank/question-bank.sql.js';
import { unitAndAncestorsCte } from '../units/units.sql.js';

export type NewAttempt = Omit<AttemptEntity, 'id' | 'round' | 'user' | 'submittedAt' | 'score' | 'maxScore' | 'correctCount' | 'durationMs' | 'prediction'>;

export interface AttemptOutcome {
  status: 'submitted' | 'expired';
  submittedAt: Date;
  score: number;
  maxScore: number;
  correctCount: number;
  durationMs: number;
  prediction: number | null;
}

/** The entity of an attempt just inserted: active, nothing graded yet. */
function startedAttempt(attempt: Omit<NewAttempt, 'number' | 'status'>, id: string, number: number): AttemptEntity {
  return Object.assign(new AttemptEntity(), attempt, {
    id,
    number,
    status: 'active' as const,
    submittedAt: null,
    score: null,
    maxScore: null,
    correctCount: null,
    durationMs: null,
    prediction: null,
  });
}

// Built once: the statements are the same on every submit.
const SET_BEST_FROM_11 = setBest(11);

/**
 * The attempts (the attempts table): start, the locks of finalizing, finish, the prediction, and
 * the reads of attempts. The hot paths are fixed SQL run as named statements: one for a start in the
 * common case, and the submit's lock and finish on the transaction's connection. A start and a
 * finish also write the member's participant row in the same statement (one round trip).
 */
@Injectable()
export class AttemptsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  private m(tx?: Tx): EntityManager {
    return managerOf(tx) ?? this.dataSource.manager;
  }

  private statements: ReturnType<AttemptsRepository['buildStatements']> | null = null;

  /** The hot paths' locking reads, built once from the entities' metadata (no query builder per call). */
  private sql() {
    return (this.statements ??= this.buildStatements());
  }

  private buildStatements() {
    const participant = new EntityRowMapper<RoundParticipantEntity>(this.dataSource.getMetadata(RoundParticipantEntity), 'p', 'p_');
    // Grading never reads answer_specs (only the save does): one jsonb fewer to parse per submit.
    const grading = new EntityRowMapper<AttemptEntity>(this.dataSource.getMetadata(AttemptEntity), 'a', 'a_', ['answer_specs']);
    return {
      participant,
      grading,
      lockAttempt: `SELECT ${grading.select} FROM attempts a WHERE a.id = $1 FOR UPDATE`,
      // Participant first, then the attempt, as every path locks them: FOR UPDATE OF locks in the order named.
      lockForGrading: `SELECT ${participant.select}, ${grading.select}
                         FROM round_participants p JOIN attempts a ON a.round_id = p.round_id AND a.user_id = p.user_id
                        WHERE a.id = $1
                          FOR UPDATE OF p, a`,
    };
  }

  /** A member's attempts, newest first, and how many there are (IDX_attempts_user_started). */
  async history(userId: string, limit: number, offset: number): Promise<{ rows: AttemptEntity[]; total: number }> {
    const [rows, total] = await this.m()
      .getRepository(AttemptEntity)
      .findAndCount({
        // Not the paper or the answer specs: a history page needs none of them.
        select: { id: true, roundId: true, status: true, score: true, maxScore: true, durationMs: true, submittedAt: true, startedAt: true },
        where: { userId },
        order: { startedAt: 'DESC', id: 'ASC' },
        take: limit,
        skip: offset,
      });
    return { rows, total };
  }

  findAttempt(id: string, tx?: Tx, lock = false): Promise<AttemptEntity | null> {
    const qb = this.m(tx).getRepository(AttemptEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * The attempt row locked for finalizing, without `answer_specs` (only the save reads it): the
   * submit path parses one jsonb (the paper) instead of two.
   */
  async lockAttemptForGrading(id: string, tx: Tx): Promise<AttemptEntity | null> {
    const { grading, lockAttempt } = this.sql();
    const [row] = await managerOf(tx).query(lockAttempt, [id]);
    return row ? Object.assign(grading.map(row), { answerSpecs: {} }) : null;
  }

  /**
   * Submit and expiry in one statement: the participant row that owns the attempt, then the attempt,
   * both locked in that order (participant first, as start and regrade lock them: FOR UPDATE OF
   * locks the relations in the order named). Null when the attempt does not exist.
   */
  async lockForGrading(tx: Tx, attemptId: string): Promise<{ participant: RoundParticipantEntity; attempt: AttemptEntity } | null> {
    const { participant, grading, lockForGrading } = this.sql();
    const [row] = await preparedQueryIn<Record<string, unknown>>(this.dataSource, managerOf(tx), 'attempts.lock-for-grading', lockForGrading, [attemptId]);
    if (!row) return null;
    return { participant: participant.map(row), attempt: Object.assign(grading.map(row), { answerSpecs: {} }) };
  }

  attemptsOf(roundId: string, userId: string, tx?: Tx): Promise<AttemptEntity[]> {
    return this.m(tx).getRepository(AttemptEntity).find({ where: { roundId, userId }, order: { number: 'ASC' } });
  }

  /**
   * Whether any attempt of the round can still take an answer (active, deadline + grace not passed):
   * `cutoff` is now − grace. Served by the partial unique index on active attempts per (round, member).
   */
  async anyAcceptingAnswers(roundId: string, cutoff: Date): Promise<boolean> {
    const [row]: { playing: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM attempts WHERE round_id = $1 AND status = 'active' AND deadline >= $2) AS playing`,
      [roundId, cutoff],
    );
    return row.playing;
  }

  /** Active attempts whose grace ran out before `cutoff`, oldest first (the sweeper; partial index). */
  async expiredActiveIds(cutoff: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM attempts WHERE status = 'active' AND deadline < $1 ORDER BY deadline LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Inserts the attempt and marks it as the participant's active one, counting it, in one round trip
   * (a data-modifying CTE; TypeORM's save would re-read and deep-merge the 20-question paper).
   */
  async insertStartedAttempt(attempt: NewAttempt, tx: Tx): Promise<AttemptEntity | null> {
    const [row] = await managerOf(tx).query(
      `WITH inserted AS (
         INSERT INTO attempts (round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline, pool_snapshot_id)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
          WHERE ${roundNotClosedSql('$1', this.clock.sqlNow('$9'))}
         RETURNING id),
       marked AS (
         UPDATE round_participants SET attempts_used = attempts_used + 1, active_attempt_id = (SELECT id FROM inserted)
          WHERE round_id = $1 AND user_id = $2)
       SELECT id FROM inserted`,
      [
        attempt.roundId,
        attempt.userId,
        attempt.unitId,
        attempt.number,
        attempt.status,
        attempt.seed,
        JSON.stringify(attempt.paper),
        JSON.stringify(attempt.answerSpecs),
        attempt.startedAt,
        attempt.deadline,
        attempt.poolSnapshotId,
      ],
    );
    return row ? startedAttempt(attempt, row.id as string, attempt.number) : null;
  }

  /**
   * A start in one statement, for the common case. It inserts nothing unless, as the statement
   * sees them: the round is open at `now` (not closed, inside its window) in a published contest,
   * the question bank is still at `bankRevision` (the paper was drawn from that revision's pool),
   * the member's unit (`attempt.unitId`) is one of the contest's eligible units or below one (a
   * walk up the unit tree by primary key; no walk when the contest is open to everyone), and the
   * member does not manage the contest (contests' `contest_managers`, by primary key).
   * Then the member's participant row is created (first attempt) or locked and updated only when no
   * attempt is active and one is left, and the attempt is inserted from that row: the checks and the
   * write are atomic under the row lock (a concurrent start waits for it, then finds the row changed
   * and does nothing). Null when anything refused; the caller then takes the locked path, which reads
   * everything afresh and says why. `attempt.id` is chosen by the caller: the participant row points at it.
   */
  async startIfFree(
    attempt: Omit<NewAttempt, 'number' | 'status'> & { id: string },
    maxAttempts: number,
    bankRevision: string,
  ): Promise<AttemptEntity | null> {
    const rows = await preparedQuery<{ number: number }>(
      this.dataSource,
      'attempts.start',
      `WITH RECURSIVE ${unitAndAncestorsCte('member_units', '$4')},
       open_round AS (
         ${startableRoundSql({ roundId: '$2', userId: '$3', opensBy: '$8', at: this.clock.sqlNow('$8'), memberUnits: 'member_units', also: [`${BANK_REVISION_SQL} = $11::bigint`] })}),
       participant AS (
         INSERT INTO round_participants AS p (round_id, user_id, unit_id, attempts_used, active_attempt_id)
         SELECT $2, $3, $4, 1, $1 FROM open_round
         ON CONFLICT (round_id, user_id) DO UPDATE SET attempts_used = p.attempts_used + 1, active_attempt_id = EXCLUDED.active_attempt_id
          WHERE p.active_attempt_id IS NULL AND p.attempts_used < $10
         RETURNING p.attempts_used)
       INSERT INTO attempts (id, round_id, user_id, unit_id, number, status, seed, paper, answer_specs, started_at, deadline, pool_snapshot_id)
       SELECT $1, $2, $3, $4, participant.attempts_used, 'active', $5, $6, $7, $8, $9, $12 FROM participant
       RETURNING number`,
      [
        attempt.id,
        attempt.roundId,
        attempt.userId,
        attempt.unitId,
        attempt.seed,
        JSON.stringify(attempt.paper),
        JSON.stringify(attempt.answerSpecs),
        attempt.startedAt,
        attempt.deadline,
        maxAttempts,
        bankRevision,
        attempt.poolSnapshotId,
      ],
    );
    return rows.length ? startedAttempt(attempt, attempt.id, rows[0].number) : null;
  }

  /**
   * Finishes the attempt and sets the participant's best in one round trip (a data-modifying CTE).
   * `answer_specs` (what each save may accept) is emptied: only saves read it, and a finished attempt
   * takes none, so a finished attempt keeps its paper (review, regrade, re-derivation) and not a copy.
   */
  async finishWithBest(
    tx: Tx,
    attemptId: string,
    outcome: AttemptOutcome,
    participant: { roundId: string; userId: string },
    best: BestAttempt,
    clearActive: boolean,
  ): Promise<void> {
    await preparedQueryIn(
      this.dataSource,
      managerOf(tx),
      'attempts.finish-with-best',
      `WITH finished AS (
         UPDATE attempts SET status = $2, submitted_at = $3, score = $4, max_score = $5, correct_count = $6, duration_ms = $7, prediction = $8,
                             answer_specs = '{}'::jsonb
          WHERE id = $1)
       UPDATE round_participants
          SET ${SET_BEST_FROM_11}
        WHERE round_id = $9 AND user_id = $10`,
      [
        attemptId,
        outcome.status,
        outcome.submittedAt,
        outcome.score,
        outcome.maxScore,
        outcome.correctCount,
        outcome.durationMs,
        outcome.prediction,
        participant.roundId,
        participant.userId,
        best.bestAttemptId,
        best.bestScore,
        best.bestDurationMs,
        best.bestSubmittedAt,
        best.bestPrediction,
        clearActive,
      ],
    );
  }

  /** The prediction, guarded like an answer. */
  async savePrediction(attemptId: string, userId: string, prediction: number, now: Date, graceMs: number): Promise<boolean> {
    const rows = await preparedQuery<{ id: string }>(
      this.dataSource,
      'attempts.save-prediction',
      `WITH updated AS (
         UPDATE attempts SET prediction = $3
          WHERE id = $1 AND user_id = $2 AND status = 'active' AND $4::timestamptz <= deadline + $5 * interval '1 millisecond'
         RETURNING id)
       SELECT id FROM updated`,
      [attemptId, userId, prediction, now, graceMs],
    );
    return rows.length > 0;
  }

  /** Attempts started and finished per time bucket (the organizers' participation chart). */
  async participationTimeline(roundId: string, bucket: 'hour' | 'day'): Promise<{ at: Date; started: number; finished: number }[]> {
    const timeline: { at: Date; started: number; finished: number }[] = await this.dataSource.query(
      `SELECT at, sum(started)::int AS started, sum(finished)::int AS finished FROM (
         SELECT date_trunc($2, started_at) AS at, 1 AS started, 0 AS finished FROM attempts WHERE round_id = $1
         UNION ALL
         SELECT date_trunc($2, submitted_at), 0, 1 FROM attempts WHERE round_id = $1 AND status <> 'active'
       ) events GROUP BY at ORDER BY at`,
      [roundId, bucket],
    );
    return timeline;
  }

  /** The round's finished attempts (submitted or expired) in submission order: ids only (IDX_attempts_round_user). */
  async finishedAttemptIds(roundId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM attempts WHERE round_id = $1 AND status IN ('submitted', 'expired') ORDER BY submitted_at, id`,
      [roundId],
    );
    return rows.map((row) => row.id);
  }

  /** Every attempt of the round, by member and number: ids only (IDX_attempts_round_user). */
  async attemptIdsOfRound(roundId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM attempts WHERE round_id = $1 ORDER BY user_id, number, id', [roundId]);
    return rows.map((row) => row.id);
  }

  /** These attempts whole, each with its answers and when they were saved, in the order of `attemptIds` (primary keys of both tables). */
  async attemptRecords(attemptIds: string[]): Promise<(AttemptEntity & { answers: { questionId: string; optionIds: string[]; savedAt: string }[] })[]> {
    if (!attemptIds.length) return [];
    const mapper = new EntityRowMapper<AttemptEntity>(this.dataSource.getMetadata(AttemptEntity), 'a', 'a_', ['answer_specs']);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${mapper.select},
              coalesce((SELECT jsonb_agg(jsonb_build_object('questionId', aa.question_id, 'optionIds', aa.option_ids, 'savedAt', aa.saved_at) ORDER BY aa.question_id)
                          FROM attempt_answers aa WHERE aa.attempt_id = a.id), '[]'::jsonb) AS answers
         FROM unnest($1::uuid[]) WITH ORDINALITY AS wanted(id, position) JOIN attempts a ON a.id = wanted.id
        ORDER BY wanted.position`,
      [attemptIds],
    );
    return rows.map((row) => Object.assign(mapper.map(row), { answers: row.answers as { questionId: string; optionIds: string[]; savedAt: string }[] }));
  }

  /** Papers and answers (questionId → option ids) of these attempts, in one query (primary keys of both tables). */
  async papersWithAnswers(attemptIds: string[]): Promise<Map<string, { submittedAt: Date; paper: PaperItem[]; answers: Record<string, string[]> }>> {
    if (!attemptIds.length) return new Map();
    const rows: { id: string; submitted_at: Date; paper: PaperItem[]; answers: Record<string, string[]> }[] = await this.dataSource.query(
      `SELECT a.id, a.submitted_at, a.paper,
              coalesce((SELECT jsonb_object_agg(aa.question_id, aa.option_ids) FROM attempt_answers aa WHERE aa.attempt_id = a.id), '{}'::jsonb) AS answers
         FROM attempts a WHERE a.id = ANY($1::uuid[])`,
      [attemptIds],
    );
    return new Map(rows.map((row) => [row.id, { submittedAt: row.submitted_at, paper: row.paper, answers: row.answers }]));
  }
}
