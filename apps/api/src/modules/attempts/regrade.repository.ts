import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { AttemptEntity } from './attempt.entity.js';
import { RegradeLogEntity } from './regrade-log.entity.js';

/**
 * What a regrade reads and rewrites of the attempts (the (question, version) pairs that graded them,
 * the members concerned, their attempts locked, the corrected papers and grades) and its log
 * (regrade_log), which gains each batch's changes in that batch's transaction.
 */
@Injectable()
export class RegradeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** The distinct (question, grading version) pairs used by the round's attempts. */
  async gradingVersionsInRound(tx: Tx, roundId: string): Promise<{ questionId: string; versionId: string }[]> {
    const rows: { question_id: string; version_id: string }[] = await managerOf(tx).query(
      `SELECT DISTINCT item ->> 'questionId' AS question_id, coalesce(item ->> 'keyVersionId', item ->> 'versionId') AS version_id
         FROM attempts a CROSS JOIN LATERAL jsonb_array_elements(a.paper) AS item
        WHERE a.round_id = $1`,
      [roundId],
    );
    return rows.map((row) => ({ questionId: row.question_id, versionId: row.version_id }));
  }

  /** Members with an attempt graded by one of these (question, version) pairs. */
  async usersGradedBy(tx: Tx, roundId: string, pairs: { questionId: string; versionId: string }[]): Promise<string[]> {
    if (!pairs.length) return [];
    const rows: { user_id: string }[] = await managerOf(tx).query(
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
  attemptsOfUsers(tx: Tx, roundId: string, userIds: string[], lock: boolean): Promise<AttemptEntity[]> {
    const qb = managerOf(tx)
      .getRepository(AttemptEntity)
      .createQueryBuilder('a')
      .where('a.round_id = :roundId AND a.user_id IN (:...userIds)', { roundId, userIds })
      .orderBy('a.id');
    if (lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  async updatePaper(tx: Tx, attemptId: string, paper: unknown): Promise<void> {
    await managerOf(tx).query('UPDATE attempts SET paper = $2 WHERE id = $1', [attemptId, JSON.stringify(paper)]);
  }

  async updateGrades(tx: Tx, attempt: Pick<AttemptEntity, 'id' | 'paper' | 'score' | 'maxScore' | 'correctCount'>): Promise<void> {
    await managerOf(tx).query('UPDATE attempts SET paper = $2, score = $3, max_score = $4, correct_count = $5 WHERE id = $1', [
      attempt.id,
      JSON.stringify(attempt.paper),
      attempt.score,
      attempt.maxScore,
      attempt.correctCount,
    ]);
  }

  insertRegradeLog(tx: Tx, log: Omit<RegradeLogEntity, 'id'>): Promise<RegradeLogEntity> {
    const repository = managerOf(tx).getRepository(RegradeLogEntity);
    return repository.save(repository.create(log));
  }

  /** A batch's changes join its regrade's log entry in the batch's own commit. */
  async appendRegradeChanges(tx: Tx, id: string, changed: RegradeLogEntity['changed']): Promise<void> {
    await managerOf(tx).query('UPDATE regrade_log SET changed = changed || $2::jsonb WHERE id = $1', [id, JSON.stringify(changed)]);
  }

  async finishRegradeLog(tx: Tx, id: string, rankChanges: number): Promise<void> {
    await managerOf(tx).query('UPDATE regrade_log SET rank_changes = $2 WHERE id = $1', [id, rankChanges]);
  }

  regradeLog(roundId: string): Promise<RegradeLogEntity[]> {
    return this.dataSource.getRepository(RegradeLogEntity).find({ where: { roundId }, order: { performedAt: 'DESC' } });
  }
}
