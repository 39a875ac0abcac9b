/**
 * Runs once before the embedded e2e files (imports nothing of ours: Jest's globalSetup ignores
 * moduleNameMapper). It only names the template folder; the first test file migrates it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare global {
  var __HOITHI_PGLITE_TEMPLATE__: string | undefined;
}

export default async function embeddedGlobalSetup(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hoithi-pglite-template-'));
  globalThis.__HOITHI_PGLITE_TEMPLATE__ = root;
  process.env.HOITHI_TEST_PGLITE_TEMPLATE = join(root, 'template');
  process.stdout.write(`\nembedded e2e tests run on PGlite through pglite-socket (template in ${root})\n`);
}
