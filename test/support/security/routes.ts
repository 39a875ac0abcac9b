/**
 * Shared by the authorization matrix and the fuzz suite (issue 16): the routes the running app
 * documents, one generic way to call any of them (an event stream included), and the row counts
 * that show whether a request wrote anything.
 */
import type { TestApp } from '../test-app.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface DocumentedRoute {
  /** `"METHOD /api/path/{param}"`, as the tables are keyed. */
  key: string;
  method: Method;
  /** The OpenAPI path, with `{param}` placeholders. */
  path: string;
  pathParams: string[];
  /** Whether the operation documents a request body (JSON or multipart). */
  hasBody: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  consumes?: string[];
}

/** Every operation of the app's OpenAPI document (`GET /api/docs-json`, as served to clients). */
export async function documentedRoutes(t: TestApp): Promise<DocumentedRoute[]> {
  const response = await t.http().get('/api/docs-json').expect(200);
  const paths = (response.body as { paths: Record<string, Record<string, OpenApiOperation>> }).paths;
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [verb, operation] of Object.entries(operations)) {
      const method = verb.toUpperCase() as Method;
      routes.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
      });
    }
  }
  return routes;
}

/** encodeURIComponent that survives lone surrogates (it throws on them): each is sent as the bytes of U+D800. */
export function encodeLoose(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (ch.length === 1 && ch >= '\uD800' && ch <= '\uDFFF' ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

/** The path with its `{param}`s replaced (each value URL-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in ${path}`);
    return encodeLoose(params[name]);
  });
}

export interface CallOptions {
  token?: string;
  /** Query parameters, or a query string sent exactly as given (already encoded, or deliberately not). */
  query?: Record<string, string> | { toString(): string };
  /** A JSON body (sent as is: any JSON value). */
  body?: unknown;
  /** A raw body with its content type (for bodies JSON cannot express, e.g. a bare `-0` or malformed JSON). */
  raw?: { contentType: string; payload: string | Buffer | { toString(): string } };
  /** A multipart upload. */
  upload?: { field: string; file: Buffer; name: string; fields?: Record<string, string> };
}

export interface CallResult {
  status: number;
  /** The error code of a JSON error body, when there is one. */
  code: string | undefined;
  /** The fields a VALIDATION error names. */
  fields: string[];
  contentType: string;
}

function isPlainRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Reads a whole response, except an event stream, which never ends: its first chunk is enough
 * (the status and headers are known by then); the connection is then dropped, as a leaving client does.
 */
function readBody(res: NodeJS.ReadableStream & { headers: Record<string, string | undefined>; destroy(): void }, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const streaming = (res.headers['content-type'] ?? '').startsWith('text/event-stream');
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done(null, Buffer.concat(chunks));
  };
  res.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (streaming) {
      finish();
      res.destroy();
    }
  });
  res.on('end', finish);
  res.on('error', finish);
  res.on('close', finish);
}

export async function call(t: TestApp, method: Method, url: string, options: CallOptions = {}): Promise<CallResult> {
  const rawQuery = options.query !== undefined && !isPlainRecord(options.query) ? String(options.query) : '';
  let request = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](rawQuery ? `${url}?${rawQuery}` : url);
  if (options.token) request = request.set('Authorization', `Bearer ${options.token}`);
  if (options.query !== undefined && isPlainRecord(options.query)) request = request.query(options.query);
  if (options.upload) {
    for (const [name, value] of Object.entries(options.upload.fields ?? {})) request = request.field(name, value);
    request = request.attach(options.upload.field, options.upload.file, options.upload.name);
  } else if (options.raw) {
    const payload = options.raw.payload;
    request = request.set('Content-Type', options.raw.contentType).send(Buffer.isBuffer(payload) ? payload : String(payload));
  } else if (options.body !== undefined) {
    // supertest sends a string as form data unless told it is JSON.
    request = request.set('Content-Type', 'application/json').send(JSON.stringify(options.body));
  }
  const response = await request.buffer(true).parse(readBody as never);
  const contentType = String(response.headers['content-type'] ?? '');
  let error: { code?: string; details?: { field: string }[] } = {};
  if (response.status >= 400 && contentType.includes('json') && Buffer.isBuffer(response.body)) {
    try {
      error = JSON.parse(response.body.toString('utf8')) as typeof error;
    } catch {
      error = {};
    }
  }
  return { status: response.status, code: error.code, fields: (error.details ?? []).map((detail) => detail.field), contentType };
}

/**
 * The tables a request could write to (the main ones, and those a close, a regrade or a judging
 * writes); a refused request must leave every one as it was.
 */
export const MAIN_TABLES = [
  'users',
  'units',
  'contests',
  'rounds',
  'topics',
  'questions',
  'question_versions',
  'attempts',
  'attempt_answers',
  'round_participants',
  'round_results',
  'regrade_log',
  'essay_entries',
  'essay_assignments',
  'essay_round_states',
  'audit_log',
  'auth_sessions',
  'contest_managers',
] as const;

export type TableState = Record<(typeof MAIN_TABLES)[number], string>;

// One query: each table's row count, and a digest of its rows (an UPDATE changes no count).
const STATE_SQL = `SELECT ${MAIN_TABLES.map(
  (table) => `(SELECT count(*) || ' ' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ${table} r) AS ${table}`,
).join(', ')}`;

/** Per table: `"<row count> <md5 of its rows>"`. */
export async function tableState(t: TestApp): Promise<TableState> {
  const [row] = (await t.dataSource.query(STATE_SQL)) as TableState[];
  return row;
}

/** The tables whose rows differ between two states, with the counts before and after. */
export function changedTables(before: TableState, after: TableState): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const table of MAIN_TABLES) {
    if (before[table] !== after[table]) changed[table] = `${before[table].split(' ')[0]} rows → ${after[table].split(' ')[0]} rows${before[table].split(' ')[0] === after[table].split(' ')[0] ? ' (content changed)' : ''}`;
  }
  return changed;
}
