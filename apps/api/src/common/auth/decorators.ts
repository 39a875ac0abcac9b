import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@hoi-thi/contracts';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'isPublic';
export const ALLOWS_TEMPORARY_PASSWORD = 'allowsTemporaryPassword';
export const REQUIRED_ROLES = 'requiredRoles';

/** Open to everyone; a valid token, when sent, still identifies the caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Open to an account that must still change its temporary password (its profile, the change, logout). */
export const AllowTemporaryPassword = () => SetMetadata(ALLOWS_TEMPORARY_PASSWORD, true);

/** The caller needs at least one of these roles (admin counts as organizer). */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
