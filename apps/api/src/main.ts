import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { configureApp, createFastifyAdapter, defaultWebDistDir } from './app.setup.js';
import { createLogger, NestPinoLogger } from './common/logging/logger.js';
import { ConfigError, loadConfig } from './config/env.schema.js';
import { databaseTarget } from './database/data-source-options.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { webDistDir: defaultWebDistDir() });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const embedded = config.databaseUrl ? null : await EmbeddedPostgres.start(config.dataDir);
  if (embedded) logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL (PGlite) started');

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseTarget(config, config.databaseUrl ?? embedded!.url, embedded !== null)),
    createFastifyAdapter(config, logger),
    { logger: new NestPinoLogger(logger), bufferLogs: true },
  );
  await configureApp(app, config);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // A synchronized start sends thousands of new connections at once (through nginx, one per request
  // in flight): Node's default backlog of 511 overflowed and nginx answered 503 (bench:sync-start).
  // The kernel caps it at net.core.somaxconn.
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  logger.info(`Hội Thi is listening on http://localhost:${config.port} (API under /api, docs at /api/docs)`);
}

void bootstrap();
