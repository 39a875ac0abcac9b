import { safeStorage } from './storage';

const storageKey = 'hoi-thi.accessToken';

/** Where the access token lives between visits; the API client reads it on every request. */
export const authToken = {
  get: (): string | null => safeStorage.get(storageKey),
  set: (token: string): void => {
    safeStorage.set(storageKey, token);
  },
  clear: (): void => {
    safeStorage.remove(storageKey);
  },
};
