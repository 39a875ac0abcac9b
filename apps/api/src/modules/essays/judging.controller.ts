import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AssignJudgesResponse,
  AssignmentSummary,
  ConflictResponse,
  JudgeAssignmentResponse,
  JudgingLockResponse,
  JudgingStatusResponse,
} from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequireRoles } from '../../common/auth/decorators.js';
import { sendFile } from '../../common/http/send-file.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ATTACHMENT_CONTENT_TYPES } from './attachments/attachment-content.js';
import { AssignJudgesDto, EssaySettingsDto, JudgeAssignmentsQuery, ScoreAssignmentDto } from './dto/essay.dto.js';
import { toAssignResponse, toAssignmentSummary, toJudgeAssignmentResponse, toJudgingStatusResponse } from './essay.mapper.js';
import { JudgingService } from './judging.service.js';
import { ManagersOnly } from '../contests/contest-access.js';

/** The organizers' side of judging a round: the contest's managers (and admins) only. */
@ApiTags('essays')
@Controller('rounds')
export class RoundJudgingController {
  constructor(private readonly judging: JudgingService) {}

  @ManagersOnly('round')
  @Post(':id/assignments')
  async assign(@Param('id', ParseUuid) id: string, @Body() dto: AssignJudgesDto): Promise<AssignJudgesResponse> {
    return toAssignResponse(await this.judging.assign(id, dto.judgeIds, dto.seed));
  }

  @ManagersOnly('round')
  @Get(':id/assignments')
  async assignments(@Param('id', ParseUuid) id: string): Promise<{ items: AssignmentSummary[]; total: number }> {
    const rows = await this.judging.assignments(id);
    return { items: rows.map(toAssignmentSummary), total: rows.length };
  }

  @ManagersOnly('round')
  @Get(':id/judging')
  async status(@Param('id', ParseUuid) id: string): Promise<JudgingStatusResponse> {
    return toJudgingStatusResponse(await this.judging.status(id));
  }

  /** Normalisation and the discrepancy threshold of the round, until its results are published. */
  @ManagersOnly('round')
  @Put(':id/essay-settings')
  async settings(@Param('id', ParseUuid) id: string, @Body() dto: EssaySettingsDto): Promise<JudgingStatusResponse> {
    return toJudgingStatusResponse(await this.judging.updateSettings(id, dto));
  }

  @ManagersOnly('round')
  @Post(':id/judging/lock')
  @HttpCode(200)
  async lock(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<JudgingLockResponse> {
    const { lockedAt, counts } = await this.judging.lock(user, id);
    return { roundId: id, lockedAt: lockedAt.toISOString(), scored: counts.scored, pending: counts.pending };
  }
}

/** A flagged entry gets one further judge (organizer). */
@ApiTags('essays')
@RequireRoles('organizer')
@Controller('entries')
export class EntryJudgingController {
  constructor(private readonly judging: JudgingService) {}

  @Post(':id/extra-judge')
  async extraJudge(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<AssignmentSummary> {
    return toAssignmentSummary(await this.judging.addExtraJudge(user, id));
  }
}

/** The judges' side: blind, by entry code. */
@ApiTags('judging')
@RequireRoles('judge')
@Controller('judging')
export class JudgingController {
  constructor(private readonly judging: JudgingService) {}

  @Get('assignments')
  async list(@CurrentUser() user: AuthUser, @Query() query: JudgeAssignmentsQuery): Promise<JudgeAssignmentResponse[]> {
    return (await this.judging.judgeAssignments(user, query.roundId)).map(toJudgeAssignmentResponse);
  }

  @Get('assignments/:id')
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<JudgeAssignmentResponse> {
    return toJudgeAssignmentResponse(await this.judging.judgeAssignment(user, id));
  }

  @Put('assignments/:id')
  async score(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: ScoreAssignmentDto): Promise<JudgeAssignmentResponse> {
    return toJudgeAssignmentResponse(await this.judging.score(user, id, dto.scores, dto.comment));
  }

  /** The judge knows the author or is otherwise not neutral: the entry moves to another judge. */
  @Post('assignments/:id/conflict')
  @HttpCode(200)
  async conflict(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<ConflictResponse> {
    const assignment = await this.judging.declareConflict(user, id);
    return { id: assignment.id, status: 'conflict' };
  }

  /** The attachment with the author's metadata removed, named by the entry code. */
  @Get('assignments/:id/attachment')
  async attachment(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { file, kind, code } = await this.judging.judgeAttachment(user, id);
    await sendFile(reply, file, ATTACHMENT_CONTENT_TYPES[kind], `${code}.${kind}`);
  }
}
