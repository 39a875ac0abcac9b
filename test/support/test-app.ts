/**
 * Boots the whole app (real HTTP stack, real PostgreSQL) on a fresh database of its own.
 * One per test file: `const t = await startTestApp(); … await t.close();`
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../apps/api/src/app.setup.js';
import { Clock } from '../../apps/api/src/common/clock.js';
import { createLogger } from '../../apps/api/src/common/logging/logger.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/env.schema.js';
import { databaseTarget, dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres.js';
import { runMigrations } from '../../apps/api/src/database/migrate.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export class FakeClock extends Clock {
  constructor(private current = new Date('2026-11-26T08:00:00.000Z')) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => ReturnType<typeof supertest>;
  /** Closes the app, then drops its database (or stops the embedded one). */
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.HOITHI_TEST_PG_ADMIN_URL;
  if (!url) throw new Error('HOITHI_TEST_PG_ADMIN_URL is not set: run the e2e tests through jest (globalSetup)');
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hoithi_e2e_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Which database the e2e files run on: the PostgreSQL server, or (`HOITHI_TEST_DB=embedded`, set by
 * the `e2e-embedded` Jest project) the embedded PGlite that `npm start` uses, through the same
 * pglite-socket + pg wiring.
 */
export const TEST_DB: 'server' | 'embedded' = process.env.HOITHI_TEST_DB === 'embedded' ? 'embedded' : 'server';

/**
 * A fresh embedded data folder, already migrated. A new PGlite folder costs seconds of WebAssembly
 * start-up and migrations; reopening one costs about half a second. So the first test file of the run
 * migrates a template folder (the others wait for it) and every file works on a copy of it.
 */
export async function freshEmbeddedDataDir(): Promise<string> {
  const template = process.env.HOITHI_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error('HOITHI_TEST_PGLITE_TEMPLATE is not set: run the embedded e2e tests through jest (globalSetup)');
  const ready = join(template, 'ready');
  let building = false;
  try {
    mkdirSync(`${template}.lock`);
    building = !existsSync(ready);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (building) {
    const embedded = await EmbeddedPostgres.start(template);
    try {
      const dataSource = new DataSource(dataSourceOptions({ url: embedded.url, embedded: true }));
      await dataSource.initialize();
      await runMigrations(dataSource, { lock: false });
      await dataSource.destroy();
    } finally {
      await embedded.stop();
    }
    writeFileSync(ready, '');
  }
  for (let waited = 0; !existsSync(ready); waited += 100) {
    if (waited > 120_000) throw new Error(`the embedded template ${template} was not ready after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const dir = mkdtempSync(join(tmpdir(), 'hoithi-embedded-e2e-'));
  cpSync(join(template, 'pgdata'), join(dir, 'pgdata'), { recursive: true });
  return dir;
}

export interface StartOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Use the embedded PGlite in this DATA_DIR instead of the PostgreSQL server. */
  embeddedDataDir?: string;
  /** Share an existing database (e.g. two app instances like two replicas); the caller drops it. */
  database?: string;
  /** Extra modules, e.g. a test-only controller. */
  imports?: DynamicModule['imports'];
  /** Where the app's log lines go (a test that reads them; set LOG_LEVEL in `env` too). */
  logDestination?: DestinationStream;
}

export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  // In the embedded run a file's app gets its own copy of the migrated template, removed on close.
  const ownEmbeddedDir = !options.embeddedDataDir && !options.database && TEST_DB === 'embedded' ? await freshEmbeddedDataDir() : null;
  if (ownEmbeddedDir) options = { ...options, embeddedDataDir: ownEmbeddedDir };
  const embedded = options.embeddedDataDir ? await EmbeddedPostgres.start(options.embeddedDataDir) : null;
  const database = embedded
    ? null
    : options.database
      ? { url: options.database, drop: async () => undefined }
      : await createTestDatabase();
  const dataDir = options.embeddedDataDir ?? mkdtempSync(join(tmpdir(), 'hoithi-data-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    ATTEMPT_SWEEP_SECONDS: '0',
    ROUND_AUTO_CLOSE_SECONDS: '0',
    ...(embedded ? {} : { DATABASE_URL: database!.url, JWT_SECRET: TEST_JWT_SECRET }),
    // The embedded run: tests mint tokens with the test secret, and the pool's idle connection closes
    // between most requests, so every file also exercises reconnecting to the one PGlite session.
    ...(ownEmbeddedDir ? { JWT_SECRET: TEST_JWT_SECRET, DATABASE_IDLE_TIMEOUT_MS: '20' } : {}),
    ...options.env,
  });
  try {
    let builder = Test.createTestingModule({
      imports: [AppModule.forRoot(config, databaseTarget(config, embedded?.url ?? database!.url, embedded !== null)), ...(options.imports ?? [])],
    });
    if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config, createLogger(config.logLevel, options.logDestination)), {
      logger: false,
    });
    await configureApp(app, config);
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      config,
      dataSource: app.get(DataSource),
      http: () => supertest(app.getHttpServer()),
      async close() {
        await app.close();
        if (embedded) {
          await embedded.stop();
          if (ownEmbeddedDir) rmSync(ownEmbeddedDir, { recursive: true, force: true });
        } else {
          await database!.drop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await embedded?.stop();
    await database?.drop();
    if (ownEmbeddedDir) rmSync(ownEmbeddedDir, { recursive: true, force: true });
    throw error;
  }
}
