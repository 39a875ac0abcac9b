import { sendFile, XLSX_CONTENT_TYPE } from '../../common/http/send-file.js';
import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { type ExportFormat, ExportFormats, type ImportResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequireRoles } from '../../common/auth/decorators.js';
import { Lang } from '../../common/i18n/language.decorator.js';
import type { Language } from '../../common/i18n/language.js';
import { readImportForm } from './import-form.js';
import { toImportResponse } from './import-report.mapper.js';
import { QuestionExportService } from './question-export.service.js';
import { QuestionImportService } from './question-import.service.js';
import { QuestionBankErrors } from './question-bank.errors.js';

export class ExportQuery {
  @IsIn(ExportFormats)
  format!: ExportFormat;

  @IsOptional()
  @IsUUID()
  topicId?: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: XLSX_CONTENT_TYPE,
  gift: 'text/plain; charset=utf-8',
  aiken: 'text/plain; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { xlsx: 'xlsx', gift: 'gift.txt', aiken: 'aiken.txt' };

/** Files in and out of the question bank: import (xlsx, csv, GIFT, Aiken), export, the template. */
@ApiTags('question bank')
@ApiBearerAuth()
@RequireRoles('organizer')
@Controller('questions')
export class QuestionTransferController {
  constructor(
    private readonly importer: QuestionImportService,
    private readonly exporter: QuestionExportService,
  ) {}

  /** multipart: `file`, `format` (xlsx|csv|gift|aiken), `topicId`, `dryRun`, `allowDuplicates`. */
  @ApiConsumes('multipart/form-data')
  @Post('import')
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Lang() language: Language, @Res({ passthrough: true }) reply: FastifyReply): Promise<ImportResponse> {
    const form = await readImportForm(request);
    const report = await this.importer.import(user.id, form);
    const response = toImportResponse(report, language);
    if (report.errors.length && !form.dryRun) {
      throw QuestionBankErrors.error('IMPORT.INVALID', { count: report.errors.length }, undefined, { ...response });
    }
    void reply.status(form.dryRun ? 200 : 201);
    return response;
  }

  @Get('import-template')
  async template(@Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.exporter.template(), CONTENT_TYPES.xlsx, 'mau-nhap-cau-hoi.xlsx');
  }

  @Get('export')
  async export(@Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.exporter.export(query.format, query.topicId);
    if (!file) throw QuestionBankErrors.error('TOPIC.NOT_FOUND');
    await sendFile(reply, file, CONTENT_TYPES[query.format], `ngan-hang-cau-hoi.${EXTENSIONS[query.format]}`);
  }
}
