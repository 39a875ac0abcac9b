import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WriteBatcher } from '../../common/batching/write-batcher.js';
import { preparedQuery, preparedQueryIn } from '../../common/database/sql.js';
import { managerOf, type Tx } from '../../common/database/tx.js';

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

/**
 * The members' answers (attempt_answers): the guarded save, batched per process, and the reads that
 * grade them. The save checks the attempt's row in the same statement and key-share-locks it.
 */
@Injectable()
export class AnswersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** questionId → chosen option ids. */
  async answersOf(attemptId: string, tx?: Tx): Promise<Map<string, string[]>> {
    const rows = await preparedQueryIn<{ question_id: string; option_ids: string[] }>(
      this.dataSource,
      managerOf(tx),
      'attempts.answers-of',
      'SELECT question_id, option_ids FROM attempt_answers WHERE attempt_id = $1',
      [attemptId],
    );
    return new Map(rows.map((row) => [row.question_id, row.option_ids]));
  }

  /** Answers of many attempts in one query: attemptId → questionId → option ids. */
  async answersOfMany(attemptIds: string[], tx: Tx): Promise<Map<string, Map<string, string[]>>> {
    const result = new Map<string, Map<string, string[]>>();
    if (!attemptIds.length) return result;
    const rows: { attempt_id: string; question_id: string; option_ids: string[] }[] = await managerOf(tx).query(
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
}
