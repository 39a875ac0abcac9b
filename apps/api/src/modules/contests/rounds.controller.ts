import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CloseRoundResponse, RoundResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ManagersOnly } from './contest-access.js';
import { toRoundResponse } from './contest.mapper.js';
import { ContestsService } from './contests.service.js';
import { CloseRoundDto, UpdateRoundDto } from './dto/contest.dto.js';
import { RoundCloseService } from './round-close.service.js';

/** A round's own settings and its close (the contests module owns rounds; playing them is the attempts module's). */
@ApiTags('rounds')
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly contests: ContestsService,
    private readonly closing: RoundCloseService,
    private readonly clock: Clock,
  ) {}

  @ManagersOnly('round')
  @Patch(':id')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: UpdateRoundDto): Promise<RoundResponse> {
    return toRoundResponse(await this.contests.updateRound(user, id, dto), this.clock.now());
  }

  @ManagersOnly('round')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<void> {
    await this.contests.deleteRound(user, id);
  }

  @ManagersOnly('round')
  @Post(':id/close')
  @HttpCode(200)
  async close(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: CloseRoundDto): Promise<CloseRoundResponse> {
    const { round, participants } = await this.closing.close(user, id, dto.actualValue);
    await this.closing.announceClosed(id);
    return { id: round.id, status: 'closed', actualValue: round.actualValue, closedAt: round.closedAt!.toISOString(), participants };
  }
}
