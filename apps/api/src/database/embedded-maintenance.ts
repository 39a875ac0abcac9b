import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** A first pass soon after boot gives the planner statistics for tables that only had migrations. */
const FIRST_PASS_MS = 30_000;
/** One table's VACUUM longer than this is worth a warning: PGlite runs nothing else meanwhile. */
const SLOW_TABLE_MS = 1_000;

/**
 * Autovacuum for the embedded database. PGlite is PostgreSQL in single-user mode: no autovacuum
 * worker ever runs, its activity counters stay at zero, and a table never analyzed keeps
 * `reltuples = -1`. Left alone, dead rows of every save pile up and the planner guesses table sizes.
 * So every EMBEDDED_VACUUM_MINUTES this runs `VACUUM (ANALYZE)` table by table, one statement each,
 * so the app's statements queued meanwhile run between two tables. A server has its own autovacuum.
 */
@Injectable()
export class EmbeddedMaintenance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedMaintenance.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<string[]> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly intervalMinutes: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMinutes <= 0) return;
    const first = setTimeout(() => void this.run(), FIRST_PASS_MS);
    const every = setInterval(() => void this.run(), this.intervalMinutes * 60_000);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    await this.running?.catch(() => undefined);
  }

  /** One pass over the app's tables; returns the tables vacuumed. One pass at a time. */
  run(): Promise<string[]> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<string[]> {
    const done: string[] = [];
    try {
      const tables: { name: string }[] = await this.dataSource.query(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables ORDER BY relname`,
      );
      for (const { name } of tables) {
        const started = Date.now();
        await this.dataSource.query(`VACUUM (ANALYZE) ${name}`);
        const took = Date.now() - started;
        if (took > SLOW_TABLE_MS) this.logger.warn(`VACUUM (ANALYZE) ${name} held the embedded database for ${took} ms`);
        done.push(name);
      }
    } catch (error) {
      this.logger.error(`Embedded maintenance failed after ${done.length} table(s): ${(error as Error).message}`);
    }
    return done;
  }
}
