import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@hoi-thi/contracts';
import type { AuthUser } from './auth-user.js';

/** What an access token carries (signed by AuthService at login). */
export interface AccessTokenPayload {
  sub: string;
  unitId: string | null;
  roles: Role[];
  /** Session id: its revocation (logout, password change elsewhere) ends this token too. */
  sid: string;
  /** The account's token version at issue: a role change, reset or deactivation bumps it. */
  ver: number;
  /** Present (true) while the password is a temporary one. */
  mcp?: true;
}

const MAX_CACHED = 100_000;
const BEARER = /^Bearer[ \t]+(\S+)\s*$/i;

/**
 * Reads the caller from an `Authorization: Bearer …` header: the signature (HS256 only) and the
 * expiry are checked by jsonwebtoken, with the secret as a prepared key object (given a string,
 * jsonwebtoken first tries to read it as a public key, ~0.5 ms per call). A member sends the same
 * token with every answer, so a verified token is remembered until it expires: the same bytes
 * verify the same way, and the expiry is checked again on every use.
 */
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { user: AuthUser; expiresAt: number }>();

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret));
  }

  /** The caller, or null for a header that is not a valid, unexpired bearer token. */
  verify(authorization: string): AuthUser | null {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return null;
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (now < hit.expiresAt) return hit.user;
      this.verified.delete(token);
      return null;
    }
    let payload: Partial<AccessTokenPayload> & { exp?: number };
    try {
      payload = jwt.verify(token, this.key, { algorithms: ['HS256'] }) as typeof payload;
    } catch {
      return null;
    }
    // A token without a session id or version predates revocable sessions: it cannot be revoked, so it is refused.
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.ver !== 'number') return null;
    const user: AuthUser = {
      id: payload.sub,
      unitId: payload.unitId ?? null,
      roles: Array.isArray(payload.roles) ? payload.roles : [],
      sessionId: payload.sid,
      tokenVersion: payload.ver,
      mustChangePassword: payload.mcp === true,
    };
    if (this.verified.size >= MAX_CACHED) this.verified.clear();
    this.verified.set(token, { user, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY });
    return user;
  }
}
