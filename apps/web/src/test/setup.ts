import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { authToken } from '../lib/auth-token';
import { defaultLanguage, i18n } from '../lib/i18n';

beforeEach(async () => {
  window.localStorage.clear();
  // The access token lives in module memory: no test inherits the previous one's.
  authToken.forget();
  await i18n.changeLanguage(defaultLanguage);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
