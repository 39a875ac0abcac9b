/**
 * The requests of the fuzz suite (issue 16 item 2), built from one route's case: a deterministic
 * sweep (every field, form part and query key with each of a few values known to break things) and
 * fast-check arbitraries (hostile path ids, query strings, mutated bodies, bodies that lie about
 * their type, hostile uploads).
 */
import fc from 'fast-check';
import { hostileId, hostileQuery, hostileValue, type Lazy, Literal, mutate, type RawBody, rawBody } from './hostile.js';
import type { DocumentedRoute } from './routes.js';

export interface Upload {
  field: string;
  file: Buffer;
  name: string;
  fields: Record<string, string>;
}

/** How to fuzz one route: as whom, the real ids, the query keys it reads, a valid body to start from. */
export interface FuzzCase<Caller extends string = string> {
  as: Caller;
  params?: Record<string, string>;
  query?: readonly string[];
  body?: unknown;
  /** A multipart form: the valid parts to start from. */
  upload?: Upload;
  /** Whole files to send with the form's fields, each well formed but for one hostile value. */
  files?: Buffer[];
  /** A write the contract makes on a refused request (a reused refresh token ends its whole session). */
  refusedMayWrite?: { code: string; tables: string[] };
}

/** One request as fast-check builds it. */
export interface FuzzRequest {
  params: Record<string, string>;
  query: string | Lazy;
  body?: unknown;
  raw?: RawBody;
  upload?: Upload;
}

/** A file shown in a failure report by its size and first bytes, not byte by byte. */
function labelled(file: Buffer): Buffer {
  return Object.assign(file, { [fc.toStringMethod]: () => `<${file.length} bytes: ${JSON.stringify(file.subarray(0, 12).toString('latin1'))}…>` });
}

const hostileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => labelled(Buffer.from(bytes))),
  fc.constantFrom(
    ...[
      Buffer.alloc(0),
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      Buffer.from('\uFEFFTên đơn vị,Đơn vị cấp trên,Số đoàn viên\n"=cmd|\' /C calc\'!A0",,1e309\n\u0000,,-0\n', 'utf8'),
      Buffer.from('Câu hỏi?\nA. \u0000\nB. \uD800\nANSWER: Z\n', 'utf8'),
      Buffer.from(`${'A. x\n'.repeat(10_000)}ANSWER: A\n`),
    ].map(labelled),
  ),
);

/** A form field: as given, hostile, or left out. */
function formValue(valid: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: fc.constantFrom('', 'NaN', 'yes', '\u0000', 'x'.repeat(2000), 'not-a-uuid', 'xlsx', 'gift', 'csv', '00000000-0000-0000-0000-000000000000') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function uploadArbitrary(upload: Upload): fc.Arbitrary<Upload> {
  const fieldNames = Object.keys(upload.fields);
  return fc.record({
    field: fc.oneof({ weight: 5, arbitrary: fc.constant(upload.field) }, { weight: 1, arbitrary: fc.constantFrom('files', 'file[]', 'FILE') }),
    file: fc.oneof({ weight: 1, arbitrary: fc.constant(labelled(upload.file)) }, { weight: 3, arbitrary: hostileBytes }),
    name: fc.oneof(
      { weight: 2, arbitrary: fc.constant(upload.name) },
      { weight: 1, arbitrary: fc.constantFrom('../../etc/passwd', '\u202Efdp.exe', 'a\u0000b.pdf', 'x'.repeat(1000), 'bài dự thi.pdf', 'con.pdf', '.pdf', '"; filename=evil.exe') },
    ),
    fields: fc
      .tuple(
        fc.record(Object.fromEntries(fieldNames.map((name) => [name, formValue(upload.fields[name])]))),
        fc.option(fc.constantFrom('__proto__', 'constructor', 'note'), { freq: 4 }),
      )
      .map(([fields, extra]) => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
        if (extra) Object.defineProperty(out, extra, { value: 'x', enumerable: true });
        return out;
      }),
  });
}

export function requestArbitrary(route: DocumentedRoute, fuzz: FuzzCase): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(
    Object.fromEntries(
      route.pathParams.map((name) => {
        const real = fuzz.params?.[name];
        return [name, real ? fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 2, arbitrary: hostileId }) : hostileId];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: fuzz.query ? 3 : 1, arbitrary: hostileQuery(fuzz.query ?? []) });
  let content: fc.Arbitrary<Pick<FuzzRequest, 'body' | 'raw' | 'upload'>>;
  if (fuzz.upload) {
    content = fc.oneof(
      { weight: 5, arbitrary: uploadArbitrary(fuzz.upload).map((upload) => ({ upload })) },
      { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
    );
  } else if (fuzz.body !== undefined) {
    content = fc.oneof(
      { weight: 6, arbitrary: mutate(fuzz.body).map((body) => ({ body })) },
      { weight: 1, arbitrary: hostileValue.map((body) => ({ body })) },
      { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
    );
  } else {
    // No body expected: none, or one anyway.
    content = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileValue.map((body) => ({ body })) }, { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) });
  }
  return fc.record({ params, query, content }).map(({ params, query, content }) => ({ params, query, ...content }));
}

