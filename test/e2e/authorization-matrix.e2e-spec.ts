import { it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { startTestApp } from '../support/test-app.js';
it('dumps', async () => {
  const t = await startTestApp();
  const r = await t.http().get('/api/docs-json');
  writeFileSync('/tmp/openapi.json', JSON.stringify(r.body, null, 1));
  await t.close();
});
