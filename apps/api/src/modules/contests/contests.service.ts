import { Injectable } from '@nestjs/common';
import { type ContestStatus, ContestStatuses } from '@hoi-thi/contracts';
import { type AuthUser, hasRole } from '../../common/auth/auth-user.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { ContestEntity } from './contest.entity.js';
import { ContestsRepository } from './contests.repository.js';

const PUBLIC_STATUSES: ContestStatus[] = ['published', 'finished'];

@Injectable()
export class ContestsService {
  constructor(private readonly contests: ContestsRepository) {}

  /** Members and visitors see published and finished contests; organizers also see drafts. */
  list(caller: AuthUser | undefined, status: ContestStatus | undefined, limit: number, offset: number) {
    const visible = this.visibleStatuses(caller);
    const statuses = status ? visible.filter((s) => s === status) : visible;
    return this.contests.list(statuses, limit, offset);
  }

  async get(caller: AuthUser | undefined, id: string): Promise<ContestEntity> {
    const contest = await this.contests.findById(id);
    if (!contest || !this.visibleStatuses(caller).includes(contest.status)) throw new DomainError('CONTEST.NOT_FOUND');
    return contest;
  }

  private visibleStatuses(caller: AuthUser | undefined): ContestStatus[] {
    return caller && hasRole(caller, 'organizer') ? [...ContestStatuses] : PUBLIC_STATUSES;
  }
}
