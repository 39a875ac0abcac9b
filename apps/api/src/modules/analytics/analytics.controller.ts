import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { ContestParticipationResponse, ItemAnalysisResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../common/http/send-file.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ManagersOnly } from '../contests/contest-access.js';
import { toItemAnalysisResponse, toParticipationResponse } from './analytics.mapper.js';
import { AnalyticsService } from './analytics.service.js';
import { writeParticipationXlsx } from './participation-export.js';

export class ParticipationQuery {
  /** `xlsx`: the same as a spreadsheet; absent: JSON. */
  @IsOptional()
  @IsIn(['xlsx'])
  format?: 'xlsx';
}

@ApiTags('analytics')
@Controller('contests')
export class ContestAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Participation by unit and quiz round, rolled up the unit tree (the organizers' dashboard). */
  @ManagersOnly('contest')
  @Get(':id/participation')
  async participation(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuid) id: string,
    @Query() query: ParticipationQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await this.analytics.participation(user, id);
    if (query.format === 'xlsx') {
      await sendFile(reply, await writeParticipationXlsx(view), XLSX_CONTENT_TYPE, 'tham-gia-theo-don-vi.xlsx');
      return;
    }
    const response: ContestParticipationResponse = toParticipationResponse(view);
    await reply.header('cache-control', 'no-store').send(response);
  }
}

@ApiTags('analytics')
@Controller('rounds')
export class RoundAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Facility, discrimination, distractors, alpha and flags of the round's questions, live or after close. */
  @ManagersOnly('round')
  @Get(':id/item-analysis')
  async itemAnalysis(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ItemAnalysisResponse> {
    return toItemAnalysisResponse(await this.analytics.itemAnalysis(user, id));
  }
}
