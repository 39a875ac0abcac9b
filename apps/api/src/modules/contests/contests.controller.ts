import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type ContestResponse, type ContestStatus, ContestStatuses, type Page, type RoundResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public, RequireRoles } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock.js';
import { PaginationQuery } from '../../common/pagination.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { toContestResponse, toRoundResponse } from './contest.mapper.js';
import { type ContestWithRounds, ContestsService } from './contests.service.js';
import { CreateContestDto, CreateRoundDto, UpdateContestDto } from './dto/contest.dto.js';

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
  ) {}

  private map({ contest, rounds }: ContestWithRounds): ContestResponse {
    return toContestResponse(contest, rounds, this.clock.now());
  }

  @Public()
  @Get()
  async list(@CurrentUser() caller: AuthUser | undefined, @Query() query: ListContestsQuery): Promise<Page<ContestResponse>> {
    const [contests, total] = await this.contests.list(caller, query.status, query.limit, query.offset);
    return { items: contests.map((c) => this.map(c)), total };
  }

  @Public()
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.get(caller, id));
  }

  @RequireRoles('organizer')
  @Post()
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateContestDto): Promise<ContestResponse> {
    return this.map(await this.contests.create(user, dto));
  }

  @RequireRoles('organizer')
  @Patch(':id')
  async update(@Param('id', ParseUuid) id: string, @Body() dto: UpdateContestDto): Promise<ContestResponse> {
    return this.map(await this.contests.update(id, dto));
  }

  @RequireRoles('organizer')
  @Post(':id/rounds')
  async addRound(@Param('id', ParseUuid) id: string, @Body() dto: CreateRoundDto): Promise<RoundResponse> {
    return toRoundResponse(await this.contests.addRound(id, dto), this.clock.now());
  }

  @RequireRoles('organizer')
  @Post(':id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.publish(user, id));
  }

  @RequireRoles('organizer')
  @Post(':id/finish')
  @HttpCode(200)
  async finish(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ContestResponse> {
    return this.map(await this.contests.finish(user, id));
  }
}
