import type { DataSource } from 'typeorm';

// Any constant shared by all replicas: only one of them migrates at a time.
const MIGRATION_LOCK = 7_120_415;

/** Applies pending migrations under an advisory lock, so several replicas can boot together. */
export async function runMigrations(dataSource: DataSource, options: { lock: boolean }): Promise<string[]> {
  if (!options.lock) {
    // Embedded: one process owns the folder, and its single connection cannot hold a lock and migrate.
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
