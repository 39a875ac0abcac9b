import { type DataSource, type EntityManager, type EntityMetadata, QueryFailedError } from 'typeorm';

/** A LIKE pattern that finds `text` anywhere, with `%`, `_` and `\` in it matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether a TypeORM error is PostgreSQL's unique violation on this constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/*
 * The TypeORM internals this relies on, pinned by test/e2e/sql-adapter.e2e-spec.ts on both databases:
 * the postgres driver's pool is `driver.master` (a pg Pool), and a query runner that has begun a
 * transaction holds its pg client as `databaseConnection`.
 */

/** One named statement on a pg pool or client; a failure becomes TypeORM's QueryFailedError, as elsewhere. */
async function runNamed<T>(target: PgPool, name: string, text: string, values: unknown[]): Promise<T[]> {
  try {
    return (await target.query({ name, text, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

/**
 * Runs a hot-path statement as a named (prepared) statement on the driver's pool: PostgreSQL parses
 * and plans it once per connection instead of on every call, as `pgbench -M prepared` does. Measured
 * by the benchmark: about half the database work of an unnamed statement for the save.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  return runNamed<T>((dataSource.driver as unknown as { master: PgPool }).master, name, text, values);
}

/**
 * The same inside a transaction: the named statement runs on the transaction's own connection
 * (TypeORM's query runner holds the pg client once the transaction has begun). Outside one it is
 * `preparedQuery` on the pool.
 */
export async function preparedQueryIn<T>(dataSource: DataSource, manager: EntityManager | undefined, name: string, text: string, values: unknown[]): Promise<T[]> {
  const connection = (manager?.queryRunner as unknown as { databaseConnection?: PgPool } | undefined)?.databaseConnection;
  if (manager?.queryRunner && !connection) return (await manager.query(text, values)) as T[];
  return connection ? runNamed<T>(connection, name, text, values) : preparedQuery<T>(dataSource, name, text, values);
}

/**
 * Raw SQL for an entity's table without a query builder per call: the select list (each column
 * as `<prefix><column>`) and the row → entity mapping are built once from TypeORM's metadata, so a
 * hot path reads a joined row with a fixed statement and maps it in a loop over the columns. pg
 * already parses the types (timestamptz, jsonb, arrays); column transformers still apply.
 */
export class EntityRowMapper<T> {
  readonly select: string;
  private readonly columns: { property: string; key: string; from: ((value: unknown) => unknown) | null }[];

  constructor(
    private readonly metadata: EntityMetadata,
    alias: string,
    prefix: string,
    /** Database columns left out of the select (their properties stay unset). */
    except: string[] = [],
  ) {
    const columns = metadata.columns.filter((column) => !except.includes(column.databaseName));
    this.columns = columns.map((column) => {
      const transformers = column.transformer ? (Array.isArray(column.transformer) ? column.transformer : [column.transformer]) : [];
      return {
        property: column.propertyName,
        key: `${prefix}${column.databaseName}`,
        from: transformers.length ? (value: unknown) => transformers.reduceRight((v, t) => t.from(v), value) : null,
      };
    });
    this.select = columns.map((column) => `${alias}."${column.databaseName}" AS "${prefix}${column.databaseName}"`).join(', ');
  }

  map(row: Record<string, unknown>): T {
    const entity = this.metadata.create() as Record<string, unknown>;
    for (const column of this.columns) {
      const value = row[column.key];
      entity[column.property] = column.from ? column.from(value) : value;
    }
    return entity as T;
  }
}
