import type { AuthUser } from './auth-user.js';

/** Why a correctly signed, unexpired access token is refused. */
export type TokenStanding = 'ok' | 'revoked' | 'disabled';

/**
 * The port through which the global AuthGuard learns of revocations: the auth module implements it
 * (RevocationWatcher), so a role change, a reset, a deactivation or a logout reaches every replica
 * without a database read per request.
 */
export abstract class TokenRevocations {
  abstract standing(user: AuthUser): TokenStanding;
  /** Whether the account must change its (temporary) password before anything else. */
  abstract mustChangePassword(user: AuthUser): boolean;
}
