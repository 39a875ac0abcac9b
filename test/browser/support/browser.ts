import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

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

/** A fresh context (own storage) with a phone viewport, Vietnamese, collecting console errors. */
export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', baseURL: baseUrl() });
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
