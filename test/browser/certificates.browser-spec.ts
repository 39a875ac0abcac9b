/**
 * (g) Certificates (issue 19 item 4) on a phone: after a quiz round closes by itself, a member
 * downloads their own PDF from the round page, and the contest's manager builds everyone's into a zip,
 * watching its progress, then downloads it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ContestResponse, RoundResponse } from '@hoi-thi/contracts';
import type { Browser } from 'playwright-core';
import { api, registerMember, signInAdmin, takeQuiz } from './support/api.js';
import { keyScreen, launchBrowser, openPage, signInContext, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

suite('certificates', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a member downloads their own; the manager builds everyone’s into a zip with progress', async () => {
    const admin = await signInAdmin();
    // The demo bank's fullest topic (other suites add small topics of their own).
    const { items } = await api<{ items: { topicId: string; count: number }[] }>('GET', '/questions/availability', undefined, admin.accessToken);
    const perTopic = new Map<string, number>();
    for (const item of items) perTopic.set(item.topicId, (perTopic.get(item.topicId) ?? 0) + item.count);
    const topicId = [...perTopic].sort((a, b) => b[1] - a[1])[0]![0];
    const contest = await api<ContestResponse>('POST', '/contests', { title: 'Tìm hiểu Luật Công đoàn năm 2024', kind: 'quiz' }, admin.accessToken);
    const now = Date.now();
    const round = await api<RoundResponse>(
      'POST',
      `/contests/${contest.id}/rounds`,
      { title: 'Tuần chung kết', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 8_000).toISOString(), timeLimitSeconds: 300, maxAttempts: 1, blueprint: [{ topicId, count: 3 }] },
      admin.accessToken,
    );
    await api('POST', `/contests/${contest.id}/publish`, undefined, admin.accessToken);
    const winner = await registerMember('Đặng Thị Chứng Nhận');
    const other = await registerMember('Hồ Văn Tham Gia');
    await takeQuiz(winner.accessToken, round.id, 3, 0);
    await takeQuiz(other.accessToken, round.id, 1, 0);

    // The round closes by itself at close + grace (the suite's server checks every 2 s).
    const deadline = Date.now() + 60_000;
    while ((await api<RoundResponse>('GET', `/rounds/${round.id}`, undefined, admin.accessToken)).phase !== 'closed' || !(await api<RoundResponse>('GET', `/rounds/${round.id}`, undefined, admin.accessToken)).closedAt) {
      if (Date.now() > deadline) throw new Error('the round did not close by itself');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    // The member, on a phone.
    const member = await openPage(browser, { acceptDownloads: true });
    member.page.setDefaultTimeout(15_000);
    await signInContext(member.context, winner);
    await member.page.goto(`/rounds/${round.id}`);
    const card = member.page.getByRole('region', { name: 'Giấy chứng nhận' });
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await keyScreen(member.page, 'g-01-member-certificate');
    const [pdf] = await Promise.all([member.page.waitForEvent('download'), card.getByRole('button', { name: 'Tải giấy chứng nhận (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^chung-nhan-\d+\.pdf$/);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(member.errors).toEqual([]);
    await member.context.close();

    // The manager, on the round's operations page.
    const manager = await openPage(browser, { acceptDownloads: true });
    manager.page.setDefaultTimeout(30_000);
    await signInContext(manager.context, admin);
    await manager.page.goto(`/admin/rounds/${round.id}`);
    const panel = manager.page.getByRole('region', { name: 'Giấy chứng nhận' });
    await panel.waitFor();
    await panel.getByLabel('Số người đạt giải').fill('1');
    await panel.getByRole('button', { name: 'Tạo giấy chứng nhận' }).click();
    const download = panel.getByRole('button', { name: 'Tải tệp .zip (2 giấy chứng nhận)' });
    await download.waitFor();
    await panel.scrollIntoViewIfNeeded();
    await keyScreen(manager.page, 'g-02-manager-certificates');
    const [zip] = await Promise.all([manager.page.waitForEvent('download'), download.click()]);
    expect(zip.suggestedFilename()).toBe('chung-nhan.zip');
    expect(readFileSync((await zip.path())!).subarray(0, 2).toString()).toBe('PK');
    expect(manager.errors).toEqual([]);
    await manager.context.close();
  });
});
