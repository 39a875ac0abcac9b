// Benchmark (issue #17 item 7): the member's first load on a phone network. The built app runs the
// `npm start` way (embedded PGlite in a temporary DATA_DIR, demo data); Debian's Chromium, through
// playwright-core, emulates slow 3G with CDP (400 kbit/s down and up, 400 ms round trip, cache off)
// and loads, from nothing, the member's home page and the quiz page of an attempt in progress.
// "Interactive" is when the page's first control answers: on the home page the demo round's link,
// on the quiz page the first option's input (visible and enabled). A measurement, never a test: it
// exits 0 when a goal is missed and prints "GOAL MISSED" instead. It also lists the scripts each
// page downloaded and fails loudly if a member's page fetched an organizer's or judge's chunk.
//
//   npm run build && node test/bench/first-load.bench.mjs
//
// CHROMIUM_PATH names another Chromium (default /usr/bin/chromium); BENCH_FIRST_LOAD_RUNS (3)
// loads per page, the median reported. BENCH_FIRST_LOAD_SESSION: `cookie` (default: a reload as a
// signed-in member does it, the access token renewed with the refresh cookie first) or `token` (an
// access token already in the page, as figures before 2026-12-03 15:00 were measured).
// BENCH_FIRST_LOAD_TRACE=1 prints each request of a page's last run: when it was sent, its first
// byte and its end (ms from navigation), and its size, to see what the time is spent waiting for.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from './lib/util.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_FIRST_LOAD_RUNS ?? 3);
const GOAL_MS = 3000;
const SESSION = process.env.BENCH_FIRST_LOAD_SESSION ?? 'cookie';
const TRACE = process.env.BENCH_FIRST_LOAD_TRACE === '1';
/** Slow 3G as Chrome's DevTools define it (bytes per second for CDP). */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
/** Chunks only organizers, admins and judges need (router.tsx lazy routes), and their strings (locales/parts.ts). */
const STAFF_CHUNKS = /\/(question-bank|contest-admin|round-ops|duplicate-accounts|audit-log|units-admin|users-admin|analytics|judging|admin-layout|locale-[a-z]{2}-(organizer|judging))-[\w-]+\.js$/;

for (const file of [join(ROOT, 'apps/api/dist/main.js'), join(ROOT, 'apps/web/dist/index.html')]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
}
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);

const dataDir = mkdtempSync(join(tmpdir(), 'hoithi-first-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};

async function api(method, path, body, token) {
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

const PASSWORD = 'mat-khau-du-thi';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  // The embedded database migrates and loads the demo on first boot: wait for health.
  for (let waited = 0; ; waited += 500) {
    if (waited > 120_000) throw new Error('the app did not become healthy in 120 s');
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode}) before it became healthy`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const units = await api('GET', '/units');
  const unit = units.find((u) => u.name === 'CĐCS Báo Thanh Niên') ?? units.at(-1);
  const member = await api('POST', '/auth/register', { fullName: 'Người Đo Tải Trang', email: `do.tai.${randomBytes(4).toString('hex')}@example.vn`, password: PASSWORD, unitId: unit.id });
  const contests = await api('GET', '/contests?limit=50');
  const round = contests.items.flatMap((c) => c.rounds).find((r) => r.phase === 'open' && r.kind === 'quiz');
  const attempt = await api('POST', `/rounds/${round.id}/attempts`, undefined, member.accessToken);

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const pages = [
    { name: 'home', path: '/', ready: (page) => page.getByRole('link', { name: new RegExp(round.title) }).first() },
    { name: 'quiz', path: `/attempts/${attempt.id}`, ready: (page) => page.locator('.question .options input').first() },
  ];
  const results = [];
  for (const { name, path, ready } of pages) {
    const times = [];
    let scripts = [];
    let bytes = 0;
    let trace = [];
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh context each run: nothing cached, the member's session already stored.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
      if (SESSION === 'token') {
        await context.addInitScript(`window.localStorage.setItem('hoi-thi.accessToken', ${JSON.stringify(member.accessToken)})`);
      } else {
        // A session of its own each run: a refresh token is spent by its use.
        const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: member.user.email, password: PASSWORD }) });
        const [pair] = (login.headers.get('set-cookie') ?? '').split(';');
        const [cookieName, value] = pair.split('=');
        if (!login.ok || !value) throw new Error(`login for the session cookie failed: ${login.status}`);
        await context.addCookies([{ name: cookieName, value, domain: '127.0.0.1', path: '/api/auth', httpOnly: true, sameSite: 'Strict' }]);
        await context.addInitScript(`window.localStorage.setItem('hoi-thi.signedIn', '1')`);
      }
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      let received = 0;
      // CDP's timestamps are seconds on a monotonic clock; the first request's is the origin.
      const requests = new Map();
      cdp.on('Network.requestWillBeSent', (event) => {
        requests.set(event.requestId, { url: new URL(event.request.url).pathname + new URL(event.request.url).search, sent: event.timestamp });
      });
      cdp.on('Network.responseReceived', (event) => {
        const request = requests.get(event.requestId);
        if (request) request.firstByte = event.timestamp;
      });
      cdp.on('Network.loadingFinished', (event) => {
        received += event.encodedDataLength;
        const request = requests.get(event.requestId);
        if (request) Object.assign(request, { end: event.timestamp, bytes: event.encodedDataLength });
      });
      const loaded = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') loaded.push(new URL(request.url()).pathname);
      });
      const started = Date.now();
      await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: 120_000 });
      const control = ready(page);
      await control.waitFor({ state: 'visible', timeout: 120_000 });
      if (name === 'quiz') await page.waitForFunction((element) => !element.disabled, await control.elementHandle(), { timeout: 120_000 });
      times.push(Date.now() - started);
      scripts = loaded;
      bytes = received;
      const origin = Math.min(...[...requests.values()].map((request) => request.sent));
      const at = (time) => (time === undefined ? '     -' : String(Math.round((time - origin) * 1000)).padStart(6));
      trace = [...requests.values()].map((request) => `${at(request.sent)} ${at(request.firstByte)} ${at(request.end)} ${String(((request.bytes ?? 0) / 1024).toFixed(1)).padStart(6)} KB  ${request.url}`);
      trace.push(`${at(origin + (Date.now() - started) / 1000)} interactive (wall clock from goto)`);
      await context.close();
    }
    const staff = scripts.filter((script) => STAFF_CHUNKS.test(script));
    results.push({ name, ms: median(times), times, scripts, bytes, staff, trace });
  }
  await browser.close();

  console.log(`\nFirst load on emulated slow 3G (400 kbit/s, 400 ms RTT, no cache), session by ${SESSION}, median of ${RUNS}; goal < ${GOAL_MS} ms`);
  for (const { name, ms, times, scripts, bytes, staff, trace } of results) {
    const verdict = ms < GOAL_MS ? 'ok' : 'GOAL MISSED';
    console.log(`  ${name.padEnd(5)} interactive in ${String(ms).padStart(6)} ms (runs: ${times.join(', ')}), ${(bytes / 1024).toFixed(0)} KB over the wire  ${verdict}`);
    console.log(`        scripts: ${scripts.join(', ')}`);
    if (staff.length) console.log(`        MEMBER PAGE LOADED STAFF CODE: ${staff.join(', ')}`);
    if (TRACE) console.log(`          sent  first    end   size\n${trace.map((line) => `        ${line}`).join('\n')}`);
  }
  if (results.some((r) => r.staff.length)) process.exitCode = 1;
} finally {
  stop();
}
