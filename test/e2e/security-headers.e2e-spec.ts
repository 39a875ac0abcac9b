/**
 * Issue 16 item 5: the API's security headers. JSON and files under /api: nosniff and a policy that
 * lets nothing run or frame them; the client: a policy without inline scripts, never framed; the
 * display page: framed only by DISPLAY_FRAME_ANCESTORS; HSTS only for a request that came over TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaderSets } from '../../apps/api/src/common/web/security-headers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FRAMERS = 'https://congdoan.example.vn https://tv.example.org';

describe('security headers', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'hoithi-headers-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    t = await startTestApp({ env: { WEB_DIST_DIR: webDist, DISPLAY_FRAME_ANCESTORS: FRAMERS.replace(' ', ','), TRUST_PROXY: 'true' } });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const directives = (policy: string | undefined) => new Map((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

  it('gives API responses, errors included, nosniff and a policy under which nothing runs or frames them', async () => {
    for (const response of [await t.http().get('/api/health'), await t.http().get('/api/no-such-route').expect(404), await t.http().post('/api/auth/login').send({}).expect(400)]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      const policy = directives(response.headers['content-security-policy']);
      expect(policy.get('default-src')).toBe("'none'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('serves the client under a policy without inline scripts or styles, never framed', async () => {
    const response = await t.http().get('/contests/abc').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const policy = directives(response.headers['content-security-policy']);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-');
  });

  it('lets only the configured origins frame the display page', async () => {
    const response = await t.http().get('/display/rounds/abc').expect(200);
    expect(directives(response.headers['content-security-policy']).get('frame-ancestors')).toBe(FRAMERS);
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(directives(response.headers['content-security-policy']).get('script-src')).toBe("'self'");
  });

  it('frames the display page nowhere by default', () => {
    const sets = securityHeaderSets({ displayFrameAncestors: [], hsts: 'auto' });
    expect(directives(sets.display['content-security-policy']).get('frame-ancestors')).toBe("'none'");
    expect(sets.display['x-frame-options']).toBe('DENY');
  });

  it('sends HSTS only for a request that came over TLS (X-Forwarded-Proto https behind a trusted proxy)', async () => {
    const overTls = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000');
    const plain = await t.http().get('/').set('X-Forwarded-Proto', 'http');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves Swagger UI without an inline script, under its own policy', async () => {
    const page = await t.http().get('/api/docs').expect(200);
    expect(page.text).not.toMatch(/<script>/);
    const policy = directives(page.headers['content-security-policy']);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    const init = await t.http().get('/api/docs/init.js').expect(200);
    expect(init.text).toContain('SwaggerUIBundle');
  });
});
