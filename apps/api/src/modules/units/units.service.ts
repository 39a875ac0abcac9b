import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import type { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import type { UnitEntity } from './unit.entity.js';
import { UnitsRepository } from './units.repository.js';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  list(): Promise<UnitEntity[]> {
    return this.units.findAll();
  }

  /** For other modules: is this a unit a member can belong to? */
  exists(id: string, manager?: EntityManager): Promise<boolean> {
    return this.units.exists(id, manager);
  }

  async allExist(ids: string[], manager?: EntityManager): Promise<boolean> {
    return (await this.units.countExisting([...new Set(ids)], manager)) === new Set(ids).size;
  }

  /** Eligibility: a unit includes its sub-units, so a member of a sub-unit of an eligible unit is eligible. */
  isWithin(unitId: string, ancestorIds: string[], manager?: EntityManager): Promise<boolean> {
    return this.units.isWithin(unitId, ancestorIds, manager);
  }

  isEmpty(): Promise<boolean> {
    return this.units.isEmpty();
  }

  async create(dto: CreateUnitDto, manager?: EntityManager): Promise<UnitEntity> {
    if (dto.parentId && !(await this.units.exists(dto.parentId, manager))) {
      throw DomainError.invalidField('parentId', 'unitNotFound');
    }
    return this.units.create({ name: dto.name, parentId: dto.parentId ?? null, memberCount: dto.memberCount ?? 0 }, manager);
  }

  async update(id: string, dto: UpdateUnitDto): Promise<UnitEntity> {
    const unit = await this.units.findById(id);
    if (!unit) throw new DomainError('UNIT.NOT_FOUND');
    if (dto.name !== undefined) unit.name = dto.name;
    if (dto.memberCount !== undefined) unit.memberCount = dto.memberCount;
    return this.units.save(unit);
  }
}
