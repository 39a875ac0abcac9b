#!/usr/bin/env node
/**
 * Response schemas for /api/docs-json, generated from the controllers' declared return types.
 *
 * The response types are interfaces in libs/contracts (shared with the client), which the swagger
 * plugin cannot see. This reads every controller with the TypeScript compiler API, takes each route's
 * `Promise<X>` and turns X into JSON Schema with ts-json-schema-generator. api-docs.ts merges the result
 * into the document. Run `npm run openapi:generate` after changing a route or a response contract;
 * test/e2e/openapi-responses.e2e-spec.ts fails while the committed file is stale.
 *
 * Usage: node tools/openapi/generate-responses.mjs [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OVERRIDES } from './overrides.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED_FILE = join(ROOT, 'apps/api/src/common/web/openapi-responses.generated.ts');
const MODULES = join(ROOT, 'apps/api/src/modules');
const GLOBAL_PREFIX = '/api';
const VERBS = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE' };

const require = createRequire(import.meta.url);
const tjs = require('ts-json-schema-generator');
// The generator brings its own compiler; its AST (SyntaxKind numbers) must be read with that same one.
const ts = createRequire(require.resolve('ts-json-schema-generator'))('typescript');

function controllerFiles() {
  return ts.sys
    .readDirectory(MODULES, ['.ts'])
    .filter((file) => file.endsWith('.controller.ts'))
    .sort();
}

const BUILTIN_TYPES = new Set(['Array', 'Date', 'Omit', 'Partial', 'Pick', 'Readonly', 'ReadonlyArray', 'Record', 'Required']);

/** The overrides' type expressions, as type aliases in one in-memory file the program also compiles. */
const VIRTUAL_FILE = join(ROOT, 'tools/openapi/__overrides__.ts');

function virtualSource() {
  const lines = [];
  const aliases = new Map();
  for (const [key, override] of Object.entries(OVERRIDES)) {
    for (const [mediaType, entry] of Object.entries(override.content)) {
      if (!entry.type) continue;
      const alias = `Override${aliases.size}`;
      aliases.set(`${key} ${mediaType}`, alias);
      const local = new Set(Object.keys(entry.from ?? {}));
      for (const [name, file] of Object.entries(entry.from ?? {})) lines.push(`import type { ${name} } from '${join(ROOT, file).replace(/\.ts$/, '.js')}';`);
      const names = [...new Set(entry.type.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? [])].filter((name) => !local.has(name) && !BUILTIN_TYPES.has(name));
      if (names.length > 0) lines.push(`import type { ${names.join(', ')} } from '@hoi-thi/contracts';`);
      lines.push(`export type ${alias} = ${entry.type};`);
    }
  }
  return { text: `${lines.join('\n')}\n`, aliases };
}

function createProgram(files, virtualText) {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'apps/api/tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = {
    ...config.options,
    noEmit: true,
    baseUrl: undefined,
    // The libraries' sources, not their (possibly stale) build output.
    paths: {
      '@hoi-thi/contracts': [join(ROOT, 'libs/contracts/src/index.ts')],
      '@hoi-thi/contest-engine': [join(ROOT, 'libs/contest-engine/src/index.ts')],
    },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    resolve(fileName) === VIRTUAL_FILE ? ts.createSourceFile(fileName, virtualText, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => resolve(fileName) === VIRTUAL_FILE || fileExists(fileName);
  return ts.createProgram({ rootNames: [...files, VIRTUAL_FILE], options, host });
}

function decorators(node) {
  return (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? [];
}

/** A decorator's name and its first argument when that is a literal ('rounds', 204). */
function decoratorCall(decorator) {
  const expression = decorator.expression;
  if (!ts.isCallExpression(expression)) return { name: expression.getText(), args: [] };
  return { name: expression.expression.getText(), args: expression.arguments };
}

function literal(node) {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  return undefined;
}

function joinPath(...parts) {
  const path = parts
    .filter((part) => part !== undefined && part !== '')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Whether a parameter has `@Res()` without passthrough: the method writes the reply itself. */
function writesReply(method) {
  return method.parameters.some((parameter) =>
    decorators(parameter).some((decorator) => {
      const { name, args } = decoratorCall(decorator);
      if (name !== 'Res' && name !== 'Response') return false;
      const options = args[0];
      return !(options && ts.isObjectLiteralExpression(options) && options.getText().includes('passthrough: true'));
    }),
  );
}

/** Every route of every controller: key "METHOD /api/path", status, and the node of its response type. */
export function collectRoutes(program, files) {
  const routes = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const controller = decorators(statement).map(decoratorCall).find((d) => d.name === 'Controller');
      if (!controller) continue;
      const base = literal(controller.args[0]) ?? '';
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member)) continue;
        const calls = decorators(member).map(decoratorCall);
        const verb = calls.find((d) => d.name in VERBS);
        if (!verb) continue;
        const method = VERBS[verb.name];
        const key = `${method} ${joinPath(GLOBAL_PREFIX, base, literal(verb.args[0]))}`;
        const httpCode = literal(calls.find((d) => d.name === 'HttpCode')?.args[0]);
        const status = httpCode ?? (method === 'POST' ? 201 : 200);
        const where = `${relative(ROOT, file)} ${statement.name?.text}.${member.name.getText()}`;
        let body = member.type;
        if (body && ts.isTypeReferenceNode(body) && body.typeName.getText() === 'Promise') body = body.typeArguments?.[0];
        routes.push({ key, status, where, body, source: member.body?.getText() ?? '', writesReply: writesReply(member) });
      }
    }
  }
  return routes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A component name OpenAPI accepts (`^[A-Za-z0-9._-]+$`): Page<ContestResponse> → Page_ContestResponse. */
