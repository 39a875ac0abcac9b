/**
 * (h) What organizers learn, and the finals on the big screen: a contest of two quiz rounds that
 * members of several demo units take (made through the API), then in the browser the participation
 * dashboard, the item analysis of the closed round, and the display's reveal of its final board
 * from the bottom, at 360 px, 1280 px and 1920 × 1080.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthResponse, ContestResponse, RoundLeaderboardResponse, RoundResponse, TopicResponse } from '@hoi-thi/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, registerIn, signInAdmin, takeQuiz } from './support/api.js';
import { DESKTOP, horizontalOverflow, keyScreen, launchBrowser, openPage, PHONE, SCREENSHOTS, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;
const BIG_SCREEN = { width: 1920, height: 1080 };

/** The app reads its token from localStorage: sign a browser context in without the form. */
async function signedIn(context: BrowserContext, auth: AuthResponse): Promise<void> {
  await context.addInitScript(`window.localStorage.setItem('hoi-thi.accessToken', ${JSON.stringify(auth.accessToken)})`);
}

async function bigScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(BIG_SCREEN);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1920x1080.png`), fullPage: false });
}

/** The whole page at both sizes, for a person to look over (the dashboard is long). */
async function fullPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
}

/** Who takes part: per unit, how many members take the qualifier (A) and the final (B). */
const takers: { unit: string; a: number; b: number }[] = [
  { unit: 'CĐCS Báo Thanh Niên', a: 4, b: 2 },
  { unit: 'CĐCS Bệnh viện Đa khoa Đống Đa', a: 1, b: 3 },
  { unit: 'CĐCS Công ty Dệt may Gia Định', a: 2, b: 2 },
  { unit: 'CĐCS Trường THCS Vĩnh Tuy', a: 1, b: 0 },
];

suite('analytics and the finals on the big screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the participation dashboard, the item analysis and the reveal of a closed round', async () => {
    const admin = await signInAdmin();
    const [topic] = await api<TopicResponse[]>('GET', '/topics', undefined, admin.accessToken);
    const contest = await api<ContestResponse>('POST', '/contests', { title: 'Hội thi Công đoàn với pháp luật', kind: 'quiz' }, admin.accessToken);
    const now = Date.now();
    const quizRound = (title: string, closesInMs: number) => ({
      title,
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + closesInMs).toISOString(),
      timeLimitSeconds: 600,
      maxAttempts: 1,
      blueprint: [{ topicId: topic!.id, count: 6 }],
      freezeMinutes: 0,
    });
    const qualifier = await api<RoundResponse>('POST', `/contests/${contest.id}/rounds`, quizRound('Vòng loại', 40_000), admin.accessToken);
    const final = await api<RoundResponse>('POST', `/contests/${contest.id}/rounds`, quizRound('Chung kết', 7 * 24 * 3600_000), admin.accessToken);
    await api('POST', `/contests/${contest.id}/publish`, undefined, admin.accessToken);

    let n = 0;
    for (const { unit, a, b } of takers) {
      for (let i = 0; i < Math.max(a, b); i += 1) {
        n += 1;
        const member = await registerIn(unit, `Thí sinh ${String(n)} ${unit.replace('CĐCS ', '')}`);
        // Different numbers of answers spread the scores (the reveal then has an order to show).
        if (i < a) await takeQuiz(member.accessToken, qualifier.id, 1 + (n % 6), n);
        if (i < b) await takeQuiz(member.accessToken, final.id, 6 - (n % 6), n);
      }
    }

    // (1) The dashboard, from the contest builder.
    const organizer = await openPage(browser);
    organizer.page.setDefaultTimeout(20_000);
    await signedIn(organizer.context, admin);
    await organizer.page.goto(`/admin/contests/${contest.id}`);
    await organizer.page.getByRole('link', { name: 'Tham gia theo đơn vị' }).click();
    await organizer.page.getByRole('heading', { level: 1, name: 'Tham gia theo đơn vị — Hội thi Công đoàn với pháp luật' }).waitFor();
    await organizer.page.getByRole('img', { name: 'Số người tham gia theo vòng thi' }).waitFor();
    const bars = organizer.page.getByRole('table', { name: 'Số người tham gia theo vòng thi' });
    expect(await bars.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Vòng loại8/), expect.stringMatching(/^Chung kết7/)]);
    const prizes = organizer.page.getByRole('table', { name: 'Top 10 đơn vị cho giải tập thể' });
    expect(await prizes.locator('tbody tr').first().locator('th').textContent()).toBe('CĐCS Báo Thanh Niên');
    // The default level is the deepest (as on the unit board); the grassroots unions of Hà Nội and
    // TP. Hồ Chí Minh sit one level up in the demo tree.
    await organizer.page.getByLabel('Cấp đơn vị').selectOption('2');
    await organizer.page.getByRole('heading', { name: 'Tăng nhiều nhất' }).waitFor();
    expect(await organizer.page.locator('.movers__group').first().locator('li').first().textContent()).toMatch(/^CĐCS Bệnh viện Đa khoa Đống Đa\+/);
    await keyScreen(organizer.page, 'h-01-participation');
    await organizer.page.getByRole('heading', { name: 'Tăng nhiều nhất' }).scrollIntoViewIfNeeded();
    await keyScreen(organizer.page, 'h-01b-prizes-and-movers');
    await fullPage(organizer.page, 'h-01-participation-full');

    const tree = organizer.page.getByRole('region', { name: 'Tham gia của mọi đơn vị qua từng vòng thi' });
    await organizer.page.getByRole('button', { name: 'Mở Liên đoàn Lao động Thành phố Hồ Chí Minh' }).click();
    await tree.getByText('CĐCS Công ty Dệt may Gia Định').waitFor();
    await organizer.page.getByLabel('Tìm đơn vị').fill('vinh tuy');
    await organizer.page.getByText('1 đơn vị khớp').waitFor();
    await organizer.page.getByRole('heading', { name: 'Tất cả đơn vị' }).scrollIntoViewIfNeeded();
    // The wide table scrolls in its own box; the page does not (keyScreen checks it at 360 px).
    await keyScreen(organizer.page, 'h-02-participation-tree');

    // (2) The qualifier closes; its item analysis, from the round operations page.
    const closesAt = Date.parse(qualifier.closesAt) + 5_500;
    if (Date.now() < closesAt) await new Promise((resolve) => setTimeout(resolve, closesAt - Date.now()));
    await api('POST', `/rounds/${qualifier.id}/close`, {}, admin.accessToken).catch(() => undefined);
    const finalBoard = await api<RoundLeaderboardResponse>('GET', `/rounds/${qualifier.id}/leaderboard?limit=20`);
    expect(finalBoard.final).toBe(true);
    expect(finalBoard.entries).toHaveLength(8);

    await organizer.page.goto(`/admin/rounds/${qualifier.id}`);
    await organizer.page.getByRole('link', { name: 'Phân tích câu hỏi' }).click();
    await organizer.page.getByRole('heading', { level: 1, name: 'Phân tích câu hỏi — Vòng loại' }).waitFor();
    await organizer.page.getByText('Bài đã kết thúc', { exact: true }).waitFor();
    expect(await organizer.page.getByRole('article').count()).toBeGreaterThanOrEqual(6);
    await organizer.page.getByText('Đáp án', { exact: true }).first().waitFor();
    await organizer.page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await keyScreen(organizer.page, 'h-03-item-analysis');
    const regrade = organizer.page.getByRole('link', { name: 'Xem trước chấm lại' }).first();
    expect(await regrade.getAttribute('href')).toBe(`/admin/rounds/${qualifier.id}#regrade`);
    await regrade.click();
    await organizer.page.getByRole('button', { name: 'Xem trước (chạy thử)' }).waitFor();
    expect(await organizer.page.evaluate('document.activeElement?.textContent')).toBe('Chấm lại');
    expect(organizer.errors).toEqual([]);
    await organizer.context.close();

    // (3) The big screen: nobody signed in, the final board revealed from the bottom.
    const screen = await openPage(browser);
    screen.page.setDefaultTimeout(20_000);
    await screen.page.setViewportSize(BIG_SCREEN);
    await screen.page.goto(`/display/rounds/${qualifier.id}`);
    await screen.page.getByRole('heading', { name: 'Bảng xếp hạng — Vòng loại' }).waitFor();
    await screen.page.getByRole('button', { name: 'Công bố từ cuối bảng' }).click();
    const rows = screen.page.getByTestId('reveal-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(8);
    expect(await screen.page.locator('[data-testid="reveal-row"][data-hidden]').count()).toBe(8);
    await screen.page.keyboard.press('Space');
    await screen.page.keyboard.press('ArrowRight');
    await screen.page.keyboard.press('Space');
    expect(await screen.page.locator('[data-testid="reveal-row"][data-hidden]').count()).toBe(5);
    expect(await rows.last().locator('.board__name').textContent()).toBe(finalBoard.entries.at(-1)!.fullName);
    await screen.page.getByText('Đã công bố 3/8').waitFor();
    await bigScreen(screen.page, 'h-04-reveal');

    // A phone: the controls wrap and stay reachable; "Tiếp" is a big target.
    await screen.page.setViewportSize(PHONE);
    await screen.page.getByRole('button', { name: 'Tiếp →' }).click();
    await screen.page.getByText('Đã công bố 4/8').waitFor();
    expect((await horizontalOverflow(screen.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await keyScreen(screen.page, 'h-05-reveal-phone');

    await screen.page.getByRole('button', { name: 'Hiện tất cả' }).click();
    await screen.page.getByText('Đã công bố toàn bộ').waitFor();
    expect(await rows.first().locator('.board__name').textContent()).toBe(finalBoard.entries[0]!.fullName);
    await bigScreen(screen.page, 'h-06-reveal-done');

    // The way back from a phone.
    await screen.page.setViewportSize(PHONE);
    await screen.page.getByRole('link', { name: '← Về vòng thi' }).click();
    await screen.page.getByRole('heading', { level: 1, name: 'Vòng loại' }).waitFor();
    expect(screen.errors).toEqual([]);
    await screen.context.close();
  });
});
