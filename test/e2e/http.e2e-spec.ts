import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '../../apps/api/src/common/auth/decorators.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCRIPT = `export const questions = [${Array.from({ length: 400 }, (_, i) => `'Câu hỏi số ${i} về Luật Công đoàn'`).join(', ')}];`;

@Controller('test-only')
class ExplodingController {
  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail: connection string postgres://user:pw@db');
  }
}

@Module({ controllers: [ExplodingController] })
class ExplodingModule {}

describe('HTTP basics: errors, limits, docs, health, the client', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'hoithi-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="vi"><title>Hội Thi</title><div id="root"></div></html>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log("hoi thi")');
    // What the client build's precompress step writes beside an asset.
    writeFileSync(join(webDir, 'assets', 'big-def456.js'), SCRIPT);
    writeFileSync(join(webDir, 'assets', 'big-def456.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(webDir, 'assets', 'big-def456.js.gz'), gzipSync(SCRIPT));
    t = await startTestApp({ env: { WEB_DIST_DIR: webDir }, imports: [ExplodingModule] });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and stays up', async () => {
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', message: expect.any(String) });
    await t.http().get('/api/health').expect(200);
  });

  it('refuses a 1 MB JSON body with 413 and stays up', async () => {
    const huge = JSON.stringify({ fullName: 'x'.repeat(1024 * 1024), email: 'a@b.c', password: 'xxxxxxxx', unitId: 'x' });
    const response = await t.http().post('/api/auth/register').set('Content-Type', 'application/json').send(huge).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    await t.http().get('/api/health').expect(200);
  });

  it('refuses a body that is not a JSON object', async () => {
    const array = await t.http().post('/api/auth/register').send([1, 2, 3]).expect(400);
    expect(array.body.code).toBe('VALIDATION');
    const text = await t.http().post('/api/auth/register').set('Content-Type', 'text/plain').send('hello').expect(400);
    expect(text.body.code).toBe('VALIDATION');
    const xml = await t.http().post('/api/auth/register').set('Content-Type', 'application/xml').send('<a/>').expect(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await t.http().get('/api/does-not-exist').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('logs a 500 with its request id and sends nothing internal', async () => {
    const response = await t.http().get('/api/test-only/boom').set('X-Request-Id', 'req-test-42').expect(500);
    expect(response.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: expect.stringContaining('req-test-42'), requestId: 'req-test-42' });
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(response.headers['x-request-id']).toBe('req-test-42');
  });

  it('gives every response a request id', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports the database in /api/health', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up', mode: 'postgres' } });
    expect(response.body.redis).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/units', '/api/health']));
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
    await t.http().get('/api/docs/swagger-ui-bundle.js').expect(200).expect('content-type', /javascript/);
    await t.http().get('/api/docs/..%2f..%2fpackage.json').expect(404);
  });

  it('serves the client at / and its routes, with hashed assets cached', async () => {
    const root = await t.http().get('/').expect(200).expect('content-type', /text\/html/);
    expect(root.text).toContain('<div id="root">');
    const route = await t.http().get('/contests/123').expect(200);
    expect(route.text).toContain('<div id="root">');
    const asset = await t.http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await t.http().get('/assets/missing.js').expect(404);
    const malformed = await t.http().get('/%E0%A4%A').expect(400);
    expect(malformed.body.statusCode).toBe(400);
    const traversal = await t.http().get('/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.text).not.toContain('root:');
  });

  it('sends an asset precompressed when the client accepts it: brotli first, then gzip, else as it is', async () => {
    // Node's own client: the bytes as sent (supertest would decompress them on the way).
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const raw = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        get(`http://127.0.0.1:${port}/assets/big-def456.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const br = await raw('gzip, deflate, br');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'accept-encoding', 'content-type': expect.stringMatching(/javascript/) });
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 4);
    const gz = await raw('gzip, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    // An asset built without twins is sent as it is.
    expect((await raw('br')).headers['content-encoding']).toBe('br');
    expect((await t.http().get('/assets/index-abc123.js').set('Accept-Encoding', 'br').expect(200)).headers['content-encoding']).toBeUndefined();
  });
});
