import { rmSync } from 'node:fs';

export default async function embeddedGlobalTeardown(): Promise<void> {
  const root = globalThis.__HOITHI_PGLITE_TEMPLATE__;
  if (root) rmSync(root, { recursive: true, force: true });
}
