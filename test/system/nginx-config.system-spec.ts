/**
 * The nginx configuration shared by docker/ and the local cluster (docker/nginx/http.conf and
 * server.conf), checked with Debian's nginx:
 * - docker/nginx.conf is valid (`nginx -t`) once its upstream — Docker's DNS name with `resolve`, which
 *   nginx 1.22 lacks — is replaced by a stub, and it includes the same shared files as the cluster's;
 * - the cluster's generated configuration is valid;
 * - run in front of two small stand-in replicas, the shared server part does what its comments say:
 *   a header the API sets comes once, a missing one is added; a dead replica is routed around; no
 *   replica at all → 503 SERVICE_UNAVAILABLE with Retry-After in the API's error shape; a POST that
 *   reached a replica which died is not sent again, a GET is; a burst of logins → 429 RATE_LIMITED;
 *   X-Forwarded-For is nginx's view of the client, whatever the client sent.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, NGINX_SHARED_DIR, renderNginxConfig, ROOT } from '../../scripts/cluster/cluster.mjs';
import { NGINX } from './throwaway-services.js';

const missing = existsSync(NGINX) ? null : `${NGINX} is missing (apt-get install -y nginx)`;
if (missing && process.env.CI_REQUIRE_SERVICES === '1') throw new Error(`nginx configuration tests cannot run: ${missing} (CI_REQUIRE_SERVICES=1)`);
if (missing) console.warn(`\n[system tests, nginx configuration] SKIPPED: ${missing}\n`);
const suite = missing ? describe.skip : describe;

function nginxTest(dir: string, conf: string): { ok: boolean; output: string } {
  const result = spawnSync(NGINX, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Temp paths under `dir`, so `nginx -t` needs no write access to /var/lib/nginx. */
