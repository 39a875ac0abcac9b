import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@hoi-thi/contracts';
import { DomainError } from '../errors/domain-error.js';
import { type AuthUser, hasRole } from './auth-user.js';
import { REQUIRED_ROLES } from './decorators.js';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) throw new DomainError('UNAUTHORIZED');
    if (!roles.some((role) => hasRole(user, role))) throw new DomainError('FORBIDDEN');
    return true;
  }
}
