import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { AssignmentStatus } from '@hoi-thi/contracts';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { EssayAssignmentEntity } from './essay-assignment.entity.js';
import { EssayEntryEntity } from './essay-entry.entity.js';
import { EssayRoundStateEntity } from './essay-round-state.entity.js';

export type NewEntry = Omit<EssayEntryEntity, 'id' | 'round' | 'author' | 'sourceEntry'>;
export type NewAssignment = Pick<EssayAssignmentEntity, 'roundId' | 'entryId' | 'judgeId' | 'kind' | 'createdAt'>;

/** A judge's assignment with the entry it is about. */
export interface AssignmentWithEntry {
  assignment: EssayAssignmentEntity;
  entry: EssayEntryEntity;
}

const INSERT_CHUNK = 1000;

/** The only file of the essays module that talks to TypeORM. */
@Injectable()
export class EssaysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  private m(tx?: Tx): EntityManager {
    return managerOf(tx) ?? this.dataSource.manager;
  }

  // ---- round state -------------------------------------------------------------------------

  /** The round's essay state, created when missing and locked for the rest of the transaction. */
  async lockState(tx: Tx, roundId: string): Promise<EssayRoundStateEntity> {
    const manager = managerOf(tx);
    await manager.query('INSERT INTO essay_round_states (round_id) VALUES ($1) ON CONFLICT (round_id) DO NOTHING', [roundId]);
    return manager
      .getRepository(EssayRoundStateEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.round_id = :roundId', { roundId })
      .getOneOrFail();
  }

  /**
   * Hands out the round's next entry number in one statement, which also locks the state row
   * until commit (so numbers are sequential and never reused; a rollback gives the number back).
   */
  async nextEntryNumber(tx: Tx, roundId: string): Promise<{ number: number; sourceRoundId: string | null }> {
    const [row]: { last_entry_number: number; source_round_id: string | null }[] = await managerOf(tx).query(
      `INSERT INTO essay_round_states AS s (round_id, last_entry_number) VALUES ($1, 1)
       ON CONFLICT (round_id) DO UPDATE SET last_entry_number = s.last_entry_number + 1
       RETURNING last_entry_number, source_round_id`,
      [roundId],
    );
    return { number: row.last_entry_number, sourceRoundId: row.source_round_id };
  }

  /** Share-locks the state (scoring: many judges at once, but never across a judging lock). */
  shareState(tx: Tx, roundId: string): Promise<EssayRoundStateEntity | null> {
    return managerOf(tx)
      .getRepository(EssayRoundStateEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_read')
      .where('s.round_id = :roundId', { roundId })
      .getOne();
  }

  findState(roundId: string, tx?: Tx): Promise<EssayRoundStateEntity | null> {
    return this.m(tx).getRepository(EssayRoundStateEntity).findOneBy({ roundId });
  }

  statesOf(roundIds: string[]): Promise<EssayRoundStateEntity[]> {
    if (!roundIds.length) return Promise.resolve([]);
    return this.m().getRepository(EssayRoundStateEntity).findBy({ roundId: In(roundIds) });
  }

  saveState(state: EssayRoundStateEntity, tx: Tx): Promise<EssayRoundStateEntity> {
    return managerOf(tx).getRepository(EssayRoundStateEntity).save(state);
  }

  // ---- entries -----------------------------------------------------------------------------

  findEntry(id: string, tx?: Tx, lock = false): Promise<EssayEntryEntity | null> {
    const qb = this.m(tx).getRepository(EssayEntryEntity).createQueryBuilder('e').where('e.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async anyEntry(roundId: string, tx?: Tx): Promise<boolean> {
    const [row] = await this.m(tx).query('SELECT EXISTS (SELECT 1 FROM essay_entries WHERE round_id = $1) AS any', [roundId]);
    return row.any === true;
  }

  /** Those of `userIds` who wrote an entry in any of the rounds (UQ_essay_entries_round_author). */
  async authorsAmong(roundIds: string[], userIds: string[], tx?: Tx): Promise<string[]> {
    if (!roundIds.length || !userIds.length) return [];
    const rows: { author_id: string }[] = await this.m(tx).query(
      'SELECT DISTINCT author_id FROM essay_entries WHERE round_id = ANY($1::uuid[]) AND author_id = ANY($2::uuid[])',
      [roundIds, userIds],
    );
    return rows.map((row) => row.author_id);
  }

  /** Whether the user judges (or judged) an entry of any of the rounds (IDX_essay_assignments_judge_round). */
  async judgesAny(roundIds: string[], userId: string, tx?: Tx): Promise<boolean> {
    if (!roundIds.length) return false;
    const [row] = await this.m(tx).query('SELECT EXISTS (SELECT 1 FROM essay_assignments WHERE judge_id = $1 AND round_id = ANY($2::uuid[])) AS judges', [userId, roundIds]);
    return row.judges === true;
  }

  findEntryOf(roundId: string, authorId: string, tx?: Tx): Promise<EssayEntryEntity | null> {
    return this.m(tx).getRepository(EssayEntryEntity).findOneBy({ roundId, authorId });
  }

  entriesOfAuthor(roundId: string, authorId: string): Promise<EssayEntryEntity[]> {
    return this.m().getRepository(EssayEntryEntity).find({ where: { roundId, authorId }, order: { number: 'ASC' } });
  }

  /** Every entry of a round, by number. */
  entriesOfRound(roundId: string, tx?: Tx): Promise<EssayEntryEntity[]> {
    return this.m(tx).getRepository(EssayEntryEntity).find({ where: { roundId }, order: { number: 'ASC' } });
  }

  entriesByIds(ids: string[], tx?: Tx): Promise<EssayEntryEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m(tx).getRepository(EssayEntryEntity).findBy({ id: In(ids) });
  }

  pageOfRound(roundId: string, limit: number, offset: number): Promise<[EssayEntryEntity[], number]> {
    return this.m().getRepository(EssayEntryEntity).findAndCount({ where: { roundId }, order: { number: 'ASC' }, take: limit, skip: offset });
  }

  /** Which of `codes` entries of the round already carry (the round's state row locked by the caller). */
  async codesInUse(roundId: string, codes: string[], tx: Tx): Promise<Set<string>> {
    const rows: { code: string }[] = await managerOf(tx).query('SELECT code FROM essay_entries WHERE round_id = $1 AND code = ANY($2::varchar[])', [roundId, codes]);
    return new Set(rows.map((row) => row.code));
  }

  /**
   * Every code carried by an entry of the round or of a round it was shortlisted from, and so on back
   * to the submission round: a final round's new codes must not repeat any of them.
   */
  async codesOfRoundAndSources(roundId: string, tx: Tx): Promise<Set<string>> {
    const rows: { code: string }[] = await managerOf(tx).query(
      `WITH RECURSIVE chain (round_id) AS (
         SELECT $1::uuid
         UNION
         SELECT s.source_round_id FROM essay_round_states s JOIN chain c ON s.round_id = c.round_id WHERE s.source_round_id IS NOT NULL
       )
       SELECT e.code FROM essay_entries e JOIN chain c ON e.round_id = c.round_id`,
      [roundId],
    );
    return new Set(rows.map((row) => row.code));
  }

  async countEntries(roundId: string, tx?: Tx): Promise<number> {
    return this.m(tx).getRepository(EssayEntryEntity).countBy({ roundId });
  }

  insertEntry(data: NewEntry, tx: Tx): Promise<EssayEntryEntity> {
    const repository = managerOf(tx).getRepository(EssayEntryEntity);
    return repository.save(repository.create(data));
  }

  saveEntry(entry: EssayEntryEntity, tx: Tx): Promise<EssayEntryEntity> {
    return managerOf(tx).getRepository(EssayEntryEntity).save(entry);
  }

  async deleteEntriesOfRound(roundId: string, tx: Tx): Promise<void> {
    await managerOf(tx).getRepository(EssayEntryEntity).delete({ roundId });
  }

  // ---- assignments -------------------------------------------------------------------------

  findAssignment(id: string, tx?: Tx, lock = false): Promise<EssayAssignmentEntity | null> {
    const qb = this.m(tx).getRepository(EssayAssignmentEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A round's assignments, optionally of some statuses only, in entry then judge order. */
  assignmentsOfRound(roundId: string, tx?: Tx, statuses?: AssignmentStatus[]): Promise<EssayAssignmentEntity[]> {
    return this.m(tx)
      .getRepository(EssayAssignmentEntity)
      .find({ where: { roundId, ...(statuses ? { status: In(statuses) } : {}) }, order: { entryId: 'ASC', judgeId: 'ASC' } });
  }

  assignmentsOfEntry(entryId: string, tx?: Tx): Promise<EssayAssignmentEntity[]> {
    return this.m(tx).getRepository(EssayAssignmentEntity).find({ where: { entryId }, order: { createdAt: 'ASC', judgeId: 'ASC' } });
  }

  /**
   * The judge's live assignments (not the ones they withdrew from), oldest first, then by entry code:
   * never by entry number, which is the order of submission (rọc phách).
   */
  async assignmentsOfJudge(judgeId: string, roundId?: string): Promise<AssignmentWithEntry[]> {
    const qb = this.m()
      .getRepository(EssayAssignmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.entry', 'e')
      .where('a.judge_id = :judgeId', { judgeId })
      .andWhere(`a.status <> 'conflict'`)
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('e.code', 'ASC');
    if (roundId) qb.andWhere('a.round_id = :roundId', { roundId });
    const rows = await qb.getMany();
    return rows.map(({ entry, ...assignment }) => ({ assignment: assignment as EssayAssignmentEntity, entry: entry! }));
  }

  async countByStatus(roundId: string, tx?: Tx): Promise<Record<AssignmentStatus, number>> {
    const rows: { status: AssignmentStatus; n: number }[] = await this.m(tx).query(
      'SELECT status, count(*)::int AS n FROM essay_assignments WHERE round_id = $1 GROUP BY status',
      [roundId],
    );
    const counts: Record<AssignmentStatus, number> = { pending: 0, scored: 0, conflict: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async deleteAssignments(roundId: string, tx: Tx): Promise<void> {
    await managerOf(tx).getRepository(EssayAssignmentEntity).delete({ roundId });
  }

  /** Inserts in chunks (a round may have thousands) and returns the rows with their ids. */
  async insertAssignments(rows: NewAssignment[], tx: Tx): Promise<EssayAssignmentEntity[]> {
    const repository = managerOf(tx).getRepository(EssayAssignmentEntity);
    const saved: EssayAssignmentEntity[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK).map((row) => repository.create({ ...row, status: 'pending' }));
      const result = await repository.insert(chunk);
      chunk.forEach((entity, index) => {
        entity.id = result.identifiers[index].id as string;
        saved.push(entity);
      });
    }
    return saved;
  }

  saveAssignment(assignment: EssayAssignmentEntity, tx: Tx): Promise<EssayAssignmentEntity> {
    return managerOf(tx).getRepository(EssayAssignmentEntity).save(assignment);
  }

  /** Every judge total given in a round (scored assignments only). */
  async scoredTotals(roundId: string, tx?: Tx): Promise<{ entryId: string; judgeId: string; total: number }[]> {
    const rows: { entry_id: string; judge_id: string; total: string }[] = await this.m(tx).query(
      `SELECT entry_id, judge_id, total FROM essay_assignments WHERE round_id = $1 AND status = 'scored' ORDER BY entry_id, judge_id`,
      [roundId],
    );
    return rows.map((row) => ({ entryId: row.entry_id, judgeId: row.judge_id, total: Number(row.total) }));
  }

  /** Entries of the round that were given an extra judge (even if that judge later withdrew and was replaced). */
  async entriesWithExtraJudge(roundId: string, tx?: Tx): Promise<Set<string>> {
    const rows: { entry_id: string }[] = await this.m(tx).query(
      `SELECT DISTINCT entry_id FROM essay_assignments WHERE round_id = $1 AND kind = 'extra'`,
      [roundId],
    );
    return new Set(rows.map((row) => row.entry_id));
  }
}
