/**
 * (c) The share page: Open Graph tags a crawler reads without JavaScript (title with the score,
 * description, image, url), no private data, and people are sent on to the round page.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { demoRoundId, registerMember, takeQuiz } from './support/api.js';
import { baseUrl, keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

const og = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];

suite('the share page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has Open Graph tags with the score for crawlers, and sends people to the round', async () => {
    const roundId = await demoRoundId();
    const member = await registerMember('Vũ Thị Chia Sẻ');
    const result = await takeQuiz(member.accessToken, roundId, 10, 77);
    const shareUrl = `${baseUrl()}/share/rounds/${roundId}/${member.user.id}`;

    // As a crawler: plain HTTP, no JavaScript.
    const response = await fetch(shareUrl, { headers: { 'User-Agent': 'facebookexternalhit/1.1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const score = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(result.score);
    expect(og(html, 'og:title')).toBe(`Vũ Thị Chia Sẻ đạt ${score} điểm — Tuần 1`);
    expect(og(html, 'og:description')).toMatch(/^Xếp hạng \d+ trên \d+ người dự thi · CĐCS Báo Thanh Niên\. Cuộc thi “Tìm hiểu pháp luật về bầu cử”/);
    expect(og(html, 'og:url')).toBe(shareUrl);
    expect(og(html, 'og:type')).toBe('website');
    const image = og(html, 'og:image');
    expect(image).toBe(`${baseUrl()}/share-card.png`);
    const imageResponse = await fetch(image!);
    expect(imageResponse.status).toBe(200);
    expect(imageResponse.headers.get('content-type')).toBe('image/png');
    expect(html).not.toContain(member.user.email);

    // Unknown or malformed share links: a 404 page, never the client shell.
    const unknown = await fetch(`${baseUrl()}/share/rounds/${roundId}/not-a-uuid`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Không tìm thấy kết quả');
    expect((await fetch(`${baseUrl()}/share/rounds/${roundId}`)).status).toBe(404);

    // As a person: on to the round page.
    const { page, errors, context } = await openPage(browser);
    page.setDefaultTimeout(15_000);
    await page.goto(shareUrl);
    await page.waitForURL(`${baseUrl()}/rounds/${roundId}`);
    await page.getByRole('heading', { name: 'Tuần 1' }).waitFor();
    await keyScreen(page, 'c-01-share-lands-on-round');

    expect(errors).toEqual([]);
    await context.close();
  });
});
