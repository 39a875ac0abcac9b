import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AttemptResponse,
  AttemptReviewResponse,
  AttemptSummary,
  ParticipationResponse,
  RegradeResponse,
  RoundDetailResponse,
  RoundPreviewResponse,
  SaveAnswerResponse,
  StartWaitingResponse,
  SubmitResponse,
} from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { toAttemptResponse, toAttemptSummary, toPreviewResponse, toReviewResponse, toRoundDetail, toSubmitResponse } from './attempt.mapper.js';
import { StartAdmission } from './admission/start-admission.js';
import { StartWaitingDto } from './admission/start-waiting.dto.js';
import { AttemptsService } from './attempts.service.js';
import { RegradeDto, SaveAnswerDto, SavePredictionDto, SubmitAttemptDto } from './dto/attempt.dto.js';
import { RegradeService } from './regrade.service.js';
import { ManagersOnly } from '../contests/contest-access.js';

export class ParticipationQuery {
  @IsOptional()
  @IsIn(['hour', 'day'])
  bucket: 'hour' | 'day' = 'hour';
}

@ApiTags('rounds')
@Controller('rounds')
export class RoundPlayController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly regrades: RegradeService,
    private readonly clock: Clock,
    private readonly admission: StartAdmission,
  ) {}

  /** The round page: rules, window and, for a signed-in member, attempts left and best attempt. */
  @Public()
  @Get(':id')
  async get(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string): Promise<RoundDetailResponse> {
    return toRoundDetail(await this.attempts.roundState(caller, id), this.clock.now());
  }

  /** Starts an attempt (201), or over the admission rate says where the member waits (202, no clock running). */
  @Post(':id/attempts')
  @ApiCreatedResponse({ description: 'The attempt, started now. 409 ATTEMPT.ACTIVE_EXISTS carries the attempt to resume.' })
  @ApiAcceptedResponse({ description: 'Queued by admission control: retry after retryAfterMs (also in Retry-After, seconds).', type: StartWaitingDto })
  async start(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-request-start') requestStart?: string,
  ): Promise<AttemptResponse | StartWaitingResponse> {
    const waiting = await this.admission.admit(user, id, requestStart);
    if (waiting) {
      void reply.status(202).header('Retry-After', String(Math.ceil(waiting.retryAfterMs / 1000)));
      return waiting;
    }
    return toAttemptResponse(await this.attempts.start(user, id), this.clock.now());
  }

  @Get(':id/attempts/mine')
  async mine(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<{ items: AttemptSummary[]; total: number }> {
    const { attempts, bestAttemptId } = await this.attempts.mine(user, id);
    return { items: attempts.map((a) => toAttemptSummary(a, bestAttemptId)), total: attempts.length };
  }

  /** A paper with its key for the contest's managers; nothing is recorded. */
  @ManagersOnly('round')
  @Post(':id/preview')
  @HttpCode(200)
  async preview(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<RoundPreviewResponse> {
    return toPreviewResponse(await this.attempts.preview(user, id));
  }

  @ManagersOnly('round')
  @Post(':id/regrade')
  @HttpCode(200)
  regrade(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: RegradeDto): Promise<RegradeResponse> {
    return this.regrades.regrade(user, id, dto);
  }

  /** Live participation for the organizers: totals and attempts started/finished per hour (or day). */
  @ManagersOnly('round')
  @Get(':id/participation')
  async participation(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Query() query: ParticipationQuery): Promise<ParticipationResponse> {
    const { timeline, totals } = await this.attempts.participation(user, id, query.bucket);
    return { roundId: id, bucket: query.bucket, ...totals, timeline: timeline.map((b) => ({ at: new Date(b.at).toISOString(), started: b.started, finished: b.finished })) };
  }

  @ManagersOnly('round')
  @Get(':id/regrades')
  async regradeLog(@Param('id', ParseUuid) id: string) {
    return { items: await this.regrades.log(id) };
  }
}

@ApiTags('attempts')
@Controller('attempts')
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<AttemptResponse> {
    return toAttemptResponse(await this.attempts.get(user, id), this.clock.now());
  }

  @Put(':id/answers/:questionId')
  async save(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUuid) id: string,
    @Param('questionId', ParseUuid) questionId: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<SaveAnswerResponse> {
    const saved = await this.attempts.save(user, id, questionId, dto.optionIds);
    return { questionId, savedAt: saved.savedAt.toISOString(), revision: saved.revision };
  }

  @Put(':id/prediction')
  async savePrediction(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: SavePredictionDto) {
    const saved = await this.attempts.savePrediction(user, id, dto.prediction);
    return { prediction: saved.prediction, savedAt: saved.savedAt.toISOString() };
  }

  @Post(':id/submit')
  @HttpCode(200)
  async submit(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: SubmitAttemptDto): Promise<SubmitResponse> {
    return toSubmitResponse(await this.attempts.submit(user, id, dto.prediction));
  }

  @Get(':id/review')
  async review(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<AttemptReviewResponse> {
    return toReviewResponse(await this.attempts.review(user, id));
  }
}
