import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntryResponse, Page } from '@hoi-thi/contracts';
import { RequireRoles } from '../../common/auth/decorators.js';
import { UsersService } from '../users/users.service.js';
import { ListAuditQuery } from './dto/audit.dto.js';
import { toAuditEntryResponse } from './audit.mapper.js';
import { AuditService } from './audit.service.js';

/** The audit log, for admins only; read-only: there is no route that changes or deletes an entry. */
@ApiTags('audit')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const [entries, total] = await this.audit.search(query);
    const actors = await this.users.profiles(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])));
    return { items: entries.map((entry) => toAuditEntryResponse(entry, entry.actorId ? (actors.get(entry.actorId)?.fullName ?? null) : null)), total };
  }
}
