import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
/** test/browser/screenshots/, or a folder in it for a suite that is not the default one (`embedded/`). */
export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots', process.env.HOITHI_BROWSER_SCREENSHOTS_SUBDIR ?? '');

/** Why the suite is skipped (set by global-setup), or null when it runs. */
export const skipReason = (): string | null => process.env.HOITHI_BROWSER_SKIP ?? null;

/**
 * The server's pool idle timeout when the suite set a short one (the embedded suite:
 * DATABASE_IDLE_TIMEOUT_MS=200), else null.
 */
export const dbIdleTimeoutMs = (): number | null => (process.env.HOITHI_BROWSER_DB_IDLE_TIMEOUT_MS ? Number(process.env.HOITHI_BROWSER_DB_IDLE_TIMEOUT_MS) : null);

export function baseUrl(): string {
  const url = process.env.HOITHI_BROWSER_BASE_URL;
  if (!url) throw new Error('HOITHI_BROWSER_BASE_URL is not set: run through `npm run test:browser`');
  return url;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HOITHI_BROWSER_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/**
 * A fresh context (own storage) with a phone viewport, Vietnamese, collecting console errors.
 * `options` adds to it (say `isMobile` and `hasTouch` for a real phone's coarse pointer).
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', baseURL: baseUrl(), ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message} (${page.url()})`));
  return { context, page, errors };
}

// Page scripts are strings: the test project is type-checked without the DOM library.
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })');
}

/**
 * A key screen: at 360 × 740 it must not scroll sideways; screenshots at 360 × 740 and 1280 × 800
 * go to test/browser/screenshots/ (the embedded suite's to screenshots/embedded/). The page is left
 * at the phone size.
 */
export async function keyScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(PHONE);
  await page.evaluate('document.fonts.ready.then(() => true)');
  const { scrollWidth } = await horizontalOverflow(page);
  if (scrollWidth > PHONE.width) throw new Error(`${name}: the page scrolls sideways at 360 px (scrollWidth ${String(scrollWidth)})`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-360x740.png`), fullPage: false });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280x800.png`), fullPage: false });
  await page.setViewportSize(PHONE);
}

type SessionLike = { accessToken: string; refreshToken?: string; expiresIn: number };

/**
 * Signs a browser context in without the form. Given an email and password: a login through the
 * context's own request API (so a refresh cookie, when the server sets one, is the context's); given
 * a login's response: its tokens. The access token (and a refresh token in the body, if any) goes
 * where the client looks for a stored session before its first script, once: later navigations keep
 * what the app made of it (its renewed tokens, or the cookie and the `hoi-thi.signedIn` flag).
 */
export async function signInContext(context: BrowserContext, who: string | SessionLike, password?: string): Promise<SessionLike> {
  let auth: SessionLike;
  if (typeof who === 'string') {
    const response = await context.request.post(`${baseUrl()}/api/auth/login`, { data: { email: who, password } });
    if (!response.ok()) throw new Error(`login of ${who} → ${String(response.status())} ${await response.text()}`);
    auth = (await response.json()) as SessionLike;
  } else {
    auth = who;
  }
  const session: Record<string, string> = { 'hoi-thi.accessToken': auth.accessToken, 'hoi-thi.accessTokenExpiresAt': String(Date.now() + auth.expiresIn * 1000) };
  if (auth.refreshToken) session['hoi-thi.refreshToken'] = auth.refreshToken;
  await context.addInitScript(
    `(() => { const s = window.localStorage; if (s.getItem('hoi-thi.accessToken') || s.getItem('hoi-thi.signedIn')) return; for (const [key, value] of Object.entries(${JSON.stringify(session)})) s.setItem(key, value); })()`,
  );
  return auth;
}
