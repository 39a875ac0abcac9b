import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { ContestStatus } from '@hoi-thi/contracts';
import { EntityRowMapper, preparedQuery } from '../../common/database/sql.js';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { ContestEntity } from './contest.entity.js';
import { RoundEntity } from './round.entity.js';
import { RoundChanges } from './round-changes.js';
import { BANK_REVISION_SQL } from '../question-bank/question-bank.sql.js';

/**
 * The contests module's SQL. Every method that writes a round, or a contest (which the cached
 * copies of its rounds carry), tells `RoundChanges`: the caches of round data cannot miss an edit.
 */
@Injectable()
export class ContestsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: RoundChanges,
  ) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  private contests(tx?: Tx) {
    return (managerOf(tx) ?? this.dataSource.manager).getRepository(ContestEntity);
  }

  private rounds(tx?: Tx) {
    return (managerOf(tx) ?? this.dataSource.manager).getRepository(RoundEntity);
  }

  /** Served by IDX_contests_status_created_at. */
  list(statuses: ContestStatus[], limit: number, offset: number): Promise<[ContestEntity[], number]> {
    return this.contests().findAndCount({
      where: { status: In(statuses) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  findById(id: string, tx?: Tx, lock = false): Promise<ContestEntity | null> {
    const qb = this.contests(tx).createQueryBuilder('c').where('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  insertContest(data: Partial<ContestEntity>, tx?: Tx): Promise<ContestEntity> {
    const repository = this.contests(tx);
    return repository.save(repository.create(data));
  }

  async saveContest(contest: ContestEntity, tx?: Tx): Promise<ContestEntity> {
    const manager = managerOf(tx);
    const saved = await this.contests(tx).save(contest);
    const rounds: { id: string }[] = await (manager ?? this.dataSource.manager).query('SELECT id FROM rounds WHERE contest_id = $1', [saved.id]);
    this.changes.written(rounds.map((round) => round.id), manager);
    return saved;
  }

  /** Rounds of several contests in one query (no N+1), in position order. */
  roundsOf(contestIds: string[], tx?: Tx): Promise<RoundEntity[]> {
    if (!contestIds.length) return Promise.resolve([]);
    return this.rounds(tx).find({ where: { contestId: In(contestIds) }, order: { contestId: 'ASC', position: 'ASC' } });
  }

  findRound(id: string, tx?: Tx): Promise<RoundEntity | null> {
    return this.rounds(tx).findOneBy({ id });
  }

  findRoundForUpdate(id: string, tx: Tx): Promise<RoundEntity | null> {
    return this.rounds(tx).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /**
   * A start's first read, one statement: the round with its contest, and the question bank's
   * revision (question-bank's one-row `question_bank_state`), which says whether the draw pool
   * cached in memory is still current — read here to save the start a round trip. Outside a
   * transaction it runs as a named (prepared) statement.
   */
  async findRoundForStart(id: string, tx?: Tx): Promise<{ round: RoundEntity; bankRevision: string } | null> {
    const manager = managerOf(tx);
    const { sql } = this.startStatement();
    const [row] = manager ? await manager.query(sql, [id]) : await preparedQuery<Record<string, unknown>>(this.dataSource, 'contests.round-for-start', sql, [id]);
    if (!row) return null;
    const round = this.startStatement().round.map(row);
    round.contest = this.startStatement().contest.map(row);
    return { round, bankRevision: row.bank_revision as string };
  }

  private start: { sql: string; round: EntityRowMapper<RoundEntity>; contest: EntityRowMapper<ContestEntity> } | null = null;

  /** Built once from the entities' metadata (the columns a start maps). */
  private startStatement() {
    if (!this.start) {
      const round = new EntityRowMapper<RoundEntity>(this.dataSource.getMetadata(RoundEntity), 'r', 'r_');
      const contest = new EntityRowMapper<ContestEntity>(this.dataSource.getMetadata(ContestEntity), 'c', 'c_');
      const sql = `SELECT ${round.select}, ${contest.select}, ${BANK_REVISION_SQL}::text AS bank_revision
                     FROM rounds r JOIN contests c ON c.id = r.contest_id WHERE r.id = $1`;
      this.start = { sql, round, contest };
    }
    return this.start;
  }

  roundsWithContests(ids: string[]): Promise<RoundEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.rounds().createQueryBuilder('r').innerJoinAndSelect('r.contest', 'c').where('r.id IN (:...ids)', { ids }).getMany();
  }

  /** A round with its contest, one query. */
  findRoundWithContest(id: string, tx?: Tx): Promise<RoundEntity | null> {
    // One statement: findOne with a relation adds a SELECT DISTINCT pre-query (measured on every start and submit).
    return this.rounds(tx).createQueryBuilder('r').innerJoinAndSelect('r.contest', 'c').where('r.id = :id', { id }).getOne();
  }

  async nextRoundPosition(contestId: string, tx: Tx): Promise<number> {
    const [row] = await managerOf(tx).query('SELECT coalesce(max(position), 0) + 1 AS next FROM rounds WHERE contest_id = $1', [contestId]);
    return Number(row.next);
  }

  async insertRound(data: Partial<RoundEntity>, tx: Tx): Promise<RoundEntity> {
    const repository = this.rounds(tx);
    const saved = await repository.save(repository.create(data));
    this.changes.written([saved.id], managerOf(tx));
    return saved;
  }

  async saveRound(round: RoundEntity, tx?: Tx): Promise<RoundEntity> {
    const saved = await this.rounds(tx).save(round);
    this.changes.written([saved.id], managerOf(tx));
    return saved;
  }

  /**
   * Quiz rounds whose close is due: not closed, `closes_at` at or before `cutoff`, in a contest that
   * is not a draft, and not waiting for a manual prediction value. The rounds table is small (a
   * contest has tens of rounds): a scan, every few seconds.
   */
  async roundsDueForClose(cutoff: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM rounds r JOIN contests c ON c.id = r.contest_id
        WHERE r.kind = 'quiz' AND r.closed_at IS NULL AND r.closes_at <= $1 AND c.status <> 'draft'
          AND NOT (r.prediction_question IS NOT NULL AND r.prediction_actual = 'manual')
        ORDER BY r.closes_at`,
      [cutoff],
    );
    return rows.map((row) => row.id);
  }

  /** Whether any contest lists the unit as eligible (contests are few: a scan). */
  async anyEligible(unitId: string, tx: Tx): Promise<boolean> {
    const [row] = await managerOf(tx).query('SELECT EXISTS (SELECT 1 FROM contests WHERE $1 = ANY(eligible_unit_ids)) AS any', [unitId]);
    return row.any === true;
  }

  /** Whether any round's blueprint draws from the topic (rounds are few: a scan of their blueprints). */
  async anyBlueprintUses(topicId: string, tx: Tx): Promise<boolean> {
    const [row] = await managerOf(tx).query(`SELECT EXISTS (SELECT 1 FROM rounds WHERE blueprint @> jsonb_build_array(jsonb_build_object('topicId', $1::text))) AS any`, [topicId]);
    return row.any === true;
  }

  async deleteRound(id: string, tx: Tx): Promise<void> {
    const manager = managerOf(tx);
    await manager.query('DELETE FROM rounds WHERE id = $1', [id]);
    this.changes.written([id], manager);
  }

  /** contestId → its managers' ids, for several contests in one query. */
  async managersOf(contestIds: string[], tx?: Tx): Promise<Map<string, string[]>> {
    const byContest = new Map<string, string[]>(contestIds.map((id) => [id, []]));
    if (!contestIds.length) return byContest;
    const rows: { contest_id: string; user_id: string }[] = await (managerOf(tx) ?? this.dataSource.manager).query(
      'SELECT contest_id, user_id FROM contest_managers WHERE contest_id = ANY($1::uuid[]) ORDER BY created_at, user_id',
      [contestIds],
    );
    for (const row of rows) byContest.get(row.contest_id)?.push(row.user_id);
    return byContest;
  }

  /**
   * Whether `userId` manages the contest of a round (or the contest itself): null when there is no
   * such round (contest). One statement, by primary keys.
   */
  async managementOf(target: 'round' | 'contest', id: string, userId: string, tx?: Tx): Promise<{ contestId: string; manages: boolean } | null> {
    const sql =
      target === 'round'
        ? `SELECT r.contest_id, EXISTS (SELECT 1 FROM contest_managers m WHERE m.contest_id = r.contest_id AND m.user_id = $2) AS manages
             FROM rounds r WHERE r.id = $1`
        : `SELECT c.id AS contest_id, EXISTS (SELECT 1 FROM contest_managers m WHERE m.contest_id = c.id AND m.user_id = $2) AS manages
             FROM contests c WHERE c.id = $1`;
    const [row] = await (managerOf(tx) ?? this.dataSource.manager).query(sql, [id, userId]);
    return row ? { contestId: row.contest_id as string, manages: row.manages === true } : null;
  }

  /** Replaces the contest's managers (the caller holds the contest's row lock). */
  async replaceManagers(contestId: string, userIds: string[], tx: Tx): Promise<void> {
    const manager = managerOf(tx);
    await manager.query('DELETE FROM contest_managers WHERE contest_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [contestId, userIds]);
    await manager.query(
      'INSERT INTO contest_managers (contest_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
      [contestId, userIds],
    );
  }
}
