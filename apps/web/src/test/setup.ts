import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { authToken } from '../lib/auth-token';
import { defaultLanguage, i18n } from '../lib/i18n';

// CI's machine runs this suite at half the speed of a quiet one: a `findBy…` waits up to 3 s for what
// the page must show, instead of 1 s (the assertion is the same; only a slow render waits longer).
configure({ asyncUtilTimeout: 3000 });

beforeEach(async () => {
  window.localStorage.clear();
  // The access token lives in module memory: no test inherits the previous one's.
  authToken.forget();
  delete window.hoiThiEarlyRefresh;
  delete window.hoiThiEarlyReads;
  await i18n.changeLanguage(defaultLanguage);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
