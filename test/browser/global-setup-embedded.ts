/**
 * Project `browser-embedded`: the quiz flow against the BUILT server started the `npm start` way —
 * no DATABASE_URL, so PGlite in a fresh temporary DATA_DIR (removed afterwards), demo data, the same
 * generated boot admin, and DATABASE_IDLE_TIMEOUT_MS=200 so the pool closes its idle connection
 * between the test's steps. See support/browser-suite.ts.
 *
 * Jest loads globalSetup files as CommonJS and without moduleNameMapper: the shared code is required
 * by its real file name (see global-setup.ts).
 */
import { createRequire } from 'node:module';
import type * as BrowserSuite from './support/browser-suite.js';

const { startBrowserSuite } = createRequire(import.meta.url)('./support/browser-suite.ts') as typeof BrowserSuite;

export default async function globalSetupEmbedded(): Promise<void> {
  await startBrowserSuite('embedded');
}
