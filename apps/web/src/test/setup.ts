import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { defaultLanguage, i18n } from '../lib/i18n';

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage(defaultLanguage);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
