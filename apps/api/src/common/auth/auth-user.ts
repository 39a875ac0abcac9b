import type { Role } from '@hoi-thi/contracts';

/** Who is calling, as read from the access token (no database lookup on the hot path). */
export interface AuthUser {
  id: string;
  unitId: string | null;
  roles: Role[];
  /** The session (refresh token family) the access token belongs to; absent only in hand-built callers. */
  sessionId?: string;
  /** The account's token version when the token was issued (see UserEntity.tokenVersion). */
  tokenVersion?: number;
  /** Issued while the account had a temporary password. */
  mustChangePassword?: boolean;
}

export function hasRole(user: AuthUser, role: Role): boolean {
  // An admin may do everything an organizer may (API.md "Conventions").
  return user.roles.includes(role) || (role === 'organizer' && user.roles.includes('admin'));
}
