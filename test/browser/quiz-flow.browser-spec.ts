/**
 * (a) A member on a phone: registers (unit from the tree, found by search), opens the round, takes
 * the quiz — answers, changes an answer, reloads mid-way and is back where they were with the saved
 * answers — answers the prediction, submits through the confirm dialog and sees score, time and rank.
 *
 * Runs in both browser projects: `browser` (server on PostgreSQL) and `browser-embedded` (the
 * `npm start` way: PGlite in DATA_DIR, pool idle timeout 200 ms). In the embedded one the member
 * also pauses between answers for longer than the idle timeout, so saves and the submit run on a
 * connection the pool opened again after closing the idle one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttemptResponse, AuthResponse } from '@hoi-thi/contracts';
import type { Browser, Page } from 'playwright-core';
import { api, DEMO_ROUND, DEMO_UNIT, uniqueEmail } from './support/api.js';
import { dbIdleTimeoutMs, keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

const options = (page: Page) => page.locator('.question .options input');
async function checkedIds(page: Page): Promise<string[]> {
  const checked: string[] = [];
  for (const input of await options(page).all()) {
    if (await input.isChecked()) checked.push((await input.getAttribute('value')) ?? '');
  }
  return checked;
}
const questionHeading = (page: Page, n: number) => page.getByRole('heading', { name: new RegExp(`^Câu ${String(n)}/20`) });

/** API responses ≥ 500 seen by the page (the save queue retries those quietly: a stuck save says why). */
const serverErrors: string[] = [];

async function answer(page: Page, optionIndex: number): Promise<void> {
  await options(page).nth(optionIndex).click();
  try {
    await page.locator('.save-status[data-status="saved"]').waitFor();
  } catch (error) {
    throw new Error(`the answer was not saved; server errors so far: ${serverErrors.join('; ') || 'none'}`, { cause: error });
  }
}

/**
 * An idle pause: nothing happens for 3 × the server's pool idle timeout, so the pool closes its idle
 * connection and the next request must open a new one. A quiet gap like this used to break the
 * embedded database (500s after it). Only where the suite set a short idle timeout (the embedded
 * suite: DATABASE_IDLE_TIMEOUT_MS=200); the page must stay quiet meanwhile, or the pause proves nothing.
 */
async function idlePause(page: Page, apiRequests: () => number): Promise<void> {
  const idleMs = dbIdleTimeoutMs();
  if (idleMs === null) return;
  const before = apiRequests();
  await page.waitForTimeout(3 * idleMs);
  expect({ apiRequestsDuringThePause: apiRequests() - before }).toEqual({ apiRequestsDuringThePause: 0 });
}

