/**
 * (b) The public display: shows the board without a login and updates from the live stream when
 * another member submits (through the API, to keep the test fast).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { demoRoundId, registerMember, takeQuiz } from './support/api.js';
import { DESKTOP, keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

suite('the display page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the board and updates it live when another member submits', async () => {
    const roundId = await demoRoundId();
    const first = await registerMember('Lê Văn Bảng');
    await takeQuiz(first.accessToken, roundId, 5, 40);

    const { page, errors, context } = await openPage(browser);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize(DESKTOP);
    await page.goto(`/display/rounds/${roundId}`);
    await page.getByRole('heading', { name: `Bảng xếp hạng — ${'Tuần 1'}` }).waitFor();
    await page.getByRole('cell', { name: /Lê Văn Bảng/ }).waitFor();
    await page.getByText('Trực tiếp', { exact: true }).waitFor();
    await keyScreen(page, 'b-01-display');
    const rowsBefore = await page.locator('.board tbody tr').count();

    const second = await registerMember('Đỗ Thị Màn Hình');
    await takeQuiz(second.accessToken, roundId, 20, 41);

    // No reload: the stream brings the new line.
    await page.getByRole('cell', { name: /Đỗ Thị Màn Hình/ }).waitFor();
    expect(await page.locator('.board tbody tr').count()).toBe(rowsBefore + 1);
    await page.getByText(/^Cập nhật lúc/).waitFor();
    await keyScreen(page, 'b-02-display-updated');

    expect(errors).toEqual([]);
    await context.close();
  });
});
