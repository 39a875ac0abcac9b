import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { UnitEntity } from './unit.entity.js';

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>) {}

  findAll(): Promise<UnitEntity[]> {
    return this.units.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<UnitEntity | null> {
    return this.units.findOneBy({ id });
  }

  exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (manager?.getRepository(UnitEntity) ?? this.units).existsBy({ id });
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.units.exists({}));
  }

  create(data: Pick<UnitEntity, 'name' | 'parentId' | 'memberCount'>, manager?: EntityManager): Promise<UnitEntity> {
    const repository = manager?.getRepository(UnitEntity) ?? this.units;
    return repository.save(repository.create(data));
  }

  save(unit: UnitEntity): Promise<UnitEntity> {
    return this.units.save(unit);
  }

  /** How many of these ids are units (one indexed query). */
  async countExisting(ids: string[], manager?: EntityManager): Promise<number> {
    if (!ids.length) return 0;
    const [row] = await (manager ?? this.units.manager).query('SELECT count(*)::int AS n FROM units WHERE id = ANY($1::uuid[])', [ids]);
    return row.n;
  }

  /** Is the unit one of `ancestorIds` or below one of them? Walks up the tree by primary key. */
  async isWithin(unitId: string, ancestorIds: string[], manager?: EntityManager): Promise<boolean> {
    const rows = await (manager ?? this.units.manager).query(
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
