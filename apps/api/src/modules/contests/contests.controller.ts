import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type ContestManagerResponse, type ContestResponse, type ContestStatus, ContestStatuses, type Page, type RoundResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public, RequireRoles } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock.js';
import { PaginationQuery } from '../../common/pagination.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ContestAccess, ManagersOnly } from './contest-access.js';
import { toContestManagerResponse, toContestResponse, toRoundResponse } from './contest.mapper.js';
import { type ContestWithRounds, ContestsService } from './contests.service.js';
import { CreateContestDto, CreateRoundDto, SetManagersDto, UpdateContestDto } from './dto/contest.dto.js';

export class ListContestsQuery extends PaginationQuery {
  @IsOptional()
  @IsIn(ContestStatuses)
  status?: ContestStatus;
}

@ApiTags('contests')
@Controller('contests')
export class ContestsController {
  constructor(
    private readonly contests: ContestsService,
    private readonly clock: Clock,
    private readonly access: ContestAccess,
  ) {}

  private map({ contest, rounds, managerIds }: ContestWithRounds, caller: AuthUser | undefined): ContestResponse {
    return toContestResponse(contest, rounds, this.clock.now(), managerIds, this.access.canManage(caller, managerIds));
  }

  @Public()
  @Get()
  async list(@CurrentUser() caller: AuthUser | undefined, @Query() query: ListContestsQuery): Promise<Page<ContestResponse>> {
    const [contests, total] = await this.contests.list(caller, query.status, query.limit, query.offset);
    return { items: contests.map((c) => this.map(c, caller)), total };
  }

  @Public()
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.get(caller, id), caller);
  }

  @RequireRoles('organizer')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateContestDto): Promise<ContestResponse> {
    return this.map(await this.contests.create(user, dto), user);
  }

  @ManagersOnly('contest')
  @Patch(':id')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: UpdateContestDto): Promise<ContestResponse> {
    return this.map(await this.contests.update(id, dto), user);
  }

  @ManagersOnly('contest')
  @Get(':id/managers')
  async managers(@Param('id', ParseUuid) id: string): Promise<ContestManagerResponse[]> {
    return (await this.contests.managers(id)).map(toContestManagerResponse);
  }

  @ManagersOnly('contest')
  @Put(':id/managers')
  async setManagers(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: SetManagersDto): Promise<ContestManagerResponse[]> {
    return (await this.contests.setManagers(user, id, dto.userIds)).map(toContestManagerResponse);
  }

  @ManagersOnly('contest')
  @Post(':id/rounds')
  async addRound(@Param('id', ParseUuid) id: string, @Body() dto: CreateRoundDto): Promise<RoundResponse> {
    return toRoundResponse(await this.contests.addRound(id, dto), this.clock.now());
  }

  @ManagersOnly('contest')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.publish(user, id), user);
  }

  @ManagersOnly('contest')
  @Post(':id/finish')
  @HttpCode(200)
  async finish(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.finish(user, id), user);
  }
}
