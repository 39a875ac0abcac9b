/**
 * Issue 17 item 7: under `npm start` no nginx compresses for the API, so it does it itself: JSON and
 * text of 1 KB or more, as brotli or gzip, whichever the client accepts (brotli first), with
 * `Vary: Accept-Encoding`. A small reply, the live board's event stream and the client's
 * precompressed files go out as they are, and a client that accepts no compression gets plain JSON.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, aQuizRound, aUnit } from '../support/builders.js';
import { FakeClock, startTestApp, type TestApp } from '../support/test-app.js';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire, still encoded. */
  body: Buffer;
}

const EVERY_ENCODING = 'gzip, deflate, br';

describe('response compression', () => {
  let t: TestApp;
  let port: number;
  let webDist: string;
  let roundId: string;
  let token: string;
  // A built asset and the brotli twin the client's build writes beside it.
  const script = `export const greeting = ${JSON.stringify('Xin chào, đoàn viên! '.repeat(200))};\n`;
  const scriptTwin = brotliCompressSync(script);

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'hoithi-compression-web-'));
    mkdirSync(join(webDist, 'assets'));
    // A shell past 1 KB, as the built index.html grows with its preload links.
    writeFileSync(join(webDist, 'index.html'), `<!doctype html><html><head><title>Hội Thi</title></head><body><!-- ${'shell '.repeat(300)}--><div id="root"></div></body></html>`);
    writeFileSync(join(webDist, 'assets', 'app-abc123.js'), script);
    writeFileSync(join(webDist, 'assets', 'app-abc123.js.br'), scriptTwin);
    // A fixed clock: the attempt's `serverTime` is the same in every reply compared below.
    const clock = new FakeClock();
    t = await startTestApp({ clock, env: { WEB_DIST_DIR: webDist } });
    const unit = await aUnit(t);
    roundId = (await aQuizRound(t, unit.id, { now: clock.now(), questions: 12 })).roundId;
    token = (await aMember(t, unit.id)).accessToken;
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  /** Node's http client: it leaves the body encoded (supertest would decode it). */
  function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Authorization: `Bearer ${token}`, ...headers } });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end();
    });
  }

  const decoded = (raw: Raw): Buffer =>
    raw.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw.body) : raw.headers['content-encoding'] === 'gzip' ? gunzipSync(raw.body) : raw.body;

  it('sends a quiz start as brotli, and the same attempt as gzip or plain as the client accepts: all decode to the same JSON', async () => {
    const start = await send('POST', `/api/rounds/${roundId}/attempts`, { 'Accept-Encoding': EVERY_ENCODING });
    expect(start.status).toBe(201);
    expect(start.headers['content-encoding']).toBe('br');
    expect(start.headers['vary']).toMatch(/accept-encoding/i);
    const attempt = JSON.parse(decoded(start).toString('utf8')) as { id: string; questions: unknown[] };
    expect(attempt.questions).toHaveLength(12);
    expect(start.body.length).toBeLessThan(decoded(start).length / 2);

    const path = `/api/attempts/${attempt.id}`;
    const plain = await send('GET', path);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // Plain here, compressed for another client: a cache must tell them apart.
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.body.length).toBeGreaterThanOrEqual(1024);
    expect((JSON.parse(plain.body.toString('utf8')) as { questions: unknown[] }).questions).toEqual(attempt.questions);

    const gzip = await send('GET', path, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['vary']).toMatch(/accept-encoding/i);
    expect(decoded(gzip).equals(plain.body)).toBe(true);

    const brotli = await send('GET', path, { 'Accept-Encoding': EVERY_ENCODING });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(decoded(brotli).equals(plain.body)).toBe(true);
    expect(Number(brotli.headers['content-length'] ?? brotli.body.length)).toBe(brotli.body.length);

    // Refused by q=0 and identity-only clients alike.
    for (const refusing of ['identity', 'br;q=0, gzip;q=0']) {
      const none = await send('GET', path, { 'Accept-Encoding': refusing });
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.body.equals(plain.body)).toBe(true);
    }
  });

  it('compresses a large document too (the OpenAPI, past 32 KB, off the event loop)', async () => {
    const plain = await send('GET', '/api/docs-json');
    expect(plain.body.length).toBeGreaterThan(32 * 1024);
    const brotli = await send('GET', '/api/docs-json', { 'Accept-Encoding': EVERY_ENCODING });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(decoded(brotli).equals(plain.body)).toBe(true);
    const gzip = await send('GET', '/api/docs-json', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).equals(plain.body)).toBe(true);
  });

  it('sends a reply under 1 KB as it is', async () => {
    const units = await send('GET', '/api/units', { 'Accept-Encoding': EVERY_ENCODING });
    expect(units.status).toBe(200);
    expect(units.body.length).toBeLessThan(1024);
    expect(units.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(units.body.toString('utf8'))).toEqual([expect.objectContaining({ name: 'CĐCS Báo Thanh Niên' })]);
  });

  it('never compresses the live board’s event stream', async () => {
    const { headers, firstChunk } = await new Promise<{ headers: IncomingHttpHeaders; firstChunk: Buffer }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: `/api/rounds/${roundId}/leaderboard/stream`, headers: { 'Accept-Encoding': EVERY_ENCODING } });
      request.on('response', (response) => {
        response.once('data', (chunk: Buffer) => {
          resolve({ headers: response.headers, firstChunk: chunk });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.end();
    });
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    // Readable as it came: SSE lines, not compressed bytes.
    expect(firstChunk.toString('utf8')).toMatch(/^(event|data|retry|id|:)/m);
  });

  it('compresses the client’s shell, and sends a precompressed asset as built, never twice', async () => {
    const shell = await send('GET', '/rounds/abc', { 'Accept-Encoding': EVERY_ENCODING });
    expect(shell.status).toBe(200);
    expect(shell.headers['content-type']).toMatch(/^text\/html/);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['vary']).toMatch(/accept-encoding/i);
    expect(decoded(shell).toString('utf8')).toMatch(/^<!doctype html>.*<div id="root"><\/div>/s);

    const asset = await send('GET', '/assets/app-abc123.js', { 'Accept-Encoding': EVERY_ENCODING });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.body.equals(scriptTwin)).toBe(true);
    expect(asset.headers['vary']).toMatch(/accept-encoding/i);
  });
});
