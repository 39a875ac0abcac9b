import type { OpenAPIObject } from '@nestjs/swagger';
import { GENERATED_RESPONSES } from './openapi-responses.generated.js';

type JsonSchema = Record<string, unknown>;

/** One route's success response: its status and, unless it has no body (204), a schema per media type. */
export interface GeneratedResponse {
  status: number;
  content?: Record<string, JsonSchema>;
}

/** What tools/openapi/generate-responses.mjs writes: routes keyed "METHOD /api/path/{param}", and the contracts they use. */
export interface GeneratedResponses {
  routes: Record<string, GeneratedResponse>;
  schemas: Record<string, JsonSchema>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Adds the response schemas generated from libs/contracts to the document SwaggerModule built
 * (the swagger plugin only sees classes; the contracts are interfaces shared with the client).
 * The schemas are JSON Schema (`type: ['string', 'null']`, `const`), hence OpenAPI 3.1.
 */
export function addResponseSchemas(document: OpenAPIObject, generated: GeneratedResponses = GENERATED_RESPONSES): OpenAPIObject {
  document.openapi = '3.1.0';
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const response = generated.routes[`${method.toUpperCase()} ${path}`];
      if (!operation || !response) continue;
      const status = String(response.status);
      const existing = operation.responses[status] as { description?: string } | undefined;
      const content = response.content && Object.fromEntries(Object.entries(response.content).map(([type, schema]) => [type, { schema }]));
      // The generated status replaces the plugin's guess (a 200 beside an explicit 204, say); another
      // success a controller documents with its own schema stays (the start's 202 of admission control).
      for (const [key, other] of Object.entries(operation.responses)) {
        if (/^2\d\d$/.test(key) && key !== status && !(other as { content?: unknown }).content) delete operation.responses[key];
      }
      operation.responses[status] = { description: existing?.description || (content ? 'Success' : 'No content'), ...(content ? { content } : {}) };
    }
  }
  document.components = { ...document.components, schemas: { ...generated.schemas, ...document.components?.schemas } };
  return document;
}
