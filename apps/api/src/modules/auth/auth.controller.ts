import { Body, Controller, Get, HttpCode, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthResponse, RefreshResponse, RegistrationSettingsResponse, UserResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AllowTemporaryPassword, CurrentUser, Public } from '../../common/auth/decorators.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { UserEntity } from '../users/user.entity.js';
import { toUserResponse } from '../users/user.mapper.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto, UpdateProfileDto } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { RefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  /** Whether the sign-up form must ask for a phone (REGISTER_REQUIRE_PHONE). */
  @Public()
  @Get('registration-settings')
  registrationSettings(): RegistrationSettingsResponse {
    return this.auth.registrationSettings();
  }

  @Public()
  @Post('register')
  async register(@Body() dto: RegisterDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponse> {
    const response = await this.auth.register(dto, request.ip);
    this.cookie.set(reply, response.refreshToken);
    return response;
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @HttpCode(200)
  @Post('login')
  async login(@Req() request: FastifyRequest & { user: UserEntity }, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponse> {
    // LocalAuthGuard put the verified user entity on the request.
    const response = await this.auth.signIn(request.user);
    this.cookie.set(reply, response.refreshToken);
    return response;
  }

  /**
   * A new token pair for a refresh token, which is spent (a second use ends the session). The token
   * comes in the body, or (web client) in the refresh cookie; the new one goes back the same way: a
   * refresh by cookie gets it only as a cookie, so a script in the page never holds one.
   */
  @Public()
  @HttpCode(200)
  @Post('refresh')
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshResponse> {
    const presented = this.cookie.read(request, dto.refreshToken);
    // Neither in the body nor as a cookie: the missing field API.md's clients are told about.
    if (!presented) throw DomainError.invalidField('refreshToken', 'isDefined');
    try {
      const { refreshToken, ...rest } = await this.auth.refresh(presented.token);
      this.cookie.set(reply, refreshToken);
      return presented.source === 'body' ? { ...rest, refreshToken } : rest;
    } catch (error) {
      // A refused cookie would be refused forever: drop it (the client signs in again). A 503 keeps it.
      if (presented.source === 'cookie' && error instanceof DomainError && error.code.startsWith('AUTH.')) this.cookie.clear(reply);
      throw error;
    }
  }

  /** Ends this device's session (the body's token or the cookie's); works with an expired access token (it needs none). */
  @Public()
  @HttpCode(204)
  @Post('logout')
  async logout(@Body() dto: RefreshDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const presented = this.cookie.read(request, dto.refreshToken);
    this.cookie.clear(reply);
    if (presented) await this.auth.logout(presented.token);
  }

  @ApiBearerAuth()
  @AllowTemporaryPassword()
  @HttpCode(204)
  @Post('logout-all')
  async logoutAll(@CurrentUser() caller: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutAll(caller);
    this.cookie.clear(reply);
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
