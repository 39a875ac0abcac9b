import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../../apps/api/src/common/auth/decorators.js';
import { TEST_DB, startTestApp, type TestApp } from '../support/test-app.js';

/** A route whose statement outlives the statement timeout (a runaway query, a database under load). */
@Controller('test-only')
class SlowController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get('slow')
  async slow(): Promise<unknown> {
    return this.dataSource.query('SELECT pg_sleep(2)');
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

const onServer = TEST_DB === 'server';
const itOnServer = onServer ? it : ((() => undefined) as unknown as typeof it);

/**
 * The API's connections to a PostgreSQL server carry a statement timeout and a lock timeout (issue 16
 * item 6); migrations run without them. PGlite enforces neither (README, "The embedded default").
 */
describe('database timeouts', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Tiny limits: the boot's migrations still run (they lift them), the app's queries do not get past them.
    t = await startTestApp({ env: { DATABASE_STATEMENT_TIMEOUT_MS: '300', DATABASE_LOCK_TIMEOUT_MS: '200' }, imports: [SlowModule] });
  });

  afterAll(async () => {
    await t?.close();
  });

  itOnServer('sets both on every pooled connection', async () => {
    const [statement] = await t.dataSource.query('SHOW statement_timeout');
    const [lock] = await t.dataSource.query('SHOW lock_timeout');
    expect([statement.statement_timeout, lock.lock_timeout]).toEqual(['300ms', '200ms']);
  });

  itOnServer('cancels a statement that runs too long, and a wait for a lock held too long', async () => {
    await expect(t.dataSource.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '57014' }) });
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('test.lock'))");
      await expect(t.dataSource.query("SELECT pg_advisory_xact_lock(hashtext('test.lock'))")).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '55P03' }) });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await t.http().get('/api/health').expect(200);
  });

  itOnServer('answers a cancelled statement with 503 and Retry-After: the client tries again, nothing is a 500', async () => {
    const response = await t.http().get('/api/test-only/slow').expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(response.headers['retry-after']).toBe('1');
  });

  it('migrated the database at boot despite the limits', async () => {
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM migrations');
    expect(rows[0].n).toBeGreaterThanOrEqual(10);
  });
});
