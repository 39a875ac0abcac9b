import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ManagersOnly } from '../contests/contest-access.js';
import { ResultsBundleService } from './results-bundle.service.js';

@ApiTags('analytics')
@Controller('rounds')
export class ResultsBundleController {
  constructor(private readonly bundles: ResultsBundleService) {}

  /**
   * The verifiable results of a closed quiz round: a zip of results.csv, attempts.jsonl,
   * questions.jsonl, round.json and SHA256SUMS (check it with `npm run verify-results -- <file>`).
   */
  @ManagersOnly('round')
  @Get(':id/results-bundle')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The results bundle (zip), streamed', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ description: 'RESULTS.ROUND_NOT_CLOSED: the round has not been closed yet; ROUND.NOT_QUIZ: an essay round' })
  async bundle(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { stream, filename } = await this.bundles.bundle(user, id);
    await reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
