import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthResponse, RegistrationSettingsResponse } from '@hoi-thi/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import type { AccessTokenPayload } from '../../common/auth/access-tokens.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { RateLimiter, retryAfterSeconds } from '../../common/rate-limit/rate-limiter.js';
import { toUserResponse } from '../users/user.mapper.js';
import type { UserEntity } from '../users/user.entity.js';
import { normalizeEmail, UsersService } from '../users/users.service.js';
import type { RegisterDto } from './dto/auth.dto.js';
import { PasswordHasher } from './password-hasher.js';

const MINUTE = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly limiter: RateLimiter,
  ) {}

  /** What the sign-up form must ask for (public). */
  registrationSettings(): RegistrationSettingsResponse {
    return { phoneRequired: this.config.registerRequirePhone };
  }

  /**
   * Registrations per client address per minute (a whole office may share one address). The phone,
   * when given, is stored normalized and must be free (409 AUTH.PHONE_TAKEN). REGISTER_REQUIRE_PHONE
   * makes it required: a 400 naming `phone` like any missing field, before the rate limit counts the
   * attempt (bad input from the DTO does not count either).
   */
  async register(dto: RegisterDto, clientAddress: string): Promise<AuthResponse> {
    if (dto.phone == null && this.config.registerRequirePhone) throw DomainError.invalidField('phone', 'isDefined');
    const window = await this.limiter.hit(`register:${clientAddress}`, MINUTE);
    if (window.count > this.config.registerRateLimit) throw new RateLimitedError(retryAfterSeconds(window));
    const user = await this.users.create({
      fullName: dto.fullName,
      email: dto.email,
      passwordHash: await this.hasher.hash(dto.password),
      unitId: dto.unitId,
      phone: dto.phone ?? null,
    });
    return this.issue(user);
  }

  /**
   * Checks a password. Attempts are counted per account (not per address) before the password is
   * checked, atomically, so a burst of parallel guesses cannot slip past LOGIN_FAILURE_LIMIT; a
   * success clears the count, so in effect only failures within a minute are counted.
   */
  async validateCredentials(email: string, password: string): Promise<UserEntity> {
    const key = `login-failures:${normalizeEmail(email)}`;
    const window = await this.limiter.hit(key, MINUTE);
    if (window.count > this.config.loginFailureLimit) throw new RateLimitedError(retryAfterSeconds(window));
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw new DomainError('AUTH.INVALID_CREDENTIALS');
    await this.limiter.reset(key);
    // An account hashed with older parameters gets the current ones now that the password is known.
    if (this.hasher.needsRehash(user.passwordHash)) {
      user.passwordHash = await this.hasher.hash(password);
      await this.users.replacePasswordHash(user.id, user.passwordHash);
    }
    return user;
  }

  issue(user: UserEntity): AuthResponse {
    const payload: AccessTokenPayload = { sub: user.id, unitId: user.unitId, roles: user.roles };
    return { accessToken: this.jwt.sign(payload), user: toUserResponse(user) };
  }

  async me(caller: AuthUser): Promise<UserEntity> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new DomainError('AUTH.TOKEN_INVALID');
    return user;
  }
}
