import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@hoi-thi/contracts';
import { JWT_SECRET } from '../../config/config.module.js';
import { DomainError } from '../errors/domain-error.js';
import { GenericErrors } from '../errors/generic.errors.js';
import { AccessTokenVerifier } from './access-tokens.js';
import { type AuthUser, hasRole } from './auth-user.js';
import { ALLOWS_TEMPORARY_PASSWORD, IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import { TokenRevocations } from './token-revocations.js';

interface RouteRule {
  isPublic: boolean;
  roles: Role[];
  allowsTemporaryPassword: boolean;
}

/**
 * The one global guard: every route needs a valid access token unless marked `@Public()` (deny by
 * default), and `@RequireRoles(…)` routes need one of those roles (admin counts as organizer). On a
 * public route a token is optional and a bad one is ignored. A token revoked since it was issued
 * (logout, role change, reset, deactivation: TokenRevocations) counts as no token. An account with a
 * temporary password may only use `@AllowTemporaryPassword()` routes. A route's rule is read from
 * its decorators once; the token check is a few map lookups once the token was verified (every
 * request of a contest passes here, so it stays cheap).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly rules = new WeakMap<object, RouteRule>();
  private readonly tokens: AccessTokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) secret: string,
    private readonly revocations: TokenRevocations,
  ) {
    this.tokens = new AccessTokenVerifier(secret);
  }

  canActivate(context: ExecutionContext): boolean {
    const rule = this.ruleOf(context);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: AuthUser }>();
    const header = request.headers.authorization;
    const verified = typeof header === 'string' ? this.tokens.verify(header) : null;
    const standing = verified ? this.revocations.standing(verified) : 'ok';
    const user = standing === 'ok' ? verified : null;
    if (user) request.user = user;
    if (rule.isPublic) return true;
    if (standing === 'disabled') throw new DomainError('AUTH.ACCOUNT_DISABLED');
    if (!user) throw new DomainError(header ? 'AUTH.TOKEN_INVALID' : 'UNAUTHORIZED');
    if (!rule.allowsTemporaryPassword && this.revocations.mustChangePassword(user)) throw new DomainError('AUTH.PASSWORD_CHANGE_REQUIRED');
    if (rule.roles.length && !rule.roles.some((role) => hasRole(user, role))) throw GenericErrors.error('FORBIDDEN');
    return true;
  }

  private ruleOf(context: ExecutionContext): RouteRule {
    const handler = context.getHandler();
    let rule = this.rules.get(handler);
    if (!rule) {
      const targets = [handler, context.getClass()];
      rule = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [],
        allowsTemporaryPassword: this.reflector.getAllAndOverride<boolean>(ALLOWS_TEMPORARY_PASSWORD, targets) === true,
      };
      this.rules.set(handler, rule);
    }
    return rule;
  }
}