suite('a member takes the quiz on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers, takes the quiz with a reload in the middle, submits and sees the result', async () => {
    const { page, errors, context } = await openPage(browser);
    page.setDefaultTimeout(15_000);
    // Every API request, and every request the server failed.
    let apiRequests = 0;
    serverErrors.length = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests += 1;
    });
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.request().method()} ${response.url()} → ${String(response.status())}`);
    });

    // Register: the unit is found in the tree by a search without diacritics.
    await page.goto('/register');
    await page.getByLabel('Họ và tên').fill('Trần Văn Thử');
    const email = uniqueEmail('browser');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-du-thi');
    await page.getByLabel('Tìm đơn vị').fill('bao thanh nien');
    await page.getByRole('radio', { name: DEMO_UNIT }).check();
    await page.getByText(`Đã chọn: ${DEMO_UNIT}`).waitFor();
    await keyScreen(page, 'a-01-register');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

    // Home → round page.
    const roundLink = page.getByRole('link', { name: new RegExp(DEMO_ROUND) });
    await roundLink.waitFor();
    await keyScreen(page, 'a-02-home');
    await roundLink.click();
    await page.getByRole('heading', { name: DEMO_ROUND }).waitFor();
    await page.getByRole('region', { name: 'Thể lệ' }).getByText('20 phút').waitFor();
    await page.getByRole('region', { name: 'Lượt thi của bạn' }).getByText('3 / 3').waitFor();
    await keyScreen(page, 'a-03-round');

    // Start.
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await questionHeading(page, 1).waitFor();
    const attemptId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('timer').waitFor();

    // Q1, then the keyboard to Q2, Q3.
    await answer(page, 0);
    await options(page).nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await questionHeading(page, 2).waitFor();
    await answer(page, 0);

    // IDLE PAUSE between answers (embedded suite): the pool's idle connection closes; Q3's save then
    // runs on a new connection.
    await idlePause(page, () => apiRequests);

    await page.getByRole('button', { name: 'Câu sau' }).click();
    await questionHeading(page, 3).waitFor();
    await answer(page, 1);
    await keyScreen(page, 'a-04-question');

    // Back to Q1 from the map, and change the answer.
    await page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByRole('button', { name: /^Câu 1, Đã trả lời/ }).click();
    await questionHeading(page, 1).waitFor();
    const single = (await options(page).first().getAttribute('type')) === 'radio';
    await answer(page, 1);
    const q1 = await checkedIds(page);
    expect(q1).toContain(await options(page).nth(1).getAttribute('value'));
    if (single) expect(q1).toHaveLength(1);

    // Q4, then reload mid-way.
    await page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByRole('button', { name: /^Câu 4, Chưa trả lời/ }).click();
    await questionHeading(page, 4).waitFor();
    await answer(page, 0);
    const q4 = await checkedIds(page);

    // The page keeps its tokens where no script can read them (issue 16): nothing in localStorage.
    expect(await page.evaluate<string[]>("Object.keys(window.localStorage).filter((key) => /token/i.test(key))")).toEqual([]);
    const { accessToken } = await api<AuthResponse>('POST', '/auth/login', { email, password: 'mat-khau-du-thi' });
    const onServer = await api<AttemptResponse>('GET', `/attempts/${attemptId}`, undefined, accessToken);
    expect(Object.keys(onServer.answers)).toHaveLength(4);
    expect([...(onServer.answers[onServer.questions[0]!.id]?.optionIds ?? [])].sort()).toEqual([...q1].sort());

    // The reload renews the access token once, with the refresh that session-boot.js started while
    // the scripts downloaded: a second refresh would spend the cookie twice and end the session.
    const refreshes: string[] = [];
    const countRefresh = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/auth/refresh') refreshes.push(request.url());
    };
    page.on('request', countRefresh);
    const boot = page.waitForResponse((response) => new URL(response.url()).pathname === '/session-boot.js');
    await page.reload();
    await questionHeading(page, 4).waitFor();
    expect((await boot).ok()).toBe(true);
    page.off('request', countRefresh);
    expect(refreshes).toHaveLength(1);
    expect(await checkedIds(page)).toEqual(q4);
    await page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByText('Đã trả lời 4/20 câu').waitFor();
    await page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByRole('button', { name: /^Câu 1, Đã trả lời/ }).click();
    await questionHeading(page, 1).waitFor();
    expect([...(await checkedIds(page))].sort()).toEqual([...q1].sort());
    await keyScreen(page, 'a-05-after-reload');

    // The prediction.
    await page.getByRole('navigation', { name: 'Danh sách câu hỏi' }).getByRole('button', { name: /câu hỏi dự đoán/i }).click();
    await page.getByRole('heading', { name: 'Câu hỏi dự đoán' }).waitFor();
    await page.locator('.prediction-input').fill('123');
    await page.locator('.save-status[data-status="saved"]').waitFor();
    await keyScreen(page, 'a-06-prediction');

    // IDLE PAUSE again (embedded suite): the submit, too, comes after the idle connection closed.
    await idlePause(page, () => apiRequests);

    // Submit, through the confirm dialog.
    await page.locator('.attempt-bar').getByRole('button', { name: 'Nộp bài' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp bài?' });
    await dialog.getByText('Bạn đã trả lời 4/20 câu.').waitFor();
    await dialog.getByText('Còn 16 câu chưa trả lời.').waitFor();
    await keyScreen(page, 'a-07-confirm');
    await dialog.getByRole('button', { name: 'Nộp bài' }).click();

    // The result: score, time, rank.
    await page.getByRole('heading', { name: 'Kết quả bài thi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/attempts/${attemptId}/result`);
    expect(await page.locator('.result-score__value').textContent()).toMatch(/^\d+(,\d+)?\/20$/);
    const fact = (label: string) => page.locator('.facts__item', { has: page.getByText(label, { exact: true }) }).locator('dd');
    expect(await fact('Thời gian làm bài').textContent()).toMatch(/^\d\d:\d\d$/);
    expect(await fact('Dự đoán của bạn').textContent()).toBe('123');
    await page.getByText(/^\d+ trên \d+ người$/).waitFor();
    expect(await fact('Lượt còn lại').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Thi lại' }).waitFor();
    await page.getByText(/Đáp án sẽ được công bố khi vòng thi kết thúc/).waitFor();
    await keyScreen(page, 'a-08-result');

    // Nothing of the attempt is left in storage.
    expect(await page.evaluate<string[]>(`Object.keys(window.localStorage).filter((key) => key.includes(${JSON.stringify(attemptId)}))`)).toEqual([]);
    expect(errors).toEqual([]);
    expect(serverErrors).toEqual([]);
    await context.close();
  });
});
