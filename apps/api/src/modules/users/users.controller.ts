import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DuplicateGroupResponse, Page, UserAdminResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequireRoles } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { ListDuplicatesQuery, ListJudgesQuery, ListUsersQuery, UpdateRolesDto } from './dto/users.dto.js';
import { toDuplicateGroupResponse, toUserAdminResponse } from './user.mapper.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@Query() query: ListUsersQuery): Promise<Page<UserAdminResponse>> {
    const [users, total] = await this.users.search(query);
    return { items: users.map(toUserAdminResponse), total };
  }

  /** Accounts with the judge role, for the organizers who assign essay judges (admins see every account above). */
  @Get('judges')
  @RequireRoles('organizer')
  async judges(@Query() query: ListJudgesQuery): Promise<Page<UserAdminResponse>> {
    const [users, total] = await this.users.search({ ...query, role: 'judge' });
    return { items: users.map(toUserAdminResponse), total };
  }

  /** Accounts with the organizer role, for a contest's managers picking more managers. */
  @Get('organizers')
  @RequireRoles('organizer')
  async organizers(@Query() query: ListJudgesQuery): Promise<Page<UserAdminResponse>> {
    const [users, total] = await this.users.search({ ...query, role: 'organizer' });
    return { items: users.map(toUserAdminResponse), total };
  }

  /**
   * Accounts that look like the same person (same number, same name in a unit, numbers one digit
   * apart in a unit), for the organizers to look into: a list, nothing is done to the accounts.
   */
  @Get('duplicates')
  @RequireRoles('organizer')
  async duplicates(@Query() query: ListDuplicatesQuery): Promise<Page<DuplicateGroupResponse>> {
    const { groups, total } = await this.users.duplicates(query);
    return { items: groups.map(toDuplicateGroupResponse), total };
  }

  @Put(':id/roles')
  async setRoles(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUuid) id: string,
    @Body() dto: UpdateRolesDto,
  ): Promise<UserAdminResponse> {
    return toUserAdminResponse(await this.users.setRoles(actor, id, dto.roles));
  }
}
