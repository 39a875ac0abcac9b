import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pendingSchemaChanges } from '../../apps/api/src/database/schema-diff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('schema: migrations and entities agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('leaves nothing for migration:generate after all migrations ran', async () => {
    const { up } = await pendingSchemaChanges(t.dataSource);
    expect(up).toEqual([]);
  });

  it('can undo every migration and apply them again', async () => {
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
    expect(count).toBe(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(t.dataSource)).up).toEqual([]);
  });
});
