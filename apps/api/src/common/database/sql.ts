import type { DataSource } from 'typeorm';

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

/**
 * Runs a hot-path statement as a named (prepared) statement on the driver's pool: PostgreSQL parses
 * and plans it once per connection instead of on every call, as `pgbench -M prepared` does. Measured
 * by the benchmark: about half the database work of an unnamed statement for the save.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  return (await pool.query({ name, text, values })).rows as T[];
}
