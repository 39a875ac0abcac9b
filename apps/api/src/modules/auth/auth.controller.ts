import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthResponse, RegistrationSettingsResponse, UserResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import type { UserEntity } from '../users/user.entity.js';
import { toUserResponse } from '../users/user.mapper.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RegisterDto } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Whether the sign-up form must ask for a phone (REGISTER_REQUIRE_PHONE). */
  @Public()
  @Get('registration-settings')
  registrationSettings(): RegistrationSettingsResponse {
    return this.auth.registrationSettings();
  }

  @Public()
  @Post('register')
  register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<AuthResponse> {
    return this.auth.register(dto, request.ip);
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @HttpCode(200)
  @Post('login')
  login(@Req() request: FastifyRequest & { user: UserEntity }): AuthResponse {
    // LocalAuthGuard put the verified user entity on the request.
    return this.auth.issue(request.user);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() caller: AuthUser): Promise<UserResponse> {
    return toUserResponse(await this.auth.me(caller));
  }
}
