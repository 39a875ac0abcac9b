import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MemberUnitsCount, RoundUnitCount } from '@hoi-thi/contest-engine';
import { WriteBatcher } from '../../common/batching/write-batcher.js';
import { Clock } from '../../common/clock.js';
import { EntityRowMapper, preparedQuery, preparedQueryIn } from '../../common/database/sql.js';
import { AttemptEntity, type PaperItem } from './attempt.entity.js';
import { RegradeLogEntity } from './regrade-log.entity.js';
import { RoundParticipantEntity } from './round-participant.entity.js';
import { roundNotClosedSql, startableRoundSql } from '../contests/contests.sql.js';
import { BANK_REVISION_SQL } from '../question-bank/question-bank.sql.js';
import { unitAndAncestorsCte } from '../units/units.sql.js';

export interface SavedAnswer {
  savedAt: Date;
  revision: number;
}

/** A batched save whose attempt was locked by another transaction: it is written alone instead. */
const BUSY = Symbol('busy');

/** One answer to write: `options` is the JSON array of option ids. */
interface AnswerSave {
  attemptId: string;
  userId: string;
  questionId: string;
  options: string;
  now: Date;
  /** The same for every save (configuration): the batch sends the first one's. */
  graceMs: number;
}

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
 * changes by that stamp, so both writers (finalize, regrade) must use this one rule.
 */
