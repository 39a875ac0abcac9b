import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AuthUser, hasRole } from '../../common/auth/auth-user.js';
import { RequireRoles } from '../../common/auth/decorators.js';
import type { Tx } from '../../common/database/tx.js';
import { UUID } from '../../common/parse-uuid.pipe.js';
import { ContestErrors } from './contests.errors.js';
import { ContestsRepository } from './contests.repository.js';

/**
 * Who has already taken part in a contest, as another module knows it (attempts: quiz participants;
 * essays: entry authors). Modules that own such tables register a source at boot, so the contests
 * module can refuse a contestant as a manager without reading their tables.
 */
export interface ContestantSource {
  /** Those of `userIds` who have taken part in the contest. */
  contestantsAmong(contestId: string, userIds: string[], tx?: Tx): Promise<string[]>;
  /** Whether anyone has done anything in the round (an attempt, an entry): then it cannot be deleted. */
  hasRecords(roundId: string, tx?: Tx): Promise<boolean>;
}

/**
 * Per-contest ownership (API.md "Contest managers"): admins manage every contest, organizers the
 * contests that list them. For the other modules: their organizer routes use `@ManagersOnly`, their
 * services `assertManages`; starts and entries ask `isManager` (staff cannot compete).
 */
@Injectable()
export class ContestAccess {
  private readonly sources: ContestantSource[] = [];

  constructor(private readonly contests: ContestsRepository) {}

  registerContestantSource(source: ContestantSource): void {
    this.sources.push(source);
  }

  /** The contest of the round (or the contest itself) when the caller manages it; 404 when it does not exist, else 403. */
  async assertManages(caller: AuthUser, target: 'round' | 'contest', id: string, tx?: Tx): Promise<string> {
    const found = await this.contests.managementOf(target, id, caller.id, tx);
    if (!found) throw ContestErrors.error(target === 'round' ? 'ROUND.NOT_FOUND' : 'CONTEST.NOT_FOUND');
    if (!found.manages && !caller.roles.includes('admin')) throw ContestErrors.error('CONTEST.NOT_MANAGER');
    return found.contestId;
  }

  /** Whether the caller may manage the round's (or the contest's) contest: an admin, or an organizer among its managers. */
  async manages(caller: AuthUser | undefined, target: 'round' | 'contest', id: string, tx?: Tx): Promise<boolean> {
    if (!caller || !hasRole(caller, 'organizer')) return false;
    if (caller.roles.includes('admin')) return true;
    return (await this.contests.managementOf(target, id, caller.id, tx))?.manages === true;
  }

  /** Whether the user is one of the contest's managers (not counting admins: they may compete elsewhere but not where they manage). */
  async isManager(userId: string, contestId: string, tx?: Tx): Promise<boolean> {
    return (await this.contests.managementOf('contest', contestId, userId, tx))?.manages === true;
  }

  /** Whether the caller may manage a contest whose managers are `managerIds`. */
  canManage(caller: AuthUser | undefined, managerIds: readonly string[]): boolean {
    if (!caller) return false;
    return caller.roles.includes('admin') || (hasRole(caller, 'organizer') && managerIds.includes(caller.id));
  }

  async hasRecords(roundId: string, tx?: Tx): Promise<boolean> {
    return (await Promise.all(this.sources.map((source) => source.hasRecords(roundId, tx)))).some(Boolean);
  }

  async contestantsAmong(contestId: string, userIds: string[], tx?: Tx): Promise<string[]> {
    const found = await Promise.all(this.sources.map((source) => source.contestantsAmong(contestId, userIds, tx)));
    return [...new Set(found.flat())];
  }
}

const MANAGED_BY = 'managedBy';

/** Which route parameter `:id` names: a contest or a round. */
type ManagedTarget = 'round' | 'contest';

/** Checks `@ManagersOnly` routes after the global AuthGuard has put the caller on the request. */
@Injectable()
export class ContestManagerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: ContestAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const target = this.reflector.get<ManagedTarget | undefined>(MANAGED_BY, context.getHandler());
    if (!target) return true;
    const request = context.switchToHttp().getRequest<{ user?: AuthUser; params: Record<string, string> }>();
    const id = request.params.id;
    // A malformed id is the route's ParseUuid pipe's 400 (pipes run after guards): let it through.
    if (!request.user || !UUID.test(id ?? '')) return true;
    await this.access.assertManages(request.user, target, id);
    return true;
  }
}

/**
 * An organizer route on one contest (`:id` is the contest, or one of its rounds): only that
 * contest's managers and admins pass; other organizers get 403 CONTEST.NOT_MANAGER.
 */
export const ManagersOnly = (target: ManagedTarget) =>
  applyDecorators(RequireRoles('organizer'), SetMetadata(MANAGED_BY, target), UseGuards(ContestManagerGuard));
