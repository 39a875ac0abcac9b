import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
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
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout', persistAuthorization: true });
  </script>
</body>
</html>`;

/**
 * OpenAPI at /api/docs-json and Swagger UI at /api/docs. Served here rather than by
 * SwaggerModule.setup, which on Fastify needs @fastify/static (ESM-only dependency Jest on Node 20 cannot load).
 */
export function serveApiDocs(app: INestApplication, fastify: FastifyInstance): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hội Thi API')
      .setDescription('Online contests and quizzes for the trade-union federation. The contract is API.md.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  fastify.get('/api/docs-json', async () => document);
  fastify.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get<{ Params: { file: string } }>('/api/docs/:file', async (request, reply) => {
    if (!ASSETS.has(request.params.file)) throw new DomainError('NOT_FOUND');
    return sendFile(reply, join(assets, request.params.file), 'public, max-age=86400');
  });
}
