import type { UserAdminResponse, UserResponse } from '@hoi-thi/contracts';
import type { UserEntity } from './user.entity.js';

export function toUserResponse(user: UserEntity): UserResponse {
  return { id: user.id, fullName: user.fullName, email: user.email, unitId: user.unitId, roles: user.roles };
}

export function toUserAdminResponse(user: UserEntity): UserAdminResponse {
  return { ...toUserResponse(user), phone: user.phone, createdAt: user.createdAt.toISOString() };
}
