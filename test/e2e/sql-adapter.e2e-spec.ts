import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { EntityRowMapper, isUniqueViolation, preparedQuery, preparedQueryIn } from '../../apps/api/src/common/database/sql.js';
import { UnitEntity } from '../../apps/api/src/modules/units/unit.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What `common/database/sql.ts` relies on in TypeORM and pg, pinned on both databases (the server and
 * the embedded default), so an upgrade that moves them fails here rather than on the hot paths:
 * the driver's pool at `driver.master` takes named statements; inside a transaction the query
 * runner's `databaseConnection` is the transaction's own client; failures come out as TypeORM's
 * `QueryFailedError`, as everywhere else, so `isUniqueViolation` and the error filter read one shape.
 */
describe('the SQL adapter (prepared statements on TypeORM’s pg driver)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('runs a named statement on the pool, again with the same name, with pg parsing the types', async () => {
    for (const n of [1, 2]) {
      const rows = await preparedQuery<{ n: number; at: Date; tags: string[] }>(
        t.dataSource, 'sql-adapter.test-select', "SELECT $1::int AS n, now() AS at, ARRAY['a', 'b']::text[] AS tags", [n],
      );
      expect(rows).toEqual([{ n, at: expect.any(Date), tags: ['a', 'b'] }]);
    }
  });

  it("runs a named statement on the transaction's own connection: it sees the transaction's uncommitted row", async () => {
    const name = `sql-adapter unit ${Date.now()}`;
    await t.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO units (id, name) VALUES (gen_random_uuid(), $1)', [name]);
      const inside = await preparedQueryIn<{ n: number }>(t.dataSource, manager, 'sql-adapter.test-count', 'SELECT count(*)::int AS n FROM units WHERE name = $1', [name]);
      expect(inside).toEqual([{ n: 1 }]);
      // Removed before the commit: the row never existed for anyone else.
      await manager.query('DELETE FROM units WHERE name = $1', [name]);
    });
    expect(await preparedQuery(t.dataSource, 'sql-adapter.test-count', 'SELECT count(*)::int AS n FROM units WHERE name = $1', [name])).toEqual([{ n: 0 }]);
  });

  it('reports a failure as QueryFailedError with the driver error, on the pool and in a transaction', async () => {
    const id = (await t.dataSource.query("INSERT INTO units (id, name) VALUES (gen_random_uuid(), 'sql-adapter duplicate') RETURNING id"))[0].id as string;
    const [{ conname: primaryKey }] = await t.dataSource.query("SELECT conname FROM pg_constraint WHERE conrelid = 'units'::regclass AND contype = 'p'");
    const insert = 'INSERT INTO units (id, name) VALUES ($1, $2)';
    const onPool = await preparedQuery(t.dataSource, 'sql-adapter.test-insert', insert, [id, 'again']).catch((error: unknown) => error);
    expect(onPool).toBeInstanceOf(QueryFailedError);
    expect(onPool).toMatchObject({ driverError: { code: '23505' }, query: insert, parameters: [id, 'again'] });
    expect(isUniqueViolation(onPool, primaryKey as string)).toBe(true);
    const inTransaction = await t.dataSource
      .transaction((manager) => preparedQueryIn(t.dataSource, manager, 'sql-adapter.test-insert', insert, [id, 'again']))
      .catch((error: unknown) => error);
    expect(inTransaction).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(inTransaction, primaryKey as string)).toBe(true);
  });

  it('maps a row to an entity from the metadata, with a prefix and left-out columns', async () => {
    const mapper = new EntityRowMapper<UnitEntity>(t.dataSource.getMetadata(UnitEntity), 'u', 'u_', ['member_count']);
    const [row] = await t.dataSource.query(`SELECT ${mapper.select} FROM units u WHERE u.name = 'sql-adapter duplicate'`);
    const unit = mapper.map(row as Record<string, unknown>);
    expect(unit).toBeInstanceOf(UnitEntity);
    expect(unit).toMatchObject({ id: expect.any(String), name: 'sql-adapter duplicate' });
    expect(unit.memberCount).toBeUndefined();
  });
});
