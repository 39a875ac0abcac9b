import { safeStorage } from './storage';

/**
 * Set while this browser holds a session (the refresh cookie), so a page load knows to renew the
 * access token and other tabs hear of a sign-in or sign-out (`storage` events). Holds no token.
 */
export const sessionFlagKey = 'hoi-thi.signedIn';
/** Where versions before the refresh cookie kept the tokens: read once, then deleted. */
const legacyAccessKey = 'hoi-thi.accessToken';
const legacyRefreshKey = 'hoi-thi.refreshToken';
const legacyExpiresAtKey = 'hoi-thi.accessTokenExpiresAt';

/** What `login`, `register` and `refresh` hand out (the refresh token itself stays in the cookie). */
export interface SessionTokens {
  accessToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
}

let current: { token: string; expiresAt: number | null } | null = null;

/** An access token an older version left in localStorage moves to memory (once; nothing stays behind). */
function adoptLegacyAccessToken(): void {
  const legacy = safeStorage.get(legacyAccessKey);
  if (legacy === null) return;
  const expiresAt = Number(safeStorage.get(legacyExpiresAtKey));
  safeStorage.remove(legacyAccessKey);
  safeStorage.remove(legacyExpiresAtKey);
  current ??= { token: legacy, expiresAt: Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : null };
  safeStorage.set(sessionFlagKey, '1');
}

/**
 * The session as the page holds it, where an injected script gains the least (issue 16): the
 * short-lived access token in this page's memory only; the refresh token in an HttpOnly cookie
 * scoped to /api/auth, which no script can read. A reload renews the access token with the cookie.
 */
export const authToken = {
  get: (): string | null => {
    adoptLegacyAccessToken();
    return current?.token ?? null;
  },
  /** An access token alone (tests and tools; it is renewed like any other). */
  set: (token: string): void => {
    current = { token, expiresAt: null };
    safeStorage.set(sessionFlagKey, '1');
  },
  /** When the access token runs out (ms since the epoch), if the server said. */
  expiresAt: (): number | null => current?.expiresAt ?? null,
  setSession: ({ accessToken, expiresIn }: SessionTokens, now: number = Date.now()): void => {
    current = { token: accessToken, expiresAt: now + expiresIn * 1000 };
    safeStorage.set(sessionFlagKey, '1');
  },
  /** Whether this browser has a session to renew: a token here, a sign-in flagged, or a token left by an older version. */
  hasSession: (): boolean =>
    current !== null || safeStorage.get(sessionFlagKey) !== null || safeStorage.get(legacyAccessKey) !== null || safeStorage.get(legacyRefreshKey) !== null,
  /** A refresh token an older version stored: spent once to get the cookie, then deleted (`dropLegacyRefresh`). */
  legacyRefresh: (): string | null => safeStorage.get(legacyRefreshKey),
  dropLegacyRefresh: (): void => {
    safeStorage.remove(legacyRefreshKey);
  },
  /** Forgets the access token of this page only (another tab signed out: its flag is already gone). */
  forget: (): void => {
    current = null;
  },
  clear: (): void => {
    current = null;
    safeStorage.remove(sessionFlagKey);
    safeStorage.remove(legacyAccessKey);
    safeStorage.remove(legacyRefreshKey);
    safeStorage.remove(legacyExpiresAtKey);
  },
};
