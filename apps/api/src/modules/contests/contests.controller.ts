import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type ContestResponse, type ContestStatus, ContestStatuses, type Page } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import { PaginationQuery } from '../../common/pagination.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { toContestResponse } from './contest.mapper.js';
import { ContestsService } from './contests.service.js';

export class ListContestsQuery extends PaginationQuery {
  @IsOptional()
  @IsIn(ContestStatuses)
  status?: ContestStatus;
}

@ApiTags('contests')
@Controller('contests')
export class ContestsController {
  constructor(private readonly contests: ContestsService) {}

  @Public()
  @Get()
  async list(@CurrentUser() caller: AuthUser | undefined, @Query() query: ListContestsQuery): Promise<Page<ContestResponse>> {
    const [contests, total] = await this.contests.list(caller, query.status, query.limit, query.offset);
    return { items: contests.map(toContestResponse), total };
  }

  @Public()
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return toContestResponse(await this.contests.get(caller, id));
  }
}
