import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Difficulty, QuestionStatus, QuestionType } from '@hoi-thi/contracts';
import { containsPattern } from '../../common/database/sql.js';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { QuestionVersionEntity } from './question-version.entity.js';
import { QuestionEntity } from './question.entity.js';
import { TopicEntity } from './topic.entity.js';

export interface QuestionFilter {
  topicId?: string;
  difficulty?: Difficulty;
  type?: QuestionType;
  status: QuestionStatus;
  /** Already folded (lower-case, no diacritics). */
  search?: string;
  limit: number;
  offset: number;
}

export type NewQuestion = Omit<QuestionEntity, 'id' | 'createdAt' | 'updatedAt' | 'currentVersionId' | 'topic'>;
export type NewVersion = Omit<QuestionVersionEntity, 'id' | 'questionId' | 'createdAt' | 'question'>;

export interface QuestionWithVersion {
  question: QuestionEntity;
  version: QuestionVersionEntity;
}

/** With question-pool.repository.ts, the only files of the question bank that talk to TypeORM. */
@Injectable()
export class QuestionBankRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** The pool's manager as a handle, outside any transaction: for reads that must not write (a dry-run import). */
  readOnlyTx(): Tx {
    return asTx(this.dataSource.manager);
  }

  /** Every change to what the draw may pick bumps the bank's revision, in the same transaction. */
  private async bumpRevision(tx: Tx): Promise<void> {
    await managerOf(tx).query('UPDATE question_bank_state SET revision = revision + 1 WHERE id = 1');
  }

  /** Many new questions at once (imports): two multi-row INSERTs per chunk instead of three per question. */
  async insertQuestionsBulk(rows: { question: NewQuestion; version: NewVersion }[], tx: Tx): Promise<number> {
    const manager = managerOf(tx);
    await this.bumpRevision(tx);
    const CHUNK = 500;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK).map((row) => ({ ...row, id: randomUUID(), versionId: randomUUID() }));
      await manager.getRepository(QuestionEntity).insert(chunk.map((r) => ({ ...r.question, id: r.id, currentVersionId: r.versionId })));
      await manager.getRepository(QuestionVersionEntity).insert(chunk.map((r) => ({ ...r.version, id: r.versionId, questionId: r.id })));
    }
    return rows.length;
  }

  listTopics(): Promise<TopicEntity[]> {
    return this.dataSource.getRepository(TopicEntity).find({ order: { name: 'ASC' } });
  }

  /** Whether `id` is `ancestorId` or below it (a walk up by primary key). */
  async topicIsWithin(id: string, ancestorId: string, tx: Tx): Promise<boolean> {
    const rows = await managerOf(tx).query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM topics WHERE id = $1
         UNION ALL SELECT t.id, t.parent_id, up.depth + 1 FROM topics t JOIN up ON t.id = up.parent_id WHERE up.depth < 64)
       SELECT 1 FROM up WHERE id = $2 LIMIT 1`,
      [id, ancestorId],
    );
    return rows.length > 0;
  }

  /** Whether the topic has a sub-topic or a question (archived ones too: past papers point at them). */
  async topicHasContent(id: string, tx: Tx): Promise<boolean> {
    const [row] = await managerOf(tx).query(
      'SELECT EXISTS (SELECT 1 FROM topics WHERE parent_id = $1) OR EXISTS (SELECT 1 FROM questions WHERE topic_id = $1) AS used',
      [id],
    );
    return row.used === true;
  }

  async lockTopics(tx: Tx): Promise<void> {
    await managerOf(tx).query("SELECT pg_advisory_xact_lock(hashtext('topics.tree'))");
  }

  async saveTopic(topic: TopicEntity, tx: Tx): Promise<TopicEntity> {
    return managerOf(tx).getRepository(TopicEntity).save(topic);
  }

  async deleteTopic(id: string, tx: Tx): Promise<void> {
    await managerOf(tx).query('DELETE FROM topics WHERE id = $1', [id]);
  }

  findTopic(id: string, tx?: Tx): Promise<TopicEntity | null> {
    return (managerOf(tx) ?? this.dataSource.manager).getRepository(TopicEntity).findOneBy({ id });
  }

  /**
   * The sub-topic with this name, made when missing. ON CONFLICT makes two imports creating the same
   * sub-topic at once both end up with the one row instead of a unique-violation error.
   */
  async findOrCreateTopic(parentId: string, name: string, tx: Tx): Promise<string> {
    const manager = managerOf(tx);
    await manager.query(`INSERT INTO topics (name, parent_id) VALUES ($1, $2) ON CONFLICT (parent_id, name) DO NOTHING`, [name, parentId]);
    const [row] = await manager.query(`SELECT id FROM topics WHERE parent_id = $1 AND name = $2`, [parentId, name]);
    return row.id;
  }

  findTopicByName(parentId: string, name: string, tx: Tx): Promise<TopicEntity | null> {
    return managerOf(tx).getRepository(TopicEntity).findOneBy({ parentId, name });
  }

  insertTopic(data: Pick<TopicEntity, 'name' | 'parentId'>, tx?: Tx): Promise<TopicEntity> {
    const repository = (managerOf(tx) ?? this.dataSource.manager).getRepository(TopicEntity);
    return repository.save(repository.create(data));
  }

  async findQuestion(id: string, tx?: Tx, lock = false): Promise<QuestionWithVersion | null> {
    const m = managerOf(tx) ?? this.dataSource.manager;
    const qb = m.getRepository(QuestionEntity).createQueryBuilder('q').where('q.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const question = await qb.getOne();
    if (!question) return null;
    const version = await m.getRepository(QuestionVersionEntity).findOneByOrFail({ id: question.currentVersionId });
    return { question, version };
  }

  async insertQuestion(
    question: NewQuestion,
    version: NewVersion,
    tx: Tx,
  ): Promise<QuestionWithVersion> {
    // Ids made here so the question can name its newest version before that row exists.
    const id = randomUUID();
    const versionId = randomUUID();
    const questions = managerOf(tx).getRepository(QuestionEntity);
    await this.bumpRevision(tx);
    await questions.insert({ ...question, id, currentVersionId: versionId });
    const saved = await this.insertVersion(id, version, tx, versionId);
    return { question: await questions.findOneByOrFail({ id }), version: saved };
  }

  async insertVersion(questionId: string, version: NewVersion, tx: Tx, id = randomUUID()): Promise<QuestionVersionEntity> {
    const versions = managerOf(tx).getRepository(QuestionVersionEntity);
    await versions.insert({ ...version, id, questionId });
    return versions.findOneByOrFail({ id });
  }

  async saveQuestion(question: QuestionEntity, tx: Tx): Promise<QuestionEntity> {
    await this.bumpRevision(tx);
    return managerOf(tx).getRepository(QuestionEntity).save(question);
  }

  /** Newest-first page; `search` (folded) matches every one of its words, through the trigram index on the folded text. */
  async listQuestions(filter: QuestionFilter): Promise<[QuestionWithVersion[], number]> {
    const qb = this.dataSource
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .where('q.status = :status', { status: filter.status });
    if (filter.topicId) qb.andWhere('q.topic_id = :topicId', { topicId: filter.topicId });
    if (filter.difficulty) qb.andWhere('q.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.type) qb.andWhere('q.type = :type', { type: filter.type });
    // Every word, in any order ("bầu cử tuổi" finds "tuổi … bầu cử"): one trigram-indexed LIKE per word.
    (filter.search ?? '').split(/\s+/u).filter(Boolean).slice(0, 10).forEach((word, index) => {
      qb.andWhere(`q.search_text LIKE :word${index}`, { [`word${index}`]: containsPattern(word) });
    });
    const [questions, total] = await qb
      .orderBy('q.updated_at', 'DESC')
      .addOrderBy('q.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return [await this.withVersions(questions), total];
  }

  /** Active questions of a topic and every topic below it, with their current versions (export). */
  async activeQuestionsOfTopic(topicId: string | undefined): Promise<QuestionWithVersion[]> {
    const qb = this.dataSource.getRepository(QuestionEntity).createQueryBuilder('q').where(`q.status = 'active'`);
    if (topicId) {
      qb.andWhere(
        `q.topic_id IN (WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM topics WHERE id = :topicId
                          UNION ALL SELECT t.id, sub.depth + 1 FROM topics t JOIN sub ON t.parent_id = sub.id WHERE sub.depth < 64)
                        SELECT id FROM sub)`,
        { topicId },
      );
    }
    return this.withVersions(await qb.orderBy('q.created_at', 'ASC').addOrderBy('q.id', 'ASC').getMany());
  }

  /** Normalized texts already in these topics (duplicate detection on import). */
  async existingNormalizedTexts(topicIds: string[], tx: Tx): Promise<Set<string>> {
    if (!topicIds.length) return new Set();
    const rows: { topic_id: string; normalized_text: string }[] = await managerOf(tx).query(
      `SELECT topic_id, normalized_text FROM questions WHERE status = 'active' AND topic_id = ANY($1::uuid[])`,
      [topicIds],
    );
    return new Set(rows.map((r) => `${r.topic_id}\u0000${r.normalized_text}`));
  }

  private async withVersions(questions: QuestionEntity[]): Promise<QuestionWithVersion[]> {
    if (!questions.length) return [];
    // One query for all versions of the page: no N+1.
    const versions = await this.dataSource
      .getRepository(QuestionVersionEntity)
      .createQueryBuilder('v')
      .where('v.id IN (:...ids)', { ids: questions.map((q) => q.currentVersionId) })
      .getMany();
    const byId = new Map(versions.map((v) => [v.id, v]));
    return questions.map((question) => ({ question, version: byId.get(question.currentVersionId)! }));
  }
}
