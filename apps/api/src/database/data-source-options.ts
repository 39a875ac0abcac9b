import type { DataSourceOptions } from 'typeorm';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** How long an idle pooled connection is kept (pg's default is 10 s). */
  idleTimeoutMs?: number;
  /** Embedded only: minutes between two VACUUM (ANALYZE) passes (PGlite has no autovacuum); 0 = never. */
  vacuumMinutes?: number;
}

/** One definition of the connection for the app, the migration CLI and tests. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    extra: target.embedded
      ? { max: 1, idleTimeoutMillis: target.idleTimeoutMs ?? 10_000, onConnect: EmbeddedPostgres.resetSession }
      : { max: 20, idleTimeoutMillis: target.idleTimeoutMs ?? 30_000 },
    logging: false,
  };
}
