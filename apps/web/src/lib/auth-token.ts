import { safeStorage } from './storage';

/** Browser tests read the access token under this key: keep it. */
export const accessTokenKey = 'hoi-thi.accessToken';
const refreshTokenKey = 'hoi-thi.refreshToken';
const expiresAtKey = 'hoi-thi.accessTokenExpiresAt';

/** What `login`, `register` and `refresh` hand out. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
}

/**
 * Where the session lives between visits (localStorage, shared by the tabs): the short-lived
 * access token the API client sends on every request, and the refresh token that gets a new pair.
 */
export const authToken = {
  get: (): string | null => safeStorage.get(accessTokenKey),
  /** An access token alone (a session without a refresh token cannot be renewed). */
  set: (token: string): void => {
    safeStorage.set(accessTokenKey, token);
  },
  getRefresh: (): string | null => safeStorage.get(refreshTokenKey),
  /** When the access token runs out (ms since the epoch), if the server said. */
  expiresAt: (): number | null => {
    const value = Number(safeStorage.get(expiresAtKey));
    return Number.isFinite(value) && value > 0 ? value : null;
  },
  setSession: ({ accessToken, refreshToken, expiresIn }: SessionTokens, now: number = Date.now()): void => {
    safeStorage.set(accessTokenKey, accessToken);
    safeStorage.set(refreshTokenKey, refreshToken);
    safeStorage.set(expiresAtKey, String(now + expiresIn * 1000));
  },
  clear: (): void => {
    safeStorage.remove(accessTokenKey);
    safeStorage.remove(refreshTokenKey);
    safeStorage.remove(expiresAtKey);
  },
};
