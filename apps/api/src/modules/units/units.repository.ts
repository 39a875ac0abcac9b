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
}
