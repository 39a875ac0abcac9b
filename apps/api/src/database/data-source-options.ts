import type { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import type { AppConfig } from '../config/env.schema.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** How long an idle pooled connection is kept (pg's default is 10 s). */
  idleTimeoutMs?: number;
  /** Embedded only: minutes between two VACUUM (ANALYZE) passes (PGlite has no autovacuum); 0 = never. */
  vacuumMinutes?: number;
  /** Server only: the longest statement and the longest wait for a lock of the API's connections (0 = none). */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
}

/**
 * A migration may build an index over millions of rows or wait for the API's locks: the API's
 * timeouts do not apply to it (each runs in its own transaction, `transaction: 'each'`).
 */
function withoutTimeouts(migration: new () => MigrationInterface): new () => MigrationInterface {
  return class extends migration {
    override async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query('SET LOCAL statement_timeout = 0');
      await queryRunner.query('SET LOCAL lock_timeout = 0');
      await super.up(queryRunner);
    }
  };
}

/** The app's database as the configuration names it (main and tests). */
export function databaseTarget(config: AppConfig, url: string, embedded: boolean): DatabaseTarget {
  return {
    url,
    embedded,
    idleTimeoutMs: config.databaseIdleTimeoutMs,
    vacuumMinutes: config.embeddedVacuumMinutes,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    lockTimeoutMs: config.databaseLockTimeoutMs,
  };
}

/**
 * One definition of the connection for the app, the migration CLI and tests. No entities by default:
 * the app loads those its modules register; a tool that needs them all passes `ALL_ENTITIES`.
 */
export function dataSourceOptions(target: DatabaseTarget, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities,
    migrations: MIGRATIONS.map(withoutTimeouts),
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    extra: target.embedded
      ? { max: 1, idleTimeoutMillis: target.idleTimeoutMs ?? 10_000, onConnect: EmbeddedPostgres.resetSession }
      : {
          max: 20,
          idleTimeoutMillis: target.idleTimeoutMs ?? 30_000,
          // Set by the driver on each new connection: a runaway query or a lock held too long fails
          // (503, retried) instead of holding a pooled connection and the members behind it.
          ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
          ...(target.lockTimeoutMs ? { lock_timeout: target.lockTimeoutMs } : {}),
        },
    logging: false,
  };
}
