import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UnitImportResponse, UnitResponse } from '@hoi-thi/contracts';
import { Lang } from '../../common/i18n/language.decorator.js';
import type { Language } from '../../common/i18n/language.js';
import { translate } from '../../common/i18n/messages.js';
import { readUnitImportForm } from './unit-import.js';
import { Public, RequireRoles } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { toUnitResponse } from './unit.mapper.js';
import { UnitsService } from './units.service.js';
import { UnitErrors } from './units.errors.js';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** The whole unit tree as a flat list (parentId links), for registration and reports. */
  @Public()
  @Get()
  async list(): Promise<UnitResponse[]> {
    return (await this.units.list()).map(toUnitResponse);
  }

  @ApiBearerAuth()
  @RequireRoles('organizer')
  @Post()
  async create(@Body() dto: CreateUnitDto): Promise<UnitResponse> {
    return toUnitResponse(await this.units.create(dto));
  }

  @ApiBearerAuth()
  @RequireRoles('organizer')
  @Patch(':id')
  async update(@Param('id', ParseUuid) id: string, @Body() dto: UpdateUnitDto): Promise<UnitResponse> {
    return toUnitResponse(await this.units.update(id, dto));
  }

  @ApiBearerAuth()
  @RequireRoles('organizer')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUuid) id: string): Promise<void> {
    await this.units.remove(id);
  }

  /** multipart: `file` (xlsx or csv: Tên đơn vị, Đơn vị cấp trên, Số đoàn viên), `dryRun`. All or nothing. */
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @RequireRoles('organizer')
  @Post('import')
  async import(@Req() request: FastifyRequest, @Lang() language: Language, @Res({ passthrough: true }) reply: FastifyReply): Promise<UnitImportResponse> {
    const form = await readUnitImportForm(request);
    const { created, updated, issues } = await this.units.import(form, language);
    const response: UnitImportResponse = {
      dryRun: form.dryRun,
      created,
      updated,
      errors: issues.map((issue) => ({
        line: issue.line,
        ...(issue.column !== undefined ? { column: issue.column } : {}),
        message: issue.message ?? translate(language, issue.code!, issue.params) ?? issue.code!,
      })),
    };
    if (response.errors.length && !form.dryRun) throw UnitErrors.error('UNIT_IMPORT.INVALID', { count: response.errors.length }, undefined, { ...response });
    void reply.status(form.dryRun ? 200 : 201);
    return response;
  }
}
