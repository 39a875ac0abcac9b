/**
 * Hostile input for the fuzz suite (issue 16 item 2): values that break parsers, validators and
 * databases, as fast-check arbitraries. Big values are `Lazy`: built once, sent in full, shown in a
 * failure report by their label (a counterexample holding a 1 MB string would drown the report).
 */
import fc from 'fast-check';
import { encodeLoose } from './routes.js';

export class Lazy {
  private cached: unknown;
  private built = false;

  constructor(
    readonly label: string,
    private readonly make: () => unknown,
  ) {}

  get value(): unknown {
    if (!this.built) {
      this.cached = this.make();
      this.built = true;
    }
    return this.cached;
  }

  toJSON(): unknown {
    return this.value;
  }

  toString(): string {
    return String(this.value);
  }

  [fc.toStringMethod](): string {
    return `<${this.label}>`;
  }
}

const literals: Literal[] = [];

/**
 * JSON text JSON.stringify cannot write (`-0`, `1e309`, nesting deeper than its own stack allows):
 * `serialize` splices it into the body text as is.
 */
export class Literal {
  private readonly index: number;

  constructor(
    readonly text: string,
    private readonly label = text,
  ) {
    this.index = literals.push(this) - 1;
  }

  toJSON(): string {
    return `\u0001${this.index}\u0001`;
  }

  [fc.toStringMethod](): string {
    return this.label;
  }
}

/** The JSON text of a body, `Literal`s written as they are. */
export function serialize(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0001(\d+)\\u0001"/g, (_, index: string) => literals[Number(index)].text);
}

const MB = 1 << 20;
const protoPolluter = JSON.parse('{"__proto__": {"isAdmin": true, "roles": ["admin"]}}') as unknown;
const constructorPolluter = { constructor: { prototype: { isAdmin: true } } };

export const hugeString = new Lazy('1 MB string', () => 'x'.repeat(MB));
const bigString = new Lazy('200 KB string', () => 'đ'.repeat(100 * 1024));
const hundredThousandZeros = new Lazy('100,000 zeros', () => new Array<number>(100_000).fill(0));
const hundredThousandStrings = new Lazy('100,000 strings', () => new Array<string>(100_000).fill('a'));
// Written as text: JSON.stringify itself runs out of stack on such values.
const deepArray = new Literal('['.repeat(5000) + ']'.repeat(5000), 'array nested 5,000 deep');
const deepObject = new Literal('{"a":'.repeat(2000) + '{}' + '}'.repeat(2000), 'object nested 2,000 deep');
const manyKeys = new Lazy('object with 20,000 keys', () => Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])));
const combiningStack = new Lazy('a + 5,000 combining marks', () => `a${'\u0301'.repeat(5000)}`);

/** Strings that have broken something somewhere: number look-alikes, unicode edge cases, injections, dates, ids. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '-0',
  '0x1F',
  '1_000',
  ' 42 ',
  '42',
  '4.2',
  '9007199254740993',
  '99999999999999999999999999',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\u202Egnp.exe',
  '\u200F\u200E\u061C',
  '\u200D\u200B\u2060',
  'e\u0301\u0302\u0303',
  '\uFEFF',
  '\uFFFE\uFFFF',
  '👩‍👩‍👧‍👦',
  '\u{10FFFF}',
  'Nguyễn Văn An',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00',
  '%',
  '../../etc/passwd',
  '${7*7}',
  '=HYPERLINK("http://x")',
  '2026-02-30',
  '2026-02-30T08:00:00.000Z',
  '2026-13-01T00:00:00.000Z',
  '2026-11-26T25:61:61Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2026-11-26T08:00:00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  'not-a-uuid',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  '123e4567e89b12d3a456426614174000',
  'g23e4567-e89b-12d3-a456-426614174000',
  '123e4567-e89b-12d3-a456-426614174000\u0000',
];

/** JSON values where a field expects something else. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  0.1 + 0.2,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  2 ** 64,
  new Literal('-0'),
  new Literal('1e309'),
  new Literal('-1e309'),
  new Literal('1e-400'),
  new Literal('123456789012345678901234567890'),
  new Literal('-0.0e0'),
  ...HOSTILE_STRINGS,
  [],
  [null],
  [[]],
  [1, 'a', null, {}],
  {},
  { a: 1 },
  { $gt: '' },
  { toString: 'x', valueOf: 1 },
  protoPolluter,
  constructorPolluter,
  hugeString,
  bigString,
  hundredThousandZeros,
  hundredThousandStrings,
  deepArray,
  deepObject,
  manyKeys,
  combiningStack,
];

/** Any hostile JSON value: the fixed ones, or generated strings (any code unit, lone surrogates too) and numbers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u200D', '\u0301', 'a', 'đ', '"', '\\'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
);

/** Keys a body should never carry. */
export const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'roles', 'isAdmin', '', '\u0000', 'a.b', '$where'];

