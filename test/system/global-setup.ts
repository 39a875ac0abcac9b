/**
 * Project `system`: the tests start the BUILT server themselves (they kill and restart it), so this
 * only builds when the build is missing or older than the sources (the browser suites' helper).
 *
 * Jest loads globalSetup files as CommonJS and without moduleNameMapper: the helper is required by
 * its real file name (see test/browser/global-setup.ts).
 */
import { createRequire } from 'node:module';
import type * as BuiltApp from '../browser/support/built-app.js';

const { buildIfStale } = createRequire(import.meta.url)('../browser/support/built-app.ts') as typeof BuiltApp;

export default function globalSetup(): void {
  buildIfStale('system tests');
}
