import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UnitResponse } from '@hoi-thi/contracts';
import { Public, RequireRoles } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { toUnitResponse } from './unit.mapper.js';
import { UnitsService } from './units.service.js';

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
}
