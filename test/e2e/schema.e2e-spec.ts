import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_ENTITIES } from '../../apps/api/src/database/all-entities.js';
import { pendingSchemaChanges } from '../../apps/api/src/database/schema-diff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('schema: migrations and entities agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  // The diff below sees only the tables of registered entities: a module that forgot one, or a table
  // no module lists for the migration CLI, would go unchecked.
  it('registers every entity in the app, and every migrated table has one', async () => {
    const registered = t.dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();
    expect(registered).toEqual(ALL_ENTITIES.map((entity) => t.dataSource.getMetadata(entity).tableName).sort());
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    expect(tables.map((table) => table.name).sort()).toEqual(registered);
  });

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
