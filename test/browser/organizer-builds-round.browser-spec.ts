/**
 * (d) An organizer on a phone: signs in, adds a topic, imports questions from a file (a dry run of a
 * broken file shows its errors by line; the real file's dry run, then the import), finds a question
 * by a search without diacritics, builds a contest with a round whose blueprint uses the imported
 * topic (the bank's counts shown beside each line), is refused publishing while the bank is one
 * question short (the short line named), adds that question in the editor, publishes, and finds
 * the contest on the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;
const fixture = (path: string) => join(import.meta.dirname, '..', 'fixtures', 'import', path);

/** Scrolls the page so this element is at the top (for the screenshot that follows). */
const toTop = (locator: Locator) =>
  locator.evaluate((element: { scrollIntoView(options: { block: 'start' }): void }) => {
    element.scrollIntoView({ block: 'start' });
  });

/** A `<input type="datetime-local">` value on Vietnam's clock (the client reads the builder's times there, UTC+7, whatever the browser's zone). */
function localInput(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

suite('an organizer imports questions and builds a round', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a bank, builds a round against it, publishes, and the contest is on the home page', async () => {
    const { page, errors, context } = await openPage(browser);
    page.setDefaultTimeout(15_000);
    const suffix = randomBytes(3).toString('hex');
    const topicName = `Luật Bầu cử 2015 (${suffix})`;
    const contestTitle = `Hội thi tìm hiểu Luật Bầu cử ${suffix}`;

    // Sign in; the login page sends the organizer on to the question bank.
    await page.goto('/login?next=/admin/questions');
    await page.getByLabel('Email').fill(process.env.HOITHI_BROWSER_ADMIN_EMAIL ?? '');
    await page.getByLabel('Mật khẩu').fill(process.env.HOITHI_BROWSER_ADMIN_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Ngân hàng câu hỏi' }).waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị', exact: true }).waitFor();

    // A topic for the file.
    await page.locator('summary', { hasText: /^Chủ đề$/ }).click();
    const topicForm = page.getByRole('form', { name: 'Thêm chủ đề mới' });
    await topicForm.getByLabel('Tên chủ đề').fill(topicName);
    await topicForm.getByRole('button', { name: 'Thêm chủ đề' }).click();
    await page.getByText(`Đã thêm chủ đề “${topicName}”.`).waitFor();
    await page.getByText('Không có câu hỏi nào phù hợp.').waitFor();

    // Import: a broken file first — its dry run names the line; nothing can be imported.
    await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await page.getByRole('heading', { name: 'Nhập câu hỏi từ tệp' }).waitFor();
    expect(await page.getByLabel('Nhập vào chủ đề').locator('option:checked').textContent()).toBe(topicName);
    await page.getByLabel('Tệp câu hỏi').setInputFiles(fixture('not-ok/aiken-bad-letter.txt'));
    expect(await page.getByLabel('Định dạng tệp').inputValue()).toBe('aiken');
    await page.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }).click();
    await page.getByRole('heading', { name: 'Kết quả kiểm tra' }).waitFor();
    await page.locator('.import-issue', { hasText: 'Dòng 12' }).waitFor();
    expect(await page.getByRole('button', { name: /^Nhập \d+ câu hỏi$/ }).count()).toBe(0);
    await toTop(page.getByRole('heading', { name: 'Kết quả kiểm tra' }));
    await keyScreen(page, 'd-01-import-errors');

    // The real file: the dry run says how many, then the import for real.
    await page.getByLabel('Tệp câu hỏi').setInputFiles(fixture('ok/bank.xlsx'));
    expect(await page.getByLabel('Định dạng tệp').inputValue()).toBe('xlsx');
    await page.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }).click();
    await page.getByText('Tệp hợp lệ: 14 câu hỏi sẵn sàng để nhập. Chưa có gì được lưu.').waitFor();
    await toTop(page.getByRole('heading', { name: 'Kết quả kiểm tra' }));
    await keyScreen(page, 'd-02-import-dry-run');
    await page.getByRole('button', { name: 'Nhập 14 câu hỏi' }).click();
    await page.getByRole('heading', { name: 'Kết quả nhập' }).waitFor();
    await page.getByText('Đã nhập 14 câu hỏi vào ngân hàng.').waitFor();
    await toTop(page.getByRole('heading', { name: 'Kết quả nhập' }));
    await keyScreen(page, 'd-03-import-done');

    // The bank: the topic's 14 questions, and a search without diacritics.
    await page.getByRole('link', { name: 'Xem các câu hỏi của chủ đề' }).click();
    await page.getByText('Tìm thấy 14 câu hỏi').waitFor();
    await page.getByLabel('Tìm câu hỏi').fill('niem yet');
    await page.getByText('Tìm thấy 1 câu hỏi').waitFor();
    await page.getByRole('link', { name: /Danh sách cử tri phải được niêm yết/ }).scrollIntoViewIfNeeded();
    expect(new URL(page.url()).searchParams.get('search')).toBe('niem yet');
    await keyScreen(page, 'd-04-bank-search');

    // A contest, and a round asking one question more than the bank has for the topic.
    await page.getByRole('navigation', { name: 'Khu vực ban tổ chức' }).getByRole('link', { name: 'Cuộc thi' }).click();
    await page.getByRole('heading', { name: 'Quản lý cuộc thi' }).waitFor();
    await page.locator('summary', { hasText: 'Tạo cuộc thi mới' }).click();
    await page.getByLabel('Tên cuộc thi').fill(contestTitle);
    await page.getByLabel('Mô tả (không bắt buộc)').fill('Cuộc thi thử nghiệm trên điện thoại.');
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    await page.getByRole('heading', { name: contestTitle }).waitFor();
    await page.getByRole('heading', { name: 'Thêm vòng thi trắc nghiệm' }).waitFor();

    await page.getByLabel('Mở lúc').fill(localInput(new Date(Date.now() - 10 * 60_000)));
    await page.getByLabel('Đóng lúc').fill(localInput(new Date(Date.now() + 7 * 24 * 3600_000)));
    await page.getByLabel('Thời gian làm bài (phút)').fill('10');
    const line = (n: number) => page.getByRole('group', { name: `Dòng ${String(n)}`, exact: true });
    await line(1).getByLabel('Chủ đề', { exact: true }).selectOption({ label: topicName });
    await line(1).getByText('Ngân hàng có 14 câu — đủ.').waitFor();
    await line(1).getByLabel('Số câu').fill('15');
    await line(1).getByText('Không đủ câu hỏi: cần 15, ngân hàng chỉ có 14.').waitFor();
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await line(2).getByLabel('Chủ đề', { exact: true }).selectOption({ label: topicName });
    await line(2).getByLabel('Mức độ', { exact: true }).selectOption({ label: 'Khó' });
    await line(2).getByLabel('Số câu').fill('2');
    await line(2).getByText('Ngân hàng có 4 câu — đủ.').waitFor();
    // Line 2 takes 2 of the 14: line 1 now competes for the 12 left.
    await line(1).getByText(/cần 15; ngân hàng có 14 nhưng .* chỉ còn 12/).waitFor();
    await line(1).getByLabel('Số câu').fill('13');
    await line(1).getByText(/cần 13; ngân hàng có 14 nhưng .* chỉ còn 12/).waitFor();
    await page.getByText('Tổng: 15 câu').waitFor();
    await keyScreen(page, 'd-05-blueprint-short');
    await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
    await page.getByText('Đã thêm vòng thi “Vòng 1”.').waitFor();

    // Publishing is refused, and the short line is named next to it. The browser logs the 409
    // response itself as a console error: that one is expected, nothing else is.
    const before = errors.length;
    await page.getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByRole('dialog', { name: 'Công bố cuộc thi?' }).getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByText('Chưa công bố được: ngân hàng câu hỏi không đủ.').waitFor();
    await page.getByText('Hệ thống từ chối: dòng này cần 13 câu, ngân hàng chỉ có 12.').waitFor();
    expect(errors.splice(before)).toEqual([expect.stringMatching(/status of 409 \(Conflict\)/)]);
    await page.getByRole('link', { name: 'Xem dòng 1 của vòng “Vòng 1”' }).click();
    await keyScreen(page, 'd-06-publish-refused');

    // One more question of the topic, written in the editor.
    await page.getByRole('navigation', { name: 'Khu vực ban tổ chức' }).getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: topicName });
    await page.getByRole('link', { name: 'Thêm câu hỏi' }).click();
    await page.getByRole('heading', { name: 'Thêm câu hỏi' }).waitFor();
    expect(await page.getByLabel('Chủ đề', { exact: true }).locator('option:checked').textContent()).toBe(topicName);
    await page.getByLabel('Nội dung câu hỏi').fill('Cử tri ở nước ngoài có được bỏ phiếu bầu đại biểu Quốc hội không?');
    await page.getByLabel('Phương án A', { exact: true }).fill('Có, tại cơ quan đại diện');
    await page.getByLabel('Phương án B', { exact: true }).fill('Không được bầu cử ở nước ngoài');
    await page.getByRole('button', { name: 'Xoá phương án D' }).click();
    await page.getByRole('button', { name: 'Xoá phương án C' }).click();
    await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await page.getByText('Câu một đáp án cần đúng một phương án được đánh dấu đúng.').waitFor();
    await page.getByLabel('Phương án B là đáp án đúng').check();
    await page.getByLabel('Mức độ', { exact: true }).selectOption({ label: 'Khó' });
    await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await page.getByText('Đã thêm câu hỏi.').waitFor();
    await page.getByRole('heading', { name: 'Sửa câu hỏi' }).waitFor();
    await toTop(page.getByRole('group', { name: 'Phương án trả lời' }));
    await keyScreen(page, 'd-07-question-editor');

    // Back to the contest: the line has enough now, and publishing goes through.
    await page.getByRole('navigation', { name: 'Khu vực ban tổ chức' }).getByRole('link', { name: 'Cuộc thi' }).click();
    await page.getByRole('link', { name: contestTitle }).click();
    await page.getByRole('heading', { name: contestTitle }).waitFor();
    await page.locator('.blueprint-summary__line').first().getByText('Ngân hàng có 15 câu — đủ.').waitFor();
    await page.getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByRole('dialog', { name: 'Công bố cuộc thi?' }).getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByText('Đã công bố cuộc thi.').waitFor();
    await page.locator('.badge', { hasText: 'Đã công bố' }).waitFor();
    await keyScreen(page, 'd-08-published');

    // Members see it on the home page, with its open round.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cuộc thi', exact: true }).click();
    const card = page.locator('.contest-card', { has: page.getByRole('heading', { name: contestTitle }) });
    await card.waitFor();
    await card.getByRole('link', { name: /Vòng 1/ }).waitFor();
    expect(await card.getByRole('link', { name: /Vòng 1/ }).textContent()).toContain('15 câu');
    await card.scrollIntoViewIfNeeded();
    await keyScreen(page, 'd-09-home');

    expect(errors).toEqual([]);
    await context.close();
  });
});
