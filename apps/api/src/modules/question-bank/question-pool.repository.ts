import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DrawCandidate } from '@hoi-thi/contest-engine';
import type { Difficulty, QuestionType } from '@hoi-thi/contracts';
import { managerOf, type Tx } from '../../common/database/tx.js';
import type { StoredOption } from './question-version.entity.js';

/** A question version row as the draw and the attempts read it. */
export interface VersionRow {
  id: string;
  question_id: string;
  type: QuestionType;
  text: string;
  options: StoredOption[];
  points: string;
  explanation: string | null;
}

/** The SQL behind QuestionPoolService (which keeps the caches): the draw's reads and the pool snapshots. */
@Injectable()
export class QuestionPoolRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bankRevision(tx?: Tx): Promise<string> {
    const rows: { revision: string }[] = await this.m(tx).query('SELECT revision::text AS revision FROM question_bank_state WHERE id = 1');
    return rows[0].revision;
  }

  /** The newest version of every active question of these topics. */
  liveVersions(topicIds: string[], tx?: Tx): Promise<(VersionRow & { topic_id: string; difficulty: Difficulty })[]> {
    return this.m(tx).query(
      `SELECT v.id, v.question_id, v.type, v.text, v.options, v.points, v.explanation, q.topic_id, q.difficulty
         FROM questions q JOIN question_versions v ON v.id = q.current_version_id
        WHERE q.topic_id = ANY($1::uuid[]) AND q.status = 'active'`,
      [topicIds],
    );
  }

  /**
   * Stores a pool's snapshot unless it exists (same hash, same content). True when it is committed:
   * written outside a transaction, which a rollback cannot take back.
   */
  async insertSnapshot(id: string, candidates: readonly DrawCandidate[], bankRevision: string, tx?: Tx): Promise<boolean> {
    const manager = managerOf(tx);
    await this.m(tx).query(
      `INSERT INTO question_pool_snapshots (id, candidates, bank_revision) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [id, JSON.stringify(candidates), bankRevision],
    );
    return manager === undefined || !manager.queryRunner?.isTransactionActive;
  }

  snapshots(ids: string[], tx?: Tx): Promise<{ id: string; bank_revision: string; candidates: DrawCandidate[] }[]> {
    return this.m(tx).query(
      'SELECT id, bank_revision::text AS bank_revision, candidates FROM question_pool_snapshots WHERE id = ANY($1::text[]) ORDER BY id',
      [ids],
    );
  }

  availability(topicIds?: string[], tx?: Tx): Promise<{ topic_id: string; difficulty: Difficulty; count: number }[]> {
    return this.m(tx).query(
      `SELECT topic_id, difficulty, count(*)::int AS count FROM questions
        WHERE status = 'active' ${topicIds ? 'AND topic_id = ANY($1::uuid[])' : ''}
        GROUP BY topic_id, difficulty ORDER BY topic_id, difficulty`,
      topicIds ? [topicIds] : [],
    );
  }

  async existingTopicIds(topicIds: string[], tx?: Tx): Promise<string[]> {
    const rows: { id: string }[] = await this.m(tx).query('SELECT id FROM topics WHERE id = ANY($1::uuid[])', [topicIds]);
    return rows.map((row) => row.id);
  }

  currentVersionIds(questionIds: string[], tx?: Tx): Promise<{ id: string; current_version_id: string }[]> {
    return this.m(tx).query('SELECT id, current_version_id FROM questions WHERE id = ANY($1::uuid[])', [questionIds]);
  }

  versions(versionIds: string[], tx?: Tx): Promise<VersionRow[]> {
    return this.m(tx).query('SELECT id, question_id, type, text, options, points, explanation FROM question_versions WHERE id = ANY($1::uuid[])', [
      versionIds,
    ]);
  }

  private m(tx?: Tx): EntityManager {
    return managerOf(tx) ?? this.dataSource.manager;
  }
}
