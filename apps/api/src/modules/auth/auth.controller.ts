import { Body, Controller, Get, HttpCode, Patch, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthResponse, RefreshResponse, RegistrationSettingsResponse, UserResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AllowTemporaryPassword, CurrentUser, Public } from '../../common/auth/decorators.js';
import type { UserEntity } from '../users/user.entity.js';
import { toUserResponse } from '../users/user.mapper.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto, UpdateProfileDto } from './dto/auth.dto.js';
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
  login(@Req() request: FastifyRequest & { user: UserEntity }): Promise<AuthResponse> {
    // LocalAuthGuard put the verified user entity on the request.
    return this.auth.signIn(request.user);
  }

  /** A new token pair for a refresh token, which is spent (a second use ends the session). */
  @Public()
  @HttpCode(200)
  @Post('refresh')
  refresh(@Body() dto: RefreshDto): Promise<RefreshResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Ends this device's session; works with an expired access token (it needs none). */
  @Public()
  @HttpCode(204)
  @Post('logout')
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @ApiBearerAuth()
  @AllowTemporaryPassword()
  @HttpCode(204)
  @Post('logout-all')
  async logoutAll(@CurrentUser() caller: AuthUser): Promise<void> {
    await this.auth.logoutAll(caller);
  }

  @ApiBearerAuth()
  @AllowTemporaryPassword()
  @HttpCode(204)
  @Put('password')
  async changePassword(@CurrentUser() caller: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(caller, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @AllowTemporaryPassword()
  @Get('me')
  async me(@CurrentUser() caller: AuthUser): Promise<UserResponse> {
    return toUserResponse(await this.auth.me(caller));
  }

  @ApiBearerAuth()
  @AllowTemporaryPassword()
  @Patch('me')
  async updateMe(@CurrentUser() caller: AuthUser, @Body() dto: UpdateProfileDto): Promise<UserResponse> {
    return toUserResponse(await this.auth.updateProfile(caller, dto));
  }
}