function componentName(name) {
  return name
    .replace(/["']/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** ts-json-schema-generator's draft-07 `#/definitions/X` → the document's `#/components/schemas/X`. */
function rewriteRefs(schema) {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
      out.$ref = `#/components/schemas/${componentName(decodeURIComponent(value.slice('#/definitions/'.length)))}`;
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

function isVoid(node) {
  return node !== undefined && (node.kind === ts.SyntaxKind.VoidKeyword || node.kind === ts.SyntaxKind.UndefinedKeyword);
}

/** The generated document part: { routes: { "GET /api/x": { status, content?: { mediaType: schema } } }, schemas }. */
export function generate() {
  const files = controllerFiles();
  const virtual = virtualSource();
  const program = createProgram(files, virtual.text);
  const aliasNodes = new Map(
    program
      .getSourceFile(VIRTUAL_FILE)
      .statements.filter((statement) => ts.isTypeAliasDeclaration(statement))
      .map((statement) => [statement.name.text, statement.type]),
  );
  const config = { ...tjs.DEFAULT_CONFIG, expose: 'export', topRef: false, jsDoc: 'extended', skipTypeCheck: true, encodeRefs: false, additionalProperties: false, tsProgram: program };
  const generator = new tjs.SchemaGenerator(program, tjs.createParser(program, config), tjs.createFormatter(config), config);

  const routes = {};
  const schemas = {};
  const problems = [];
  const addSchema = (node, where) => {
    const { definitions = {}, $schema: _, ...root } = generator.createSchemaFromNodes([node]);
    for (const [name, definition] of Object.entries(definitions)) {
      const key = componentName(name);
      const rewritten = rewriteRefs(definition);
      if (schemas[key] && JSON.stringify(schemas[key]) !== JSON.stringify(rewritten)) {
        problems.push(`${where}: two different types are both named ${key}; rename one or move it to libs/contracts`);
      }
      schemas[key] = rewritten;
    }
    const schema = rewriteRefs(root);
    // A named contract becomes a component the route refers to; an anonymous type stays inline.
    if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
      const key = componentName(node.typeName.getText());
      if (schemas[key] && JSON.stringify(schemas[key]) !== JSON.stringify(schema)) {
        problems.push(`${where}: two different types are both named ${key}; rename one or move it to libs/contracts`);
      }
      schemas[key] = schema;
      return { $ref: `#/components/schemas/${key}` };
    }
    return schema;
  };

  const allRoutes = collectRoutes(program, files);
  const seen = new Set();
  for (const route of allRoutes) {
    if (seen.has(route.key)) problems.push(`${route.where}: ${route.key} is declared twice`);
    seen.add(route.key);
    const override = OVERRIDES[route.key];
    if (override) {
      const content = {};
      for (const [mediaType, entry] of Object.entries(override.content)) {
        content[mediaType] = entry.type ? addSchema(aliasNodes.get(virtual.aliases.get(`${route.key} ${mediaType}`)), route.where) : entry.schema;
      }
      for (const text of override.sends ?? []) {
        if (!route.source.includes(text)) problems.push(`tools/openapi/overrides.mjs: ${route.key} no longer has ${JSON.stringify(text)} in ${route.where}; check what it sends`);
      }
      routes[route.key] = { status: override.status ?? route.status, content };
      continue;
    }
    if (route.writesReply) {
      problems.push(`${route.where}: ${route.key} writes the reply itself (@Res()); describe what it sends in tools/openapi/overrides.mjs`);
    } else if (!route.body) {
      problems.push(`${route.where}: ${route.key} has no declared return type (write Promise<SomeContract>)`);
    } else if (isVoid(route.body)) {
      if (route.status === 204) routes[route.key] = { status: 204 };
      else problems.push(`${route.where}: ${route.key} returns nothing with status ${route.status}; add @HttpCode(204) or an override`);
    } else if (['string', 'unknown', 'any', 'T', 'FastifyReply', 'object'].includes(route.body.getText())) {
      problems.push(`${route.where}: ${route.key} returns ${route.body.getText()}, which says nothing of the body; name its contract in tools/openapi/overrides.mjs`);
    } else {
      routes[route.key] = { status: route.status, content: { 'application/json': addSchema(route.body, route.where) } };
    }
  }
  for (const key of Object.keys(OVERRIDES)) {
    if (!seen.has(key)) problems.push(`tools/openapi/overrides.mjs: ${key} is not a route any more; remove it`);
  }
  if (problems.length > 0) throw new Error(`OpenAPI responses cannot be generated:\n  ${problems.join('\n  ')}`);
  return sortKeys({ routes, schemas });
}

export function serialize(generated) {
  return [
    '// Generated by `npm run openapi:generate` (tools/openapi/generate-responses.mjs) from the controllers and libs/contracts. Do not edit.',
    "import type { GeneratedResponses } from './openapi-responses.js';",
    '',
    `export const GENERATED_RESPONSES: GeneratedResponses = ${JSON.stringify(generated, null, 2)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = serialize(generate());
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERATED_FILE, 'utf8') !== text) {
      console.error(`${relative(ROOT, GENERATED_FILE)} is out of date: run npm run openapi:generate`);
      process.exit(1);
    }
    console.log(`${relative(ROOT, GENERATED_FILE)} is up to date`);
  } else {
    writeFileSync(GENERATED_FILE, text);
    console.log(`wrote ${relative(ROOT, GENERATED_FILE)}`);
  }
}
