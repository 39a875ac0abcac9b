import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { HistoryResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { PaginationQuery } from '../../common/pagination.js';
import { LeaderboardsService } from './leaderboards.service.js';

/** What the signed-in member has done, across contests. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly boards: LeaderboardsService) {}

  @Get('history')
  async history(@CurrentUser() user: AuthUser, @Query() query: PaginationQuery): Promise<HistoryResponse> {
    const { items, total } = await this.boards.history(user, query.limit, query.offset);
    return {
      total,
      items: items.map(({ attempt, round, contest, rank }) => ({
        contestId: contest.id,
        contestTitle: contest.title,
        roundId: round.id,
        roundTitle: round.title,
        attemptId: attempt.id,
        status: attempt.status,
        score: attempt.score,
        maxScore: attempt.maxScore,
        durationMs: attempt.durationMs,
        submittedAt: attempt.submittedAt?.toISOString() ?? null,
        rank,
      })),
    };
  }
}
