import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthResponse, RefreshResponse, RegistrationSettingsResponse } from '@hoi-thi/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import type { AccessTokenPayload } from '../../common/auth/access-tokens.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { RateLimiter, retryAfterSeconds } from '../../common/rate-limit/rate-limiter.js';
import { UUID } from '../../common/parse-uuid.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { toUserResponse } from '../users/user.mapper.js';
import type { UserEntity } from '../users/user.entity.js';
import { UserErrors } from '../users/users.errors.js';
import { normalizeEmail, UsersService } from '../users/users.service.js';
import { AuthErrors } from './auth.errors.js';
import type { RegisterDto } from './dto/auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { RevocationWatcher } from './revocation-watcher.js';
import { SessionsRepository } from './sessions.repository.js';

const MINUTE = 60_000;
const DAY = 24 * 3600_000;
/** Letters and digits nobody misreads when an admin reads a temporary password aloud (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const TEMPORARY_LENGTH = 12;

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** `<session id>.<secret>` → its parts, or null for anything else. */
function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const dot = token.indexOf('.');
  const sessionId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (dot < 0 || !UUID.test(sessionId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { sessionId: sessionId.toLowerCase(), secret };
}

/**
 * Sign-in and sessions (API.md "Sessions and accounts"). A sign-in opens a session (one device)
 * with a refresh token; each refresh spends it and hands out a new one (rotation), so a stolen
 * token replayed after its owner refreshed — or the owner's after the thief did — ends the whole
 * session for both. Access tokens are short and carry the session and the account's token version,
 * which the RevocationWatcher checks on every replica.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly limiter: RateLimiter,
    private readonly sessions: SessionsRepository,
    private readonly revocations: RevocationWatcher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
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
    return this.signIn(user);
  }

  /**
   * Checks a password. Attempts are counted per account (not per address) before the password is
   * checked, atomically, so a burst of parallel guesses cannot slip past LOGIN_FAILURE_LIMIT; a
   * success clears the count, so in effect only failures within a minute are counted. A deactivated
   * account is told so only once the password is right (it says nothing to someone guessing).
   */
  async validateCredentials(email: string, password: string, clientAddress: string): Promise<UserEntity> {
    // Failures per address too, with a high limit (an office shares one address): one machine trying
    // many accounts is stopped before it costs a hash each. Only failures count.
    const addressKey = `login-failures-address:${clientAddress}`;
    const address = await this.limiter.peek(addressKey);
    if (address.count >= this.config.loginAddressFailureLimit) throw new RateLimitedError(retryAfterSeconds(address));
    try {
      const user = await this.checkPassword(email, password, 'AUTH.INVALID_CREDENTIALS');
      if (!user.active) throw AuthErrors.error('AUTH.ACCOUNT_DISABLED');
      return user;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'AUTH.INVALID_CREDENTIALS') await this.limiter.hit(addressKey, MINUTE);
      throw error;
    }
  }

  /** A new session for a verified user: the access token, the refresh token, and the user. */
  async signIn(user: UserEntity): Promise<AuthResponse> {
    const secret = randomBytes(32).toString('base64url');
    const sessionId = await this.sessions.create(user.id, hashSecret(secret), this.refreshExpiry());
    return {
      ...this.tokens(user, sessionId, secret),
      mustChangePassword: user.mustChangePassword,
      user: toUserResponse(user),
    };
  }

  /**
   * Spends a refresh token for a new pair. Unknown or malformed → AUTH.TOKEN_INVALID; a session
   * ended (logout, reset, replay) → AUTH.SESSION_REVOKED; a secret that is not the session's current
   * one was already spent: a replay, so the session ends now and both holders must sign in again.
   */
  async refresh(refreshToken: string): Promise<Required<RefreshResponse>> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw AuthErrors.error('AUTH.TOKEN_INVALID');
    const outcome = await this.sessions.transaction(async (tx) => {
      const session = await this.sessions.findForUpdate(parsed.sessionId, tx);
      if (!session) return { error: 'AUTH.TOKEN_INVALID' as const };
      if (session.revokedAt) return { error: 'AUTH.SESSION_REVOKED' as const };
      if (session.expiresAt.getTime() <= this.clock.now().getTime()) return { error: 'AUTH.TOKEN_INVALID' as const };
      const presented = hashSecret(parsed.secret);
      if (presented.length !== session.tokenHash.length || !timingSafeEqual(presented, session.tokenHash)) {
        await this.sessions.revoke(session.id, tx);
        return { error: 'AUTH.SESSION_REVOKED' as const, revoked: true };
      }
      const user = await this.users.findById(session.userId, tx);
      if (!user) return { error: 'AUTH.TOKEN_INVALID' as const };
      if (!user.active) return { error: 'AUTH.ACCOUNT_DISABLED' as const };
      const secret = randomBytes(32).toString('base64url');
      await this.sessions.rotate(session.id, hashSecret(secret), this.refreshExpiry(), tx);
      return { response: this.tokens(user, session.id, secret) };
    });
    if ('response' in outcome && outcome.response) return outcome.response;
    // The replay's revocation is committed (not rolled back with the refusal), then seen here at once.
    if ('revoked' in outcome) await this.revocations.poll();
    throw AuthErrors.error('error' in outcome ? outcome.error : 'AUTH.TOKEN_INVALID');
  }

  /** Ends the session of this refresh token (a wrong or spent token ends nothing and says nothing). */
  async logout(refreshToken: string): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return;
    const ended = await this.sessions.transaction(async (tx) => {
      const session = await this.sessions.findForUpdate(parsed.sessionId, tx);
      if (!session || session.revokedAt) return false;
      const presented = hashSecret(parsed.secret);
      if (presented.length !== session.tokenHash.length || !timingSafeEqual(presented, session.tokenHash)) return false;
      await this.sessions.revoke(session.id, tx);
      return true;
    });
    if (ended) await this.revocations.poll();
  }

  /** Ends every session of the caller's account, this one included. */
  async logoutAll(caller: AuthUser): Promise<void> {
    await this.sessions.revokeAll(caller.id, null);
    await this.revocations.poll();
  }

  /**
   * A new password, checked against the current one (wrong guesses count like failed logins). The
   * account's other sessions end; this one goes on, and a temporary password is no longer pending.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findById(caller.id);
    if (!account) throw AuthErrors.error('AUTH.TOKEN_INVALID');
    await this.checkPassword(account.email, currentPassword, 'AUTH.WRONG_PASSWORD');
    if (currentPassword === newPassword) throw AuthErrors.error('AUTH.SAME_PASSWORD');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.sessions.transaction(async (tx) => {
      await this.users.changeAuthState(caller.id, { passwordHash, mustChangePassword: false }, tx);
      await this.sessions.revokeAll(caller.id, caller.sessionId ?? null, tx);
    });
    await this.revocations.poll();
  }

  /**
   * An admin's reset (unions have no mail server): a temporary password to hand over, every session
   * and token of the account ended, and the next sign-in must change it.
   */
  async resetPassword(actor: AuthUser, userId: string): Promise<string> {
    const temporaryPassword = Array.from({ length: TEMPORARY_LENGTH }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
    const passwordHash = await this.hasher.hash(temporaryPassword);
    await this.sessions.transaction(async (tx) => {
      const user = await this.users.changeAuthState(userId, { passwordHash, mustChangePassword: true, revokeTokens: true }, tx);
      if (!user) throw UserErrors.error('USER.NOT_FOUND');
      await this.sessions.revokeAll(userId, null, tx);
      await this.audit.record({ actorId: actor.id, action: 'user.password_reset', targetType: 'user', targetId: userId, details: { email: user.email } }, tx);
    });
    await this.revocations.poll();
    return temporaryPassword;
  }

  /** Deactivates (every session and token ends; sign-in refused) or reactivates an account. */
  async setActive(actor: AuthUser, userId: string, active: boolean): Promise<UserEntity> {
    if (actor.id === userId && !active) throw UserErrors.error('USER.CANNOT_DISABLE_SELF');
    const user = await this.sessions.transaction(async (tx) => {
      const before = await this.users.findByIdForUpdate(userId, tx);
      if (!before) throw UserErrors.error('USER.NOT_FOUND');
      if (before.active === active) return before;
      const after = (await this.users.changeAuthState(userId, { active, revokeTokens: !active }, tx))!;
      if (!active) await this.sessions.revokeAll(userId, null, tx);
      await this.audit.record(
        { actorId: actor.id, action: active ? 'user.activate' : 'user.deactivate', targetType: 'user', targetId: userId, details: { email: after.email } },
        tx,
      );
      return after;
    });
    await this.revocations.poll();
    return user;
  }

  async userById(userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw UserErrors.error('USER.NOT_FOUND');
    return user;
  }

  async me(caller: AuthUser): Promise<UserEntity> {
    const user = await this.users.findById(caller.id);
    if (!user) throw AuthErrors.error('AUTH.TOKEN_INVALID');
    return user;
  }

  updateProfile(caller: AuthUser, profile: { fullName?: string; phone?: string | null }): Promise<UserEntity> {
    return this.users.updateProfile(caller.id, profile, this.config.registerRequirePhone);
  }

  /** The password check behind login and password change, under the per-account failure limit. */
  private async checkPassword(email: string, password: string, failure: 'AUTH.INVALID_CREDENTIALS' | 'AUTH.WRONG_PASSWORD'): Promise<UserEntity> {
    const key = `login-failures:${normalizeEmail(email)}`;
    const window = await this.limiter.hit(key, MINUTE);
    if (window.count > this.config.loginFailureLimit) throw new RateLimitedError(retryAfterSeconds(window));
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw AuthErrors.error(failure);
    await this.limiter.reset(key);
    // An account hashed with older parameters gets the current ones now that the password is known.
    if (this.hasher.needsRehash(user.passwordHash)) {
      user.passwordHash = await this.hasher.hash(password);
      await this.users.replacePasswordHash(user.id, user.passwordHash);
    }
    return user;
  }

  private tokens(user: UserEntity, sessionId: string, secret: string): Required<RefreshResponse> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      unitId: user.unitId,
      roles: user.roles,
      sid: sessionId,
      ver: user.tokenVersion,
      ...(user.mustChangePassword ? { mcp: true as const } : {}),
    };
    return { accessToken: this.jwt.sign(payload), refreshToken: `${sessionId}.${secret}`, expiresIn: this.config.jwtExpiresInSeconds };
  }

  private refreshExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.config.refreshTokenDays * DAY);
  }
}
