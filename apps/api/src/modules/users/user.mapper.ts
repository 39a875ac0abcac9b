import type { DuplicateGroupResponse, UserAdminResponse, UserResponse } from '@hoi-thi/contracts';
import type { UserEntity } from './user.entity.js';
import type { DuplicateGroup } from './users.service.js';

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    unitId: user.unitId,
    roles: user.roles,
    phone: user.phone,
    mustChangePassword: user.mustChangePassword,
  };
}

export function toUserAdminResponse(user: UserEntity): UserAdminResponse {
  return { ...toUserResponse(user), active: user.active, createdAt: user.createdAt.toISOString() };
}

export function toDuplicateGroupResponse(group: DuplicateGroup): DuplicateGroupResponse {
  return {
    reason: group.reason,
    key: group.key,
    unitId: group.unitId,
    unitName: group.unitName,
    size: group.size,
    accounts: group.accounts.map((account) => ({
      id: account.id,
      fullName: account.fullName,
      email: account.email,
      phone: account.phone,
      legacyPhone: account.phoneLegacy,
      unitId: account.unitId,
      unitName: account.unitName,
      createdAt: account.createdAt.toISOString(),
    })),
  };
}