/** Values every field and query parameter gets, one at a time, before the random requests. */
const SWEEP_VALUES: readonly unknown[] = [null, '', '\u0000', 'x\uD800', 5e-324, 1e21, new Literal('1e309'), new Literal('-0'), [], {}, [[[[[]]]]], new Literal('['.repeat(5000) + ']'.repeat(5000), 'array nested 5,000 deep')];
/** Bodies that are not what their Content-Type says. */
const SWEEP_RAW: readonly RawBody[] = [
  { contentType: 'multipart/form-data; boundary=xyz', payload: '[1,2,' },
  { contentType: 'multipart/form-data', payload: '--xyz\r\n' },
  { contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`, payload: `--${'b'.repeat(300)}\r\n` },
  { contentType: 'multipart/form-data; boundary=xyz', payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF' },
  { contentType: 'application/json', payload: '['.repeat(100_000) + ']'.repeat(100_000) },
  { contentType: 'application/json', payload: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000) },
  { contentType: 'application/json', payload: '{"__proto__":{"isAdmin":true}}' },
  { contentType: 'text/plain', payload: 'x' },
];
const SWEEP_FORM_VALUES: readonly string[] = ['a\u0000b.pdf', 'x\uD800.pdf', '\u202Efdp.exe', 'x'.repeat(1000)];
const SWEEP_QUERY_VALUES: readonly string[] = ['%00', '1e309', '-0', 'NaN', '', '%ZZ', '%ED%A0%80', '9'.repeat(400)];

/** Where a value sits in a template body: every key, and the keys of the first item of an array, 3 levels down. */
function fieldPaths(template: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 2 || template === null || typeof template !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(template) ? (template.length ? [[0, template[0]]] : []) : Object.entries(template);
  return entries.flatMap(([key, value]) => [[...prefix, key], ...fieldPaths(value, [...prefix, key], depth + 1)]);
}

function replaced(template: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (Array.isArray(template)) return template.map((item, index) => (index === head ? replaced(item, rest, value) : item));
  const object = template as Record<string, unknown>;
  return { ...object, [head]: replaced(object[head], rest, value) };
}

export function* sweepRequests(fuzz: FuzzCase): Generator<{ label: string; request: FuzzRequest }> {
  const params = fuzz.params ?? {};
  if (fuzz.body !== undefined) {
    for (const path of fieldPaths(fuzz.body)) {
      for (const value of SWEEP_VALUES) {
        const shown = value instanceof Literal ? value[fc.toStringMethod]() : JSON.stringify(value);
        yield { label: `body.${path.join('.')} = ${shown}`, request: { params, query: '', body: replaced(fuzz.body, path, value) } };
      }
    }
  }
  if (fuzz.upload) {
    const upload = fuzz.upload;
    for (const value of SWEEP_FORM_VALUES) {
      yield { label: `file name ${JSON.stringify(value.slice(0, 20))}`, request: { params, query: '', upload: { ...upload, name: value } } };
      for (const field of Object.keys(upload.fields)) {
        yield { label: `form ${field} = ${JSON.stringify(value.slice(0, 20))}`, request: { params, query: '', upload: { ...upload, fields: { ...upload.fields, [field]: value } } } };
      }
    }
  }
  for (const [index, file] of (fuzz.files ?? []).entries()) {
    const line = file.toString('utf8').split('\n')[1] ?? '';
    yield { label: `file ${index + 1} (${JSON.stringify(line.slice(0, 40))}…)`, request: { params, query: '', upload: { ...fuzz.upload!, file } } };
  }
  if (fuzz.body !== undefined || fuzz.upload) {
    for (const raw of SWEEP_RAW) yield { label: `${(raw.contentType || 'no content type').slice(0, 40)} ${JSON.stringify(String(raw.payload).slice(0, 30))}`, request: { params, query: '', raw } };
  }
  for (const name of fuzz.query ?? []) {
    for (const value of SWEEP_QUERY_VALUES) yield { label: `?${name}=${value.slice(0, 20)}`, request: { params, query: `${name}=${value}`, body: fuzz.body } };
  }
}

/** A stable seed per route: adding a route does not change the requests of the others. */
export function seedOf(key: string, seed: number): number {
  let hash = seed;
  for (const ch of key) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}
