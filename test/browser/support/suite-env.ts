/**
 * A browser project's setup file (runs before each test file): hands the tests their own suite's
 * values. The global setups of both browser projects run in one process before any test and publish
 * `HOITHI_BROWSER_<SUITE>_<NAME>` (support/browser-suite.ts); the project names its suite in Jest's
 * `globals` (`hoithiBrowserSuite`), and each test file gets its own copy of process.env.
 */
declare global {
  var hoithiBrowserSuite: string | undefined;
}

const suite = (globalThis.hoithiBrowserSuite ?? 'server').toUpperCase();
for (const name of ['SKIP', 'CHROMIUM', 'BASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DB_IDLE_TIMEOUT_MS', 'SCREENSHOTS_SUBDIR']) {
  const value = process.env[`HOITHI_BROWSER_${suite}_${name}`];
  if (value === undefined) delete process.env[`HOITHI_BROWSER_${name}`];
  else process.env[`HOITHI_BROWSER_${name}`] = value;
}

export {};
