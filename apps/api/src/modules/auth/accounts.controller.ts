import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ResetPasswordResponse, UserAdminResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequireRoles } from '../../common/auth/decorators.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { toUserAdminResponse } from '../users/user.mapper.js';
import { AuthService } from './auth.service.js';
import { UpdateUserDto } from './dto/auth.dto.js';

/** An admin's hold on another account's credentials and sessions (the users module owns the rest of `/api/users`). */
@ApiTags('users')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('users')
export class AccountsController {
  constructor(private readonly auth: AuthService) {}

  @Post(':id/reset-password')
  @HttpCode(200)
  async resetPassword(@CurrentUser() actor: AuthUser, @Param('id', ParseUuid) id: string): Promise<ResetPasswordResponse> {
    return { temporaryPassword: await this.auth.resetPassword(actor, id) };
  }

  @Patch(':id')
  async update(@CurrentUser() actor: AuthUser, @Param('id', ParseUuid) id: string, @Body() dto: UpdateUserDto): Promise<UserAdminResponse> {
    if (dto.active === undefined) return toUserAdminResponse(await this.auth.userById(id));
    return toUserAdminResponse(await this.auth.setActive(actor, id, dto.active));
  }
}
