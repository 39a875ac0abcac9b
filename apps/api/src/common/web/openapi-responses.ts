import type { OpenAPIObject } from '@nestjs/swagger';
import { registeredErrors, type RegisteredError } from '../errors/error-registry.js';
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

/**
 * The body every error shares (libs/contracts `ErrorBody`), with the registry's codes as its `code`
 * enum and, per code, its status and both messages (`x-error-codes`), so a client can be generated
 * from the document; every operation refers to it as its `default` response. Called once the app has
 * loaded every module, i.e. every catalog is registered.
 */
export function addErrorSchema(document: OpenAPIObject, errors: RegisteredError[] = registeredErrors()): OpenAPIObject {
  const errorBody = {
    type: 'object',
    description: 'Every error response: a stable code, its HTTP status and a message in the language asked for (Accept-Language, Vietnamese by default).',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', enum: errors.map((error) => error.code) },
      message: { type: 'string' },
      details: {
        type: 'array',
        description: 'Per field, for VALIDATION and import reports.',
        items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
      },
      requestId: { type: 'string', description: 'Set on INTERNAL: quote it when reporting the error.' },
    },
    additionalProperties: true,
    'x-error-codes': errors,
  };
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: errorBody } };
  const reference = { description: 'An error (see ErrorBody: the code says which).', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) operation.responses.default = reference;
    }
  }
  return document;
}
