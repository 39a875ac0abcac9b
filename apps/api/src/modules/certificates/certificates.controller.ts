import { createReadStream } from 'node:fs';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { CertificateBatchListResponse, CertificateBatchResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { sendFile } from '../../common/http/send-file.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ManagersOnly } from '../contests/contest-access.js';
import type { CertificateBatchEntity } from './certificate-batch.entity.js';
import { CertificatesService } from './certificates.service.js';

export class StartCertificateBatchDto {
  /** How many of the first ranks are winners (0: participation certificates only). */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  winners!: number;
}

const toBatchResponse = (batch: CertificateBatchEntity): CertificateBatchResponse => ({
  id: batch.id,
  roundId: batch.roundId,
  winners: batch.winners,
  status: batch.status,
  total: batch.total,
  done: batch.done,
  createdAt: batch.createdAt.toISOString(),
  finishedAt: batch.finishedAt?.toISOString() ?? null,
});

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('rounds')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The caller's own certificate of a closed quiz round they took part in (PDF). */
  @Get(':id/certificate')
  async mine(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { pdf, filename } = await this.certificates.mine(user, id);
    await sendFile(reply, Buffer.from(pdf), 'application/pdf', filename);
  }

  /** Starts writing every participant's certificate into one zip (202); poll the batch for progress. */
  @ManagersOnly('round')
  @Post(':id/certificate-batches')
  @HttpCode(202)
  async start(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: StartCertificateBatchDto): Promise<CertificateBatchResponse> {
    return toBatchResponse(await this.certificates.startBatch(user, id, dto.winners));
  }

  @ManagersOnly('round')
  @Get(':id/certificate-batches')
  async list(@Param('id', ParseUuid) id: string): Promise<CertificateBatchListResponse> {
    return { items: (await this.certificates.batches(id)).map(toBatchResponse) };
  }

  @ManagersOnly('round')
  @Get(':id/certificate-batches/:batchId')
  async get(@Param('id', ParseUuid) id: string, @Param('batchId', ParseUuid) batchId: string): Promise<CertificateBatchResponse> {
    return toBatchResponse(await this.certificates.batch(id, batchId));
  }

  /** The finished zip (streamed from disk: it can be large). */
  @ManagersOnly('round')
  @Get(':id/certificate-batches/:batchId/file')
  async file(@Param('id', ParseUuid) id: string, @Param('batchId', ParseUuid) batchId: string, @Res() reply: FastifyReply): Promise<void> {
    const path = await this.certificates.batchFile(id, batchId);
    await reply
      .header('content-type', 'application/zip')
      .header('content-disposition', 'attachment; filename="chung-nhan.zip"')
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  }
}