function setBest(first: number): string {
  const [id, score, duration, submitted, prediction, clearActive] = [0, 1, 2, 3, 4, 5].map((i) => `$${first + i}`);
  return `best_attempt_id = ${id}, best_score = ${score}, best_duration_ms = ${duration}, best_submitted_at = ${submitted},
              best_prediction = ${prediction},
              board_txid = CASE WHEN best_attempt_id IS DISTINCT FROM ${id} OR best_score IS DISTINCT FROM ${score}::numeric
                                  OR best_prediction IS DISTINCT FROM ${prediction}::int
                                THEN pg_current_xact_id()::text::bigint ELSE board_txid END,
              active_attempt_id = CASE WHEN ${clearActive}::boolean THEN NULL ELSE active_attempt_id END`;
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
const SET_BEST_FROM_3 = setBest(3);
const SET_BEST_FROM_11 = setBest(11);

/**
 * The only file of the attempts module that talks to TypeORM. The hot paths are fixed SQL run as
 * named statements: one guarded statement per save, one for a start in the common case, and the
 * submit's lock, answers and finish on the transaction's connection.
 */
@Injectable()
export class AttemptsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
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
      lockParticipant: `SELECT ${participant.select} FROM round_participants p WHERE p.round_id = $1 AND p.user_id = $2 FOR UPDATE`,
      lockAttempt: `SELECT ${grading.select} FROM attempts a WHERE a.id = $1 FOR UPDATE`,
      // Participant first, then the attempt, as every path locks them: FOR UPDATE OF locks in the order named.
      lockForGrading: `SELECT ${participant.select}, ${grading.select}
                         FROM round_participants p JOIN attempts a ON a.round_id = p.round_id AND a.user_id = p.user_id
                        WHERE a.id = $1
                          FOR UPDATE OF p, a`,
    };
  }

  /**
   * The member's row for the round, created when missing and locked: every change to a member's
   * attempts in a round happens under this lock (start, submit, expiry, regrade). One statement when
   * the row exists (every start after the member's first), plain SQL rather than a query builder.
   */
  async lockParticipant(manager: EntityManager, roundId: string, userId: string, unitId: string | null): Promise<RoundParticipantEntity> {
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

  async anyParticipant(roundId: string, manager?: EntityManager): Promise<boolean> {
    const [row] = await this.m(manager).query('SELECT EXISTS (SELECT 1 FROM round_participants WHERE round_id = $1) AS any', [roundId]);
    return row.any === true;
  }

  /** Those of `userIds` who started an attempt in any of the rounds (round_participants' primary key). */
  async participantsAmong(roundIds: string[], userIds: string[], manager?: EntityManager): Promise<string[]> {
    if (!roundIds.length || !userIds.length) return [];
    const rows: { user_id: string }[] = await this.m(manager).query(
      'SELECT DISTINCT user_id FROM round_participants WHERE round_id = ANY($1::uuid[]) AND user_id = ANY($2::uuid[])',
      [roundIds, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  findParticipant(roundId: string, userId: string, manager?: EntityManager): Promise<RoundParticipantEntity | null> {
    return this.m(manager).getRepository(RoundParticipantEntity).findOneBy({ roundId, userId });
  }

  /** Participants of a round that hold a best attempt (regrade's rank comparison). */
  rankedParticipants(roundId: string, manager: EntityManager): Promise<RoundParticipantEntity[]> {
    return manager
      .getRepository(RoundParticipantEntity)
      .createQueryBuilder('p')
      .where('p.round_id = :roundId AND p.best_attempt_id IS NOT NULL', { roundId })
      .getMany();
  }

  lockParticipants(manager: EntityManager, roundId: string, userIds: string[]): Promise<RoundParticipantEntity[]> {
    return manager
      .getRepository(RoundParticipantEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.round_id = :roundId AND p.user_id IN (:...userIds)', { roundId, userIds })
      .orderBy('p.user_id')
      .getMany();
  }

  findAttempt(id: string, manager?: EntityManager, lock = false): Promise<AttemptEntity | null> {
    const qb = this.m(manager).getRepository(AttemptEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * The attempt row locked for finalizing, without `answer_specs` (only the save reads it): the
   * submit path parses one jsonb (the paper) instead of two.
   */
  async lockAttemptForGrading(id: string, manager: EntityManager): Promise<AttemptEntity | null> {
    const { grading, lockAttempt } = this.sql();
    const [row] = await manager.query(lockAttempt, [id]);
    return row ? Object.assign(grading.map(row), { answerSpecs: {} }) : null;
  }

  /**
   * Submit and expiry in one statement: the participant row that owns the attempt, then the attempt,
   * both locked in that order (participant first, as start and regrade lock them: FOR UPDATE OF
   * locks the relations in the order named). Null when the attempt does not exist.
   */
  async lockForGrading(manager: EntityManager, attemptId: string): Promise<{ participant: RoundParticipantEntity; attempt: AttemptEntity } | null> {
    const { participant, grading, lockForGrading } = this.sql();
    const [row] = await preparedQueryIn<Record<string, unknown>>(this.dataSource, manager, 'attempts.lock-for-grading', lockForGrading, [attemptId]);
    if (!row) return null;
    return { participant: participant.map(row), attempt: Object.assign(grading.map(row), { answerSpecs: {} }) };
  }

  attemptsOf(roundId: string, userId: string, manager?: EntityManager): Promise<AttemptEntity[]> {
    return this.m(manager).getRepository(AttemptEntity).find({ where: { roundId, userId }, order: { number: 'ASC' } });
  }

  /** Active attempts whose grace ran out before `cutoff`, oldest first (the sweeper; partial index). */
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
  async insertStartedAttempt(attempt: NewAttempt, manager: EntityManager): Promise<AttemptEntity | null> {
    const [row] = await manager.query(
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
    manager: EntityManager,
    attemptId: string,
    outcome: AttemptOutcome,
    participant: { roundId: string; userId: string },
    best: BestAttempt,
    clearActive: boolean,
  ): Promise<void> {
    await preparedQueryIn(
      this.dataSource,
      manager,
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

  async updateGrades(manager: EntityManager, attempt: Pick<AttemptEntity, 'id' | 'paper' | 'score' | 'maxScore' | 'correctCount'>): Promise<void> {
    await manager.query('UPDATE attempts SET paper = $2, score = $3, max_score = $4, correct_count = $5 WHERE id = $1', [
      attempt.id,
      JSON.stringify(attempt.paper),
      attempt.score,
      attempt.maxScore,
      attempt.correctCount,
    ]);
  }

  /** Clears the active attempt and sets the best one (unchanged fields passed as they are). */
  async updateParticipant(manager: EntityManager, roundId: string, userId: string, best: BestAttempt, clearActive: boolean): Promise<void> {
    await manager.query(
      `UPDATE round_participants
          SET ${SET_BEST_FROM_3}
        WHERE round_id = $1 AND user_id = $2`,
      [roundId, userId, best.bestAttemptId, best.bestScore, best.bestDurationMs, best.bestSubmittedAt, best.bestPrediction, clearActive],
    );
  }

  /**
   * The save: owner, status, deadline + grace, the question on the paper, the options of that
   * question and how many may be chosen are all checked in SQL, with the attempt row share-locked
   * so a concurrent submit either sees this answer or makes the save a no-op. Returns null when any
   * guard failed (the caller then finds out which, off the hot path).
   *
   * Saves that arrive while one batch is being written go out together in the next statement (see
   * `WriteBatcher`): during a rush a few dozen saves cost one round trip and one commit, each with
   * its own time, guards and result. A batch never waits for a row lock (SKIP LOCKED): a save whose
   * attempt another transaction holds (a submit, a regrade) is written alone afterwards, waiting for
   * that lock like a single save always did, so one held attempt never stalls everyone's saves.
   */
  async saveAnswer(attemptId: string, userId: string, questionId: string, optionIds: string[], now: Date, graceMs: number): Promise<SavedAnswer | null> {
    const save: AnswerSave = { attemptId, userId, questionId, options: JSON.stringify(optionIds), now, graceMs };
    const saved = await this.answerWriter.submit(save);
    return saved === BUSY ? this.writeAnswer(save) : saved;
  }

  private readonly answerWriter = new WriteBatcher<AnswerSave, SavedAnswer | null | typeof BUSY>(
    (saves) => this.writeAnswers(saves),
    (save) => `${save.attemptId}:${save.questionId}`,
  );

  /**
   * One statement for a batch of saves (at most one per attempt and question): a result per save, in
   * order, and BUSY for a save whose attempt was locked by another transaction (skipped, not written).
   * The attempts are locked in id order and the answers written in (attempt, question) order, so
   * batches of several API processes wait for each other without deadlocking.
   */
  private async writeAnswers(saves: AnswerSave[]): Promise<(SavedAnswer | null | typeof BUSY)[]> {
    const rows = await preparedQuery<{ attempt_id: string; question_id: string | null; revision: number | null }>(
      this.dataSource,
      'attempts.save-answers',
      `WITH s AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::timestamptz[]) AS s(attempt_id, user_id, question_id, option_ids, saved_at)
       ), a AS (
         SELECT id, user_id, status, deadline, answer_specs FROM attempts
          WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE SKIP LOCKED
       ), saved AS (
         INSERT INTO attempt_answers AS aa (attempt_id, question_id, option_ids, saved_at)
         SELECT a.id, s.question_id, s.option_ids, s.saved_at
           FROM s JOIN a ON a.id = s.attempt_id
          WHERE a.user_id = s.user_id AND a.status = 'active'
            AND s.saved_at <= a.deadline + $6 * interval '1 millisecond'
            AND (a.answer_specs -> s.question_id::text -> 'o') @> s.option_ids
            AND jsonb_array_length(s.option_ids) <= (a.answer_specs -> s.question_id::text ->> 'm')::int
          ORDER BY a.id, s.question_id
         ON CONFLICT (attempt_id, question_id)
         DO UPDATE SET option_ids = EXCLUDED.option_ids, saved_at = EXCLUDED.saved_at, revision = aa.revision + 1
         RETURNING attempt_id, question_id, revision
       )
       SELECT attempt_id, question_id, revision FROM saved
       UNION ALL
       SELECT id, NULL, NULL FROM a`,
      [
        saves.map((s) => s.attemptId),
        saves.map((s) => s.userId),
        saves.map((s) => s.questionId),
        saves.map((s) => s.options),
        saves.map((s) => s.now),
        saves[0].graceMs,
      ],
    );
    const revisions = new Map<string, number>();
    const locked = new Set<string>();
    for (const row of rows) {
      if (row.question_id === null) locked.add(row.attempt_id);
      else revisions.set(`${row.attempt_id}:${row.question_id}`, row.revision!);
    }
    // saved_at is the save's own time as written: not read back (one timestamp fewer to parse per save).
    return saves.map((save) => {
      const revision = revisions.get(`${save.attemptId}:${save.questionId}`);
      if (revision !== undefined) return { savedAt: save.now, revision };
      return locked.has(save.attemptId) ? null : BUSY;
    });
  }

  /** One save in its own statement, waiting for the attempt's lock if another transaction holds it. */
  private async writeAnswer(save: AnswerSave): Promise<SavedAnswer | null> {
    const rows = await preparedQuery<{ revision: number }>(
      this.dataSource,
      'attempts.save-answer',
      `INSERT INTO attempt_answers AS aa (attempt_id, question_id, option_ids, saved_at)
       SELECT a.id, $3::uuid, $4::jsonb, $5::timestamptz
         FROM attempts a
        WHERE a.id = $1 AND a.user_id = $2 AND a.status = 'active'
          AND $5::timestamptz <= a.deadline + $6 * interval '1 millisecond'
          AND (a.answer_specs -> $7::text -> 'o') @> $4::jsonb
          AND jsonb_array_length($4::jsonb) <= (a.answer_specs -> $7::text ->> 'm')::int
          FOR KEY SHARE OF a
       ON CONFLICT (attempt_id, question_id)
       DO UPDATE SET option_ids = EXCLUDED.option_ids, saved_at = EXCLUDED.saved_at, revision = aa.revision + 1
       RETURNING revision`,
      [save.attemptId, save.userId, save.questionId, save.options, save.now, save.graceMs, save.questionId],
    );
    return rows.length ? { savedAt: save.now, revision: rows[0].revision } : null;
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

  /** questionId → chosen option ids. */
  async answersOf(attemptId: string, manager?: EntityManager): Promise<Map<string, string[]>> {
    const rows = await preparedQueryIn<{ question_id: string; option_ids: string[] }>(
      this.dataSource,
      manager,
      'attempts.answers-of',
      'SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = $1',
      [attemptId],
    );
    return new Map(rows.map((row) => [row.question_id, row.option_ids]));
  }

  /** Answers of many attempts in one query: attemptId → questionId → option ids. */
  async answersOfMany(attemptIds: string[], manager: EntityManager): Promise<Map<string, Map<string, string[]>>> {
    const result = new Map<string, Map<string, string[]>>();
    if (!attemptIds.length) return result;
    const rows: { attempt_id: string; question_id: string; option_ids: string[] }[] = await manager.query(
      'SELECT attempt_id, question_id, option_ids FROM attempt_answers WHERE attempt_id = ANY($1::uuid[])',
      [attemptIds],
    );
    for (const row of rows) {
      const answers = result.get(row.attempt_id) ?? new Map<string, string[]>();
      answers.set(row.question_id, row.option_ids);
      result.set(row.attempt_id, answers);
    }
    return result;
  }

  /** Attempts started and finished per time bucket, and the totals (the organizers' participation chart). */
  async participation(roundId: string, bucket: 'hour' | 'day'): Promise<{
    timeline: { at: Date; started: number; finished: number }[];
    totals: { participants: number; finished: number; active: number };
  }> {
    const timeline: { at: Date; started: number; finished: number }[] = await this.dataSource.query(
      `SELECT at, sum(started)::int AS started, sum(finished)::int AS finished FROM (
         SELECT date_trunc($2, started_at) AS at, 1 AS started, 0 AS finished FROM attempts WHERE round_id = $1
         UNION ALL
         SELECT date_trunc($2, submitted_at), 0, 1 FROM attempts WHERE round_id = $1 AND status <> 'active'
       ) events GROUP BY at ORDER BY at`,
      [roundId, bucket],
    );
    const [totals] = await this.dataSource.query(
      `SELECT count(best_attempt_id)::int AS participants,
              (coalesce(sum(attempts_used), 0) - count(active_attempt_id))::int AS finished,
              count(active_attempt_id)::int AS active
         FROM round_participants WHERE round_id = $1`,
      [roundId],
    );
    return { timeline, totals };
  }

  /** The distinct (question, grading version) pairs used by the round's attempts. */
  async gradingVersionsInRound(manager: EntityManager, roundId: string): Promise<{ questionId: string; versionId: string }[]> {
    const rows: { question_id: string; version_id: string }[] = await manager.query(
      `SELECT DISTINCT item ->> 'questionId' AS question_id, coalesce(item ->> 'keyVersionId', item ->> 'versionId') AS version_id
         FROM attempts a CROSS JOIN LATERAL jsonb_array_elements(a.paper) AS item
        WHERE a.round_id = $1`,
      [roundId],
    );
    return rows.map((row) => ({ questionId: row.question_id, versionId: row.version_id }));
  }

  /** Members with an attempt graded by one of these (question, version) pairs. */
  async usersGradedBy(manager: EntityManager, roundId: string, pairs: { questionId: string; versionId: string }[]): Promise<string[]> {
    if (!pairs.length) return [];
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT a.user_id
         FROM attempts a CROSS JOIN LATERAL jsonb_array_elements(a.paper) AS item
        WHERE a.round_id = $1
          AND (item ->> 'questionId', coalesce(item ->> 'keyVersionId', item ->> 'versionId'))
              IN (SELECT * FROM unnest($2::text[], $3::text[]))
        ORDER BY a.user_id`,
      [roundId, pairs.map((p) => p.questionId), pairs.map((p) => p.versionId)],
    );
    return rows.map((row) => row.user_id);
  }

  /** All attempts of these members in the round, row-locked when about to be rewritten. */
  attemptsOfUsers(manager: EntityManager, roundId: string, userIds: string[], lock: boolean): Promise<AttemptEntity[]> {
    const qb = manager
      .getRepository(AttemptEntity)
      .createQueryBuilder('a')
      .where('a.round_id = :roundId AND a.user_id IN (:...userIds)', { roundId, userIds })
      .orderBy('a.id');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  async updatePaper(manager: EntityManager, attemptId: string, paper: unknown): Promise<void> {
    await manager.query('UPDATE attempts SET paper = $2 WHERE id = $1', [attemptId, JSON.stringify(paper)]);
  }

  insertRegradeLog(manager: EntityManager, log: Omit<RegradeLogEntity, 'id'>): Promise<RegradeLogEntity> {
    const repository = manager.getRepository(RegradeLogEntity);
    return repository.save(repository.create(log));
  }

  /** A batch's changes join its regrade's log entry in the batch's own commit. */
  async appendRegradeChanges(manager: EntityManager, id: string, changed: RegradeLogEntity['changed']): Promise<void> {
    await manager.query('UPDATE regrade_log SET changed = changed || $2::jsonb WHERE id = $1', [id, JSON.stringify(changed)]);
  }

  async finishRegradeLog(manager: EntityManager, id: string, rankChanges: number): Promise<void> {
    await manager.query('UPDATE regrade_log SET rank_changes = $2 WHERE id = $1', [id, rankChanges]);
  }

  regradeLog(roundId: string): Promise<RegradeLogEntity[]> {
    return this.dataSource.getRepository(RegradeLogEntity).find({ where: { roundId }, order: { performedAt: 'DESC' } });
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