const tempPaths = (dir: string) => ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${join(dir, name)};`).join('\n');

suite('the nginx configuration shared by docker/ and the local cluster', () => {
  const root = mkdtempSync(join(tmpdir(), 'hoithi-nginx-'));
  chmodSync(root, 0o755);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('docker/nginx.conf passes nginx -t with a stub upstream, and includes the shared parts as the cluster does', () => {
    const dockerConf = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
    expect(dockerConf).toMatch(/^\s*include hoithi\/http\.conf;$/m);
    expect(dockerConf).toMatch(/^\s*include hoithi\/server\.conf;$/m);
    // The same failover parameters on both sides.
    expect(dockerConf).toMatch(/server api:3000 resolve max_fails=3 fail_timeout=10s;/);
    const dir = join(root, 'docker');
    mkdirSync(dir);
    // Laid out as in the container: /etc/nginx/nginx.conf next to /etc/nginx/hoithi/ (compose.yaml).
    symlinkSync(NGINX_SHARED_DIR, join(dir, 'hoithi'));
    const stubbed = dockerConf
      .replace('server api:3000 resolve', 'server 127.0.0.1:9')
      .replaceAll('/var/log/nginx/', `${dir}/`)
      .replace(/^http \{$/m, `pid ${dir}/nginx.pid;\nhttp {\n${tempPaths(dir)}`);
    expect(stubbed).not.toContain('resolve max_fails');
    writeFileSync(join(dir, 'nginx.conf'), stubbed);
    const result = nginxTest(dir, join(dir, 'nginx.conf'));
    expect(result).toMatchObject({ ok: true });
    expect(result.output).toContain('test is successful');
  });

  it("the cluster's generated configuration passes nginx -t", async () => {
    const dir = join(root, 'cluster');
    mkdirSync(dir);
    const conf = renderNginxConfig({ port: await freePort(), apiPorts: [await freePort(), await freePort()], tempDir: dir, accessLog: join(dir, 'access.log') });
    expect(conf).toContain(`include "${join(NGINX_SHARED_DIR, 'http.conf')}";`);
    expect(conf).toContain(`include "${join(NGINX_SHARED_DIR, 'server.conf')}";`);
    expect(conf.match(/server 127\.0\.0\.1:\d+ max_fails=3 fail_timeout=10s;/g)).toHaveLength(2);
    writeFileSync(join(dir, 'nginx.conf'), conf);
    expect(nginxTest(dir, join(dir, 'nginx.conf'))).toMatchObject({ ok: true });
  });

  describe('in front of two stand-in replicas', () => {
    const dir = join(root, 'run');
    let nginx: ChildProcess | null = null;
    let base = '';
    const replicas: Server[] = [];
    /** What each replica saw: "METHOD path" lines. */
    const seen: string[][] = [[], []];

    /** Replica i: sets the API's headers on /api/with-headers; dies mid-request (socket destroyed) on /api/die. */
    const replica = (index: number) =>
      createServer((request: IncomingMessage, response: ServerResponse) => {
        seen[index]!.push(`${request.method!} ${request.url!}`);
        if (request.url === '/api/die' && index === 0) {
          request.socket.destroy();
          return;
        }
        if (request.url === '/api/with-headers') {
          response.setHeader('X-Content-Type-Options', 'nosniff');
          response.setHeader('Referrer-Policy', 'no-referrer');
        }
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ replica: index, forwardedFor: request.headers['x-forwarded-for'] ?? null, requestStart: request.headers['x-request-start'] ?? null }));
      });

    beforeAll(async () => {
      mkdirSync(dir);
      const ports = [await freePort(), await freePort()];
      for (const [index, port] of ports.entries()) {
        const server = replica(index);
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
        replicas.push(server);
      }
      const port = await freePort();
      writeFileSync(join(dir, 'nginx.conf'), renderNginxConfig({ port, apiPorts: ports, tempDir: dir, accessLog: null }));
      nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
      base = `http://127.0.0.1:${String(port)}`;
      for (let i = 0; i < 100; i += 1) {
        if (await fetch(`${base}/api/x`).then(() => true, () => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('nginx did not start');
    });
    afterAll(async () => {
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx!.once('exit', resolve));
        nginx.kill('SIGTERM');
        await exited;
      }
      await Promise.all(replicas.map((server) => new Promise((resolve) => server.close(resolve))));
    });

    it('adds nosniff and Referrer-Policy only where the API did not, never a second copy', async () => {
      const bare = await fetch(`${base}/api/plain`);
      expect(bare.headers.get('x-content-type-options')).toBe('nosniff');
      expect(bare.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      const withHeaders = await fetch(`${base}/api/with-headers`);
      // fetch joins repeated headers with ", ": one value means one copy.
      expect(withHeaders.headers.get('x-content-type-options')).toBe('nosniff');
      expect(withHeaders.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('overwrites X-Forwarded-For with the client nginx sees', async () => {
      const response = await fetch(`${base}/api/xff`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
      expect(await response.json()).toMatchObject({ forwardedFor: '127.0.0.1' });
    });

    it('stamps X-Request-Start with when it received the request, whatever the client sent', async () => {
      const before = Date.now();
      const response = await fetch(`${base}/api/start`, { headers: { 'X-Request-Start': 't=1000000000.000' } });
      const { requestStart } = (await response.json()) as { requestStart: string };
      expect(requestStart).toMatch(/^t=\d{10}\.\d{3}$/);
      const stampedMs = Number(requestStart.slice(2)) * 1000;
      // nginx's clock is cached per event loop iteration: within a few ms of the test's.
      expect(stampedMs).toBeGreaterThanOrEqual(before - 50);
      expect(stampedMs).toBeLessThanOrEqual(Date.now() + 50);
    });

    it('never sends again a POST that reached a replica which died, but passes such a GET to the other one', async () => {
      for (const list of seen) list.length = 0;
      // One at a time: the upstream's round-robin (shared by the workers) alternates the replicas.
      const posts: Response[] = [];
      for (let i = 0; i < 4; i += 1) posts.push(await fetch(`${base}/api/die`, { method: 'POST' }));
      const diedPosts = seen[0]!.filter((line) => line === 'POST /api/die').length;
      expect(diedPosts).toBeGreaterThan(0);
      // Each POST that reached replica 0 came back as a 503, and replica 1 never saw it a second time.
      expect(posts.map((response) => response.status).filter((status) => status === 503)).toHaveLength(diedPosts);
      expect(seen[1]!.filter((line) => line === 'POST /api/die')).toHaveLength(4 - diedPosts);
      expect(await posts.find((response) => response.status === 503)!.json()).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      for (const list of seen) list.length = 0;
      const gets: number[] = [];
      for (let i = 0; i < 4; i += 1) gets.push((await fetch(`${base}/api/die`)).status);
      expect(gets).toEqual([200, 200, 200, 200]);
      expect(seen[0]!.filter((line) => line === 'GET /api/die').length).toBeGreaterThan(0);
    });

    it('answers 429 RATE_LIMITED with Retry-After past the login burst; other methods and paths are not limited', async () => {
      const responses = await Promise.all(Array.from({ length: 400 }, () => fetch(`${base}/api/auth/login`, { method: 'POST' })));
      const limited = responses.filter((response) => response.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(200);
      expect(limited[0]!.headers.get('retry-after')).toBe('1');
      expect(await limited[0]!.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      await Promise.all(limited.slice(1).map((response) => response.body?.cancel()));
      expect((await fetch(`${base}/api/auth/login`)).status).toBe(200);
      expect((await fetch(`${base}/api/auth/refresh`, { method: 'POST' })).status).toBe(200);
    });

    it('answers 503 SERVICE_UNAVAILABLE with Retry-After in the API error shape when no replica answers, in the asked language', async () => {
      await Promise.all(replicas.map((server) => new Promise((resolve) => server.close(resolve))));
      replicas.length = 0;
      const response = await fetch(`${base}/api/anything`, { headers: { 'Accept-Language': 'en' } });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.json()).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable.' });
      const vietnamese = await fetch(`${base}/api/anything`);
      expect(await vietnamese.json()).toMatchObject({ message: 'Dịch vụ tạm thời không sẵn sàng.' });
    });
  });
});
