import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { UnitEntity } from './unit.entity.js';

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>) {}

  findAll(tx?: Tx): Promise<UnitEntity[]> {
    return (managerOf(tx)?.getRepository(UnitEntity) ?? this.units).find({ order: { name: 'ASC' } });
  }

  findById(id: string, tx?: Tx): Promise<UnitEntity | null> {
    return (managerOf(tx)?.getRepository(UnitEntity) ?? this.units).findOneBy({ id });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.units.manager.transaction((manager) => work(asTx(manager)));
  }

  /** One writer of the tree's shape at a time (moves, deletes, imports), until the transaction ends. */
  async lockTree(tx: Tx): Promise<void> {
    await managerOf(tx).query("SELECT pg_advisory_xact_lock(hashtext('units.tree'))");
  }

  async hasChildren(id: string, tx: Tx): Promise<boolean> {
    const [row] = await managerOf(tx).query('SELECT EXISTS (SELECT 1 FROM units WHERE parent_id = $1) AS any', [id]);
    return row.any === true;
  }

  async delete(id: string, tx: Tx): Promise<void> {
    await managerOf(tx).query('DELETE FROM units WHERE id = $1', [id]);
  }

  /** New member counts, one statement. */
  async updateMemberCounts(changes: { id: string; memberCount: number }[], tx: Tx): Promise<void> {
    if (!changes.length) return;
    await managerOf(tx).query('UPDATE units u SET member_count = c.n FROM unnest($1::uuid[], $2::int[]) AS c(id, n) WHERE u.id = c.id', [
      changes.map((c) => c.id),
      changes.map((c) => c.memberCount),
    ]);
  }

  exists(id: string, tx?: Tx): Promise<boolean> {
    return (managerOf(tx)?.getRepository(UnitEntity) ?? this.units).existsBy({ id });
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.units.exists({}));
  }

  create(data: Pick<UnitEntity, 'name' | 'parentId' | 'memberCount'>, tx?: Tx): Promise<UnitEntity> {
    const repository = managerOf(tx)?.getRepository(UnitEntity) ?? this.units;
    return repository.save(repository.create(data));
  }

  save(unit: UnitEntity, tx?: Tx): Promise<UnitEntity> {
    return (managerOf(tx)?.getRepository(UnitEntity) ?? this.units).save(unit);
  }

  /** How many of these ids are units (one indexed query). */
  async countExisting(ids: string[], tx?: Tx): Promise<number> {
    if (!ids.length) return 0;
    const [row] = await (managerOf(tx) ?? this.units.manager).query('SELECT count(*)::int AS n FROM units WHERE id = ANY($1::uuid[])', [ids]);
    return row.n;
  }

  /** Is the unit one of `ancestorIds` or below one of them? Walks up the tree by primary key. */
  async isWithin(unitId: string, ancestorIds: string[], tx?: Tx): Promise<boolean> {
    const rows = await (managerOf(tx) ?? this.units.manager).query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM units WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 64
       )
       SELECT 1 FROM up WHERE id = ANY($2::uuid[]) LIMIT 1`,
      [unitId, ancestorIds],
    );
    return rows.length > 0;
  }
}
