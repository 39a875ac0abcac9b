import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { registeredErrors } from '../../apps/api/src/common/errors/error-registry.js';
import { GENERATED_RESPONSES } from '../../apps/api/src/common/web/openapi-responses.generated.js';
import { aMember, aQuizRound, aUnit, bearer, type QuizSetup } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema & { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ROOT = join(import.meta.dirname, '../..');

/**
 * Issue 20 item 4: every route of /api/docs-json has a response schema, generated from the
 * contracts the client also uses (tools/openapi), and real responses match those schemas.
 */
describe('OpenAPI response schemas', () => {
  let t: TestApp;
  let document: Document;
  const clock = new FakeClock();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(async () => t?.close());

  function operations(): [string, Operation][] {
    return Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]));
  }

  it('gives every operation a response schema for its success status (or says it has no body)', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(operations().length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const [key, operation] of operations()) {
      const success = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
      const generated = GENERATED_RESPONSES.routes[key];
      // The generated success, plus any other a controller documents with its own schema (the start's 202).
      const status = generated && success.includes(String(generated.status)) ? String(generated.status) : undefined;
      if (!status) {
        missing.push(`${key}: success statuses ${success.join(', ') || 'none'}`);
        continue;
      }
      for (const other of success.filter((s) => s !== status)) {
        if (!operation.responses[other]!.content) missing.push(`${key}: ${other} without content`);
      }
      const content = operation.responses[status]!.content;
      if (status === '204') {
        if (content) missing.push(`${key}: 204 with a body`);
        continue;
      }
      if (!content || Object.keys(content).length === 0) missing.push(`${key}: ${status} without content`);
      for (const [mediaType, { schema }] of Object.entries(content ?? {})) {
        if (!schema || Object.keys(schema).length === 0) missing.push(`${key}: ${status} ${mediaType} without a schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes the error body with every registered code (status, vi, en) and refers every operation to it', () => {
    const body = document.components.schemas.ErrorBody as { required: string[]; properties: { code: { enum: string[] } }; 'x-error-codes': { code: string; status: number; vi: string; en: string }[] };
    expect(body.required).toEqual(['statusCode', 'code', 'message']);
    // The app has loaded every module, so every catalog is registered: the document lists them all.
    const registered = registeredErrors();
    expect(registered.length).toBeGreaterThan(100);
    expect(body.properties.code.enum).toEqual(registered.map((e) => e.code));
    expect(body['x-error-codes']).toEqual(registered);
    expect(body['x-error-codes']).toContainEqual(expect.objectContaining({ code: 'ATTEMPT.EXPIRED', status: 409 }));
    const without = operations().filter(([, operation]) => {
      const error = operation.responses.default;
      return !error?.description || error.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody';
    });
    expect(without.map(([key]) => key)).toEqual([]);
  });

  it('documents exactly the routes the generated file covers, and every schema it refers to', () => {
    expect(operations().map(([key]) => key).sort()).toEqual(Object.keys(GENERATED_RESPONSES.routes).sort());
    const refs = new Set(JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z0-9._-]+/g));
    const dangling = [...refs].map((ref) => ref.slice('#/components/schemas/'.length)).filter((name) => !(name in document.components.schemas));
    expect(dangling).toEqual([]);
    // A request DTO class and a contract of the same name would make one of them describe the other's body.
    const clashes = Object.keys(GENERATED_RESPONSES.schemas).filter(
      (name) => JSON.stringify(document.components.schemas[name]) !== JSON.stringify(GENERATED_RESPONSES.schemas[name]),
    );
    expect(clashes).toEqual([]);
  });

  it('has a committed file that matches the controllers and contracts (else: run npm run openapi:generate)', async () => {
    const run = promisify(execFile)(process.execPath, [join(ROOT, 'tools/openapi/generate-responses.mjs'), '--check'], { cwd: ROOT });
    await expect(run).resolves.toMatchObject({ stdout: expect.stringContaining('is up to date') });
  });

  describe('real responses match their schemas (the client reads them with the same contracts)', () => {
    let quiz: QuizSetup;
    let unitId: string;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));

    beforeAll(async () => {
      unitId = (await aUnit(t)).id;
      quiz = await aQuizRound(t, unitId, { questions: 3, now: clock.now() });
    });

    /** Validates a body against the document's schema for that route's status and media type. */
    function expectValid(key: string, status: number, body: unknown, mediaType = 'application/json'): void {
      const [method, path] = key.split(' ') as [string, string];
      const schema = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.[mediaType]?.schema;
      expect(schema).toBeDefined();
      // The route's schema refers to '#/components/schemas/…': give it the document's components.
      const validate = ajv.compile({ ...schema, components: document.components });
      const valid = validate(body);
      expect(valid ? [] : validate.errors).toEqual([]);
    }

    it('a list of units, a contest, a contest page', async () => {
      expectValid('GET /api/units', 200, (await t.http().get('/api/units').expect(200)).body);
      expectValid('GET /api/contests/{id}', 200, (await t.http().get(`/api/contests/${quiz.contestId}`).set(...bearer(quiz.organizer)).expect(200)).body);
      expectValid('GET /api/contests', 200, (await t.http().get('/api/contests').expect(200)).body);
    });

    it('an attempt start, its submission and the round board', async () => {
      const member = await aMember(t, unitId);
      const started = await t.http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201);
      expectValid('POST /api/rounds/{id}/attempts', 201, started.body);
      const submitted = await t.http().post(`/api/attempts/${started.body.id}/submit`).set(...bearer(member)).send({ prediction: 10 }).expect(200);
      expectValid('POST /api/attempts/{id}/submit', 200, submitted.body);
      const board = await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard`).expect(200);
      expect(board.body.entries).toHaveLength(1);
      expectValid('GET /api/rounds/{id}/leaderboard', 200, board.body);
      expectValid('GET /api/rounds/{id}/leaderboard/me', 200, (await t.http().get(`/api/rounds/${quiz.roundId}/leaderboard/me`).set(...bearer(member)).expect(200)).body);
      expectValid('GET /api/contests/{id}/leaderboard/units', 200, (await t.http().get(`/api/contests/${quiz.contestId}/leaderboard/units`).expect(200)).body);
      expectValid('GET /api/rounds/{id}', 200, (await t.http().get(`/api/rounds/${quiz.roundId}`).set(...bearer(member)).expect(200)).body);
    });

    it('catches a body that strays from its contract', () => {
      const [method, path] = ['get', '/api/contests/{id}'];
      const schema = document.paths[path]![method]!.responses['200']!.content!['application/json']!.schema!;
      const validate = ajv.compile({ ...schema, components: document.components });
      expect(validate({ id: 'x' })).toBe(false);
    });
  });
});
