import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, Logger } from 'pino';
import type { AppConfig } from './config/env.schema.js';
import { assertSafeInput } from './common/errors/validation.js';
import { serveApiDocs } from './common/web/api-docs.js';
import { compressResponse } from './common/web/compression.js';
import { securityHeadersHook } from './common/web/security-headers.js';
import { serveWebClient } from './common/web/web-client.js';

/** JSON bodies are small (answers, forms); files go through multipart with their own limit. */
export const JSON_BODY_LIMIT = 256 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createFastifyAdapter(config: AppConfig, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Keep a sane id from nginx (X-Request-Id) so one id follows the request through every log.
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Each request's logger carries its id. Fastify passes child options ({}) by default, which
    // sends pino down its slow path (formatters and serializers rebuilt per request); there are none.
    childLoggerFactory: (logger: FastifyBaseLogger, bindings: Bindings) => logger.child(bindings),
  });
}

/** The default location of the built client, relative to apps/api/dist/app.setup.js. */
export function defaultWebDistDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

/**
 * Everything done to the app between creation and listen, shared by main.ts and the tests. It
 * initialises the app first: Fastify gives a route the error handler present when the route is
 * added, and Nest installs its own (which runs our exception filter) during init.
 */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.setGlobalPrefix('api');
  // Uploads (question imports); each route sets its own size limit when reading the parts.
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  // Security headers (issue 16): values computed once, picked per response by its path.
  const securityHeaders = securityHeadersHook({ displayFrameAncestors: config.displayFrameAncestors, hsts: config.hsts });
  // Callback style: an async hook costs a promise per response.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    securityHeaders(request, reply);
    done(null, payload);
  });
  // JSON and text of 1 KB or more as brotli or gzip (issue 17: a quiz start is 12 KB on a phone network).
  fastify.addHook('onSend', compressResponse);

  // Every query string and JSON body, before any guard, pipe or handler reads it (the login guard
  // reads its body itself): no nesting that exhausts the stack, no NUL, no lone surrogate (issue 16).
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      assertSafeInput(request.query);
      assertSafeInput(request.body);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  serveApiDocs(app as INestApplication, fastify);
  if (config.webDistDir) serveWebClient(fastify, config.webDistDir);
}
