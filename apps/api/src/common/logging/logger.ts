import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, pino, type Logger, stdSerializers } from 'pino';
import type { LogLevel } from '../../config/env.schema.js';

/**
 * What a database error carries that may hold someone's data: the statement's values (password
 * hashes, essays, answers) and PostgreSQL's detail ("Key (email)=(…)", "Failing row contains (…)"),
 * context and internal query. The statement text stays: it has $1 placeholders, not values.
 */
const DATA_FIELDS = ['parameters', 'detail', 'where', 'internalQuery'];
/** SQLSTATE class 22 (data exception) messages quote the refused value: `invalid input syntax for type uuid: "…"`. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

type SerializedError = Record<string, unknown> & { message?: unknown; stack?: unknown; code?: unknown };

function scrub(error: SerializedError, depth: number): SerializedError {
  for (const field of DATA_FIELDS) delete error[field];
  if (typeof error.code === 'string' && error.code.startsWith('22')) {
    for (const key of ['message', 'stack'] as const) {
      if (typeof error[key] === 'string') error[key] = error[key].replace(QUOTED, '"[redacted]"');
    }
  }
  if (depth > 0) {
    for (const [key, value] of Object.entries(error)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) error[key] = scrub(value as SerializedError, depth - 1);
    }
    if (Array.isArray(error.aggregateErrors)) error.aggregateErrors = (error.aggregateErrors as SerializedError[]).map((item) => scrub(item, depth - 1));
  }
  return error;
}

/**
 * pino's error serializer, minus the data a failed statement carries (issue 16: error logs never
 * contain query parameters). TypeORM's QueryFailedError copies pg's fields onto itself and keeps pg's
 * error as `driverError`: both levels are cleaned.
 */
export function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error) as unknown;
  if (serialized === error || typeof serialized !== 'object' || serialized === null) return serialized;
  return scrub(serialized as SerializedError, 2);
}

/**
 * One pino logger for Fastify's request logs and Nest's own messages: JSON lines with request ids.
 * `destination` is for tests that read what was logged.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'hoi-thi-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}
