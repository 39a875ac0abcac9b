/**
 * Project `browser`: checks for Debian's Chromium, builds the app when the build is missing or older
 * than the sources, creates a fresh database on the local PostgreSQL and starts the BUILT server
 * (`node apps/api/dist/main.js`, demo data) on an unusual port. See support/browser-suite.ts.
 *
 * Jest loads globalSetup files as CommonJS and without moduleNameMapper: the `./x.js` import a test
 * file uses would not resolve here, so the shared code is required by its real file name.
 */
import { createRequire } from 'node:module';
import type * as BrowserSuite from './support/browser-suite.js';

const { startBrowserSuite } = createRequire(import.meta.url)('./support/browser-suite.ts') as typeof BrowserSuite;

export default async function globalSetup(): Promise<void> {
  await startBrowserSuite('server');
}
