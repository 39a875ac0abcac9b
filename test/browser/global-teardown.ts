/**
 * Both browser projects' teardown (Jest runs one teardown file once however many projects name it):
 * stops every suite's server (its own child process), drops the PostgreSQL suite's database and
 * removes the embedded suite's DATA_DIR. Required by file name: see global-setup.ts.
 */
import { createRequire } from 'node:module';
import type * as BrowserSuite from './support/browser-suite.js';

const { stopBrowserSuites } = createRequire(import.meta.url)('./support/browser-suite.ts') as typeof BrowserSuite;

export default async function globalTeardown(): Promise<void> {
  await stopBrowserSuites();
}
