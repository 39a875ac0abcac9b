import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EssayResultsResponse, PublicEssayResultsResponse, ShortlistResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../common/http/send-file.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { EssayResultsQuery, PublishEssayResultsDto, ShortlistDto } from './dto/essay.dto.js';
import { writeEssayResultsXlsx } from './essay-results-export.js';
import { EssayResultsService } from './essay-results.service.js';
import { toEssayResultsResponse, toPublicEssayResultsResponse, toShortlistResponse } from './essay.mapper.js';
import { ManagersOnly } from '../contests/contest-access.js';

@ApiTags('essays')
@Controller('rounds')
export class EssayResultsController {
  constructor(private readonly essayResults: EssayResultsService) {}

  @ManagersOnly('round')
  @Get(':id/essay-results')
  async results(@Param('id', ParseUuid) id: string, @Query() query: EssayResultsQuery): Promise<EssayResultsResponse> {
    return toEssayResultsResponse(await this.essayResults.results(id, query.normalize));
  }

  @ManagersOnly('round')
  @Get(':id/essay-results/export')
  async export(@Param('id', ParseUuid) id: string, @Query() query: EssayResultsQuery, @Res() reply: FastifyReply): Promise<void> {
    const results = await this.essayResults.results(id, query.normalize);
    await sendFile(reply, await writeEssayResultsXlsx(results), XLSX_CONTENT_TYPE, `ket-qua-bai-du-thi-${results.round.position}.xlsx`);
  }

  @ManagersOnly('round')
  @Post(':id/essay-results/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: PublishEssayResultsDto) {
    const state = await this.essayResults.publish(user, id, dto.normalize);
    return { roundId: id, publishedAt: state.resultsPublishedAt!.toISOString(), normalize: state.publishedNormalize! };
  }

  /** Published results, for everyone once the contest is public: no entry codes, no judges, no email, no phone. */
  @Public()
  @Get(':id/essay-results/public')
  async publicResults(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string): Promise<PublicEssayResultsResponse> {
    return toPublicEssayResultsResponse(await this.essayResults.publicResults(caller, id));
  }

  /** Sơ khảo → chung khảo: the best entries of this round go on to a final round of the same contest. */
  @ManagersOnly('round')
  @Post(':id/shortlist')
  @HttpCode(200)
  async shortlist(@Param('id', ParseUuid) id: string, @Body() dto: ShortlistDto): Promise<ShortlistResponse> {
    return toShortlistResponse(await this.essayResults.shortlist(id, dto));
  }
}