/**
 * A body shaped like the template with some fields made hostile: each field kept or replaced (an
 * object or array field also mutated inside, or blown up to 100,000 items), sometimes a key added.
 */
export function mutate(template: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (Array.isArray(template)) {
    const item = template.length ? template[0] : null;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(template) },
      { weight: 2, arbitrary: hostileValue },
      { weight: 2, arbitrary: fc.array(depth < 3 ? mutate(item, depth + 1) : hostileValue, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant(new Lazy(`100,000 copies of ${JSON.stringify(item).slice(0, 40)}`, () => new Array(100_000).fill(item))) },
    );
  }
  if (template !== null && typeof template === 'object') {
    const entries = Object.entries(template);
    const fields = Object.fromEntries(
      entries.map(([key, value]) => [
        key,
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(value) },
          { weight: 2, arbitrary: hostileValue },
          ...(value !== null && typeof value === 'object' && depth < 3 ? [{ weight: 2, arbitrary: mutate(value, depth + 1) }] : []),
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
      ]),
    );
    return fc
      .tuple(fc.record(fields), fc.option(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileValue), { freq: 4 }))
      .map(([body, extra]) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(body)) if (value !== undefined) out[key] = value;
        // defineProperty: a plain assignment of `__proto__` would set the prototype instead of a key.
        if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
        return out;
      });
  }
  return fc.oneof({ weight: 2, arbitrary: fc.constant(template) }, { weight: 3, arbitrary: hostileValue });
}

export interface RawBody {
  contentType: string;
  payload: string | Lazy;
}

/** Bodies that are not the JSON they claim to be, or not JSON at all. */
export const rawBody: fc.Arbitrary<RawBody> = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/xml',
    'application/vnd.api+json',
    '',
  ),
  payload: fc.constantFrom<string | Lazy>(
    '',
    '{',
    '{"a":}',
    '{"a":1,"a":2}',
    'null',
    '"x"',
    '-0',
    '1e309',
    'NaN',
    '[1,2,',
    '\u0000',
    '{"title":"a\u0000b"}',
    '\uFEFF{}',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    'a=1&b=2',
    '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--',
    '<a>1</a>',
    new Lazy('[ nested 100,000 deep', () => '['.repeat(100_000) + ']'.repeat(100_000)),
    new Lazy('{"a": nested 20,000 deep', () => '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)),
    new Lazy('1 MB JSON string', () => JSON.stringify({ title: 'x'.repeat(MB) })),
    new Lazy('unclosed 200 KB string', () => `{"title":"${'x'.repeat(200 * 1024)}`),
  ),
});

/** A path id: malformed, almost a UUID, or absurd. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '')) },
  { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(101), 'a'.repeat(5000), '..', '.', '%2e%2e', 'x/y', '?', '#') },
);

const repeatedKeys = new Map<string, Lazy>();
function repeatedKey(key: string): Lazy {
  let lazy = repeatedKeys.get(key);
  if (!lazy) repeatedKeys.set(key, (lazy = new Lazy(`${key}=1 repeated 100,000 times`, () => `${key}=1&`.repeat(100_000))));
  return lazy;
}

/** Query-string pieces for a route's own keys and some it does not expect, percent-encoded or deliberately not. */
export function hostileQuery(keys: readonly string[]): fc.Arbitrary<string | Lazy> {
  const key = fc.oneof(
    { weight: 4, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.constantFrom('limit') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'limit[]', 'a[b]', '__proto__[isAdmin]', '') },
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => encodeLoose(s)) },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%ED%A0%80', '%FF%FE', '%', '%%', '%00', '+', '%2B', '1%00') },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
  const pair = fc.tuple(key, value).map(([k, v]) => `${encodeLoose(k)}=${v}`);
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: fc.constant(repeatedKey(keys[0] ?? 'limit')) },
    { weight: 1, arbitrary: fc.constant(new Lazy('limit= 10,000 nines', () => `limit=${'9'.repeat(10_000)}`)) },
  );
}
