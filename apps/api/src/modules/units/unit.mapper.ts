import type { UnitResponse } from '@hoi-thi/contracts';
import type { UnitEntity } from './unit.entity.js';

export function toUnitResponse(unit: UnitEntity): UnitResponse {
  return { id: unit.id, name: unit.name, parentId: unit.parentId, memberCount: unit.memberCount };
}
