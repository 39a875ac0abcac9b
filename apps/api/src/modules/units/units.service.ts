import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/database/tx.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { planUnitImport } from '@hoi-thi/contest-engine';
import type { Language } from '../../common/i18n/language.js';
import type { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { readUnitRows, toFileIssue, type UnitFileIssue, type UnitImportForm } from './unit-import.js';
import type { UnitEntity } from './unit.entity.js';
import { UnitsRepository } from './units.repository.js';
import { UnitErrors } from './units.errors.js';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  list(): Promise<UnitEntity[]> {
    return this.units.findAll();
  }

  /** For other modules: is this a unit a member can belong to? */
  exists(id: string, tx?: Tx): Promise<boolean> {
    return this.units.exists(id, tx);
  }

  async allExist(ids: string[], tx?: Tx): Promise<boolean> {
    return (await this.units.countExisting([...new Set(ids)], tx)) === new Set(ids).size;
  }

  /** Eligibility: a unit includes its sub-units, so a member of a sub-unit of an eligible unit is eligible. */
  isWithin(unitId: string, ancestorIds: string[], tx?: Tx): Promise<boolean> {
    return this.units.isWithin(unitId, ancestorIds, tx);
  }

  isEmpty(): Promise<boolean> {
    return this.units.isEmpty();
  }

  async create(dto: CreateUnitDto, tx?: Tx): Promise<UnitEntity> {
    if (dto.parentId && !(await this.units.exists(dto.parentId, tx))) {
      throw DomainError.invalidField('parentId', 'unitNotFound');
    }
    return this.units.create({ name: dto.name, parentId: dto.parentId ?? null, memberCount: dto.memberCount ?? 0 }, tx);
  }

  /**
   * Renames, moves (`parentId`; null = top level) or recounts a unit. Moving it under itself or one
   * of its descendants would cut a branch off the tree: 409 UNIT.CYCLE. Moves are serialized (the
   * tree's lock), so two crossing moves cannot make a loop between them.
   */
  async update(id: string, dto: UpdateUnitDto): Promise<UnitEntity> {
    return this.units.transaction(async (tx) => {
      await this.units.lockTree(tx);
      const unit = await this.units.findById(id, tx);
      if (!unit) throw UnitErrors.error('UNIT.NOT_FOUND');
      if (dto.parentId !== undefined && dto.parentId !== unit.parentId) {
        if (dto.parentId !== null) {
          if (!(await this.units.exists(dto.parentId, tx))) throw DomainError.invalidField('parentId', 'unitNotFound');
          if (await this.units.isWithin(dto.parentId, [id], tx)) throw UnitErrors.error('UNIT.CYCLE');
        }
        unit.parentId = dto.parentId;
      }
      if (dto.name !== undefined) unit.name = dto.name;
      if (dto.memberCount !== undefined) unit.memberCount = dto.memberCount;
      return this.units.save(unit, tx);
    });
  }

  private readonly usages: UnitUsage[] = [];

  /** Modules whose rows name units (members, contests' eligible units) say here whether a unit is in use. */
  registerUsage(usage: UnitUsage): void {
    this.usages.push(usage);
  }

  /** Deletes a unit nobody and nothing refers to: no sub-unit, no member, no contest open to it; else 409 UNIT.IN_USE. */
  async remove(id: string): Promise<void> {
    await this.units.transaction(async (tx) => {
      await this.units.lockTree(tx);
      if (!(await this.units.exists(id, tx))) throw UnitErrors.error('UNIT.NOT_FOUND');
      const used = (await this.units.hasChildren(id, tx)) || (await Promise.all(this.usages.map((usage) => usage.unitInUse(id, tx)))).some(Boolean);
      if (used) throw UnitErrors.error('UNIT.IN_USE');
      await this.units.delete(id, tx);
    });
  }

  /**
   * The tree from a file (API.md "Units"): read, planned by the engine against the tree as it is
   * (under the tree's lock), then written in one transaction, or nothing when any row has a problem
   * or `dryRun`.
   */
  async import(form: UnitImportForm, language: Language): Promise<{ created: number; updated: number; issues: UnitFileIssue[] }> {
    const { rows, issues, column } = await readUnitRows(form.file, language);
    if (issues.length) return { created: 0, updated: 0, issues };
    return this.units.transaction(async (tx) => {
      await this.units.lockTree(tx);
      const plan = planUnitImport(rows, await this.units.findAll(tx));
      const result = { created: plan.create.length, updated: plan.update.length, issues: plan.issues.map((issue) => toFileIssue(issue, column)) };
      if (result.issues.length || form.dryRun) return result;
      const idOfLine = new Map<number, string>();
      for (const unit of plan.create) {
        const parentId = unit.parentId ?? (unit.parentLine !== null ? idOfLine.get(unit.parentLine)! : null);
        idOfLine.set(unit.line, (await this.units.create({ name: unit.name, parentId, memberCount: unit.memberCount }, tx)).id);
      }
      await this.units.updateMemberCounts(plan.update, tx);
      return result;
    });
  }
}

/** Whether another module's rows still name the unit. */
export interface UnitUsage {
  unitInUse(unitId: string, tx: Tx): Promise<boolean>;
}
