import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GenericErrors } from '../errors/generic.errors.js';
import { addErrorSchema, addResponseSchemas } from './openapi-responses.js';
import { sendFile } from './web-client.js';

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Hội Thi API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

/** A file, not an inline script: the API's Content-Security-Policy runs no inline script. */
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout', persistAuthorization: true });\n`;

/** Swagger UI's page may load its own files and call the API; everything else under /api gets `default-src 'none'`. */
const DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * OpenAPI at /api/docs-json and Swagger UI at /api/docs. Served here rather than by
 * SwaggerModule.setup, which on Fastify needs @fastify/static (ESM-only dependency Jest on Node 20 cannot load).
 */
export function serveApiDocs(app: INestApplication, fastify: FastifyInstance): void {
  // Response schemas come from libs/contracts (see tools/openapi): the plugin only sees request DTO classes.
  const document = addErrorSchema(addResponseSchemas(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hội Thi API')
      .setDescription('Online contests and quizzes for the trade-union federation. The contract is API.md.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  )));
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  fastify.get('/api/docs-json', async () => document);
  // The security hook (onSend) sets the API's policy; this page's replaces it in its own onSend.
  fastify.get('/api/docs', { onSend: docsPolicy }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get('/api/docs/init.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(INIT));
  fastify.get<{ Params: { file: string } }>('/api/docs/:file', async (request, reply) => {
    if (!ASSETS.has(request.params.file)) throw GenericErrors.error('NOT_FOUND');
    return sendFile(reply, join(assets, request.params.file), 'public, max-age=86400');
  });
}

function docsPolicy(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  void reply.header('content-security-policy', DOCS_POLICY);
  done(null, payload);
}
