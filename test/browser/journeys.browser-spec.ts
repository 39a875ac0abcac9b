/**
 * (j) One journey per role, on phones, as a federation runs a contest from the client alone:
 * - the admin builds the unit tree by importing a file (dry run first) and names an organizer and a
 *   judge among the registered members;
 * - the organizer builds a quiz contest with a round that closes in a few minutes, publishes it,
 *   watches the round, lets it close by itself, and exports the contest board and the unit board;
 * - the judge scores an essay with the round's prompt beside it, and is told when nothing is left;
 * - a member of an imported unit takes two rounds (on a touch phone: no keyboard hint) and finds both
 *   in the history.
 *
 * Runs in both browser projects: `browser` (server on PostgreSQL) and `browser-embedded` (the
 * `npm start` way: PGlite in DATA_DIR). Screenshots at 360 × 740 go to test/browser/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuthResponse, ContestResponse, Page as ApiPage, RoundResponse, TopicResponse } from '@hoi-thi/contracts';
import type { Browser, Download, Page } from 'playwright-core';
import { api, DEMO_CONTEST, DEMO_ROUND, registerIn, registerMember } from './support/api.js';
import { keyScreen, launchBrowser, openPage, signInContext, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;
const PASSWORD = 'mat-khau-du-thi';
const JUDGE_UNIT = 'CĐCS Bệnh viện Đa khoa Đống Đa';

/** A `<input type="datetime-local">` value on Vietnam's clock (the builder reads times there, UTC+7). */
const localInput = (date: Date) => new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);

async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** The rows of a downloaded workbook's first sheet, as text. */
async function sheetText(download: Download): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).map((value) => String(value ?? '')).join(' | ')));
  return rows.join('\n');
}

/** Starts the round from its page (through the confirmation when there is one) and waits for the quiz. */
async function startRound(page: Page, roundId: string, title: string): Promise<void> {
  await page.goto(`/rounds/${roundId}`);
  await page.getByRole('heading', { name: title }).waitFor();
  await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu làm bài' });
  await Promise.race([confirm.click().catch(() => undefined), page.getByRole('timer').waitFor()]);
  await page.getByRole('timer').waitFor();
}

/** Answers the first `n` questions with their first option, then submits through the dialog. */
async function answerAndSubmit(page: Page, n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) {
    await page.getByRole('heading', { name: new RegExp(`^Câu ${String(i)}/`) }).waitFor();
    await page.locator('.question .options input').first().check();
    await page.getByText('Đã lưu', { exact: true }).waitFor();
    if (i < n) await page.getByRole('button', { name: 'Câu sau' }).click();
  }
  await page.locator('.attempt-bar').getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('dialog', { name: 'Nộp bài?' }).getByRole('button', { name: 'Nộp bài' }).click();
  await page.getByRole('heading', { name: 'Kết quả bài thi' }).waitFor();
}

suite('every role’s job in the browser, from the unit tree to the boards', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the admin imports the tree and names the staff, the organizer runs a round to its close, the judge scores, a member takes two rounds', async () => {
    const suffix = randomBytes(3).toString('hex');
    const province = `LĐLĐ tỉnh Thử Nghiệm ${suffix}`;
    const grassroots = `CĐCS Công ty Cơ khí ${suffix}`;
    const contestTitle = `Hội thi An toàn lao động ${suffix}`;
    const futureOrganizer = await registerMember(`Ngô Văn Tổ Chức ${suffix}`);
    const futureJudge = await registerIn(JUDGE_UNIT, `Tạ Thị Giám Khảo ${suffix}`);

    // --- (1) The admin, on a phone: the tree from a file, then the staff. ---
    const admin = await openPage(browser);
    admin.page.setDefaultTimeout(15_000);
    await signIn(admin.page, process.env.HOITHI_BROWSER_ADMIN_EMAIL ?? '', process.env.HOITHI_BROWSER_ADMIN_PASSWORD ?? '', '/admin/units/import');
    await admin.page.getByRole('heading', { name: 'Nhập cây đơn vị từ tệp' }).waitFor();
    const csv = `\uFEFFTên đơn vị,Đơn vị cấp trên,Số đoàn viên\r\n${province},,1200\r\n${grassroots},${province},85\r\nCĐCS Trường Tiểu học ${suffix},${province},40\r\n`;
    await admin.page.getByLabel('Tệp đơn vị (.xlsx hoặc .csv)').setInputFiles({ name: 'cay-don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.page.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }).click();
    await admin.page.getByText('Tệp hợp lệ: sẽ thêm 3 đơn vị và cập nhật 0 đơn vị. Chưa có gì được lưu.').waitFor();
    await keyScreen(admin.page, 'j-01-admin-unit-dry-run');
    await admin.page.getByRole('button', { name: 'Nhập 3 đơn vị' }).click();
    await admin.page.getByText('Đã thêm 3 đơn vị và cập nhật 0 đơn vị.').waitFor();
    await admin.page.getByRole('link', { name: 'Xem cây đơn vị' }).click();
    await admin.page.getByText(province).first().waitFor();
    await keyScreen(admin.page, 'j-02-admin-unit-tree');

    await admin.page.goto('/admin/users');
    for (const [person, role] of [
      [futureOrganizer, 'Ban tổ chức'],
      [futureJudge, 'Giám khảo'],
    ] as const) {
      await admin.page.getByLabel('Tìm theo họ tên hoặc email').fill(person.user.email);
      const card = admin.page.getByRole('article', { name: person.user.fullName });
      await card.getByRole('button', { name: 'Sửa vai trò' }).click();
      await card.getByRole('checkbox', { name: role }).check();
      await card.getByRole('button', { name: 'Lưu vai trò' }).click();
      await admin.page.getByText(`Đã lưu vai trò của ${person.user.fullName}.`).waitFor();
    }
    await keyScreen(admin.page, 'j-03-admin-roles');
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // --- (2) The organizer builds and publishes a round that closes in a few minutes. ---
    const organizer = await openPage(browser);
    organizer.page.setDefaultTimeout(15_000);
    await signIn(organizer.page, futureOrganizer.user.email, PASSWORD, '/admin/contests');
    const { page } = organizer;
    await page.getByRole('heading', { name: 'Quản lý cuộc thi' }).waitFor();
    await page.locator('summary', { hasText: 'Tạo cuộc thi mới' }).click();
    await page.getByLabel('Tên cuộc thi').fill(contestTitle);
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    await page.getByRole('heading', { name: 'Thêm vòng thi trắc nghiệm' }).waitFor();
    // The datetime field has minutes only: the close is 2–3 minutes away (time for the member and the judge).
    const closes = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 60_000);
    await page.getByLabel('Mở lúc').fill(localInput(new Date(Date.now() - 10 * 60_000)));
    await page.getByLabel('Đóng lúc').fill(localInput(closes));
    await page.getByLabel('Thời gian làm bài (phút)').fill('2');
    // The role change ended the token of the registration: the organizer's API calls use a fresh one.
    const organizerAuth = await api<AuthResponse>('POST', '/auth/login', { email: futureOrganizer.user.email, password: PASSWORD });
    const [topic] = await api<TopicResponse[]>('GET', '/topics', undefined, organizerAuth.accessToken);
    const line = page.getByRole('group', { name: 'Dòng 1', exact: true });
    await line.getByLabel('Chủ đề', { exact: true }).selectOption({ label: topic!.name });
    await line.getByLabel('Số câu').fill('3');
    await page.getByRole('button', { name: 'Lưu vòng thi' }).click();
    await page.getByText('Đã thêm vòng thi “Vòng 1”.').waitFor();
    await page.getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByRole('dialog', { name: 'Công bố cuộc thi?' }).getByRole('button', { name: 'Công bố cuộc thi' }).click();
    await page.getByText('Đã công bố cuộc thi.').waitFor();
    await keyScreen(page, 'j-04-organizer-published');
    await page.getByRole('link', { name: 'Điều hành vòng thi' }).first().click();
    await page.getByRole('heading', { name: 'Tình hình tham gia' }).waitFor();
    const contests = await api<ApiPage<ContestResponse>>('GET', '/contests?limit=50');
    const built = contests.items.find((c) => c.title === contestTitle)!;
    const round: RoundResponse = built.rounds[0]!;
    const demoRound = contests.items.find((c) => c.title === DEMO_CONTEST)!.rounds.find((r) => r.title === DEMO_ROUND)!;

    // --- (3) A member of an imported unit, on a touch phone, takes both rounds. ---
    const member = await registerIn(grassroots, `Đỗ Thị Công Nhân ${suffix}`);
    const phone = await openPage(browser, { isMobile: true, hasTouch: true });
    phone.page.setDefaultTimeout(15_000);
    await signIn(phone.page, member.user.email, PASSWORD);
    await startRound(phone.page, round.id, 'Vòng 1');
    // A phone has no keyboard to take shortcuts from: the hint stays hidden there.
    expect(await phone.page.locator('.attempt__keys').isVisible()).toBe(false);
    await answerAndSubmit(phone.page, 3);
    await keyScreen(phone.page, 'j-05-member-result');

    await startRound(phone.page, demoRound.id, DEMO_ROUND);
    // The same quiz on a computer shows the hint (a fine pointer that hovers).
    const desk = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await signInContext(desk.context, member.user.email, PASSWORD);
    await desk.page.goto(phone.page.url());
    await desk.page.locator('.attempt__keys').waitFor({ state: 'visible' });
    await desk.context.close();
    await answerAndSubmit(phone.page, 2);

    await phone.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch sử thi' }).click();
    await phone.page.getByRole('heading', { name: 'Lịch sử thi' }).waitFor();
    await phone.page.getByRole('link', { name: `Xem kết quả: Vòng 1 — ${contestTitle}` }).waitFor();
    await phone.page.getByRole('link', { name: `Xem kết quả: ${DEMO_ROUND} — ${DEMO_CONTEST}` }).waitFor();
    await keyScreen(phone.page, 'j-06-member-history');
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // --- (4) The judge scores an essay, its prompt beside the rubric, until none is left. ---
    const essay = await api<ContestResponse>('POST', '/contests', { title: `Viết về người thợ ${suffix}`, kind: 'essay' }, organizerAuth.accessToken);
    const essayRound = await api<RoundResponse>(
      'POST',
      `/contests/${essay.id}/rounds`,
      {
        title: 'Sơ khảo',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3_000).toISOString(),
        prompt: 'Kể về một người thợ ở nơi bạn làm việc: công việc, khó khăn và điều bạn học được.',
        rubric: [
          { name: 'Nội dung', maxPoints: 60 },
          { name: 'Hình thức', maxPoints: 40 },
        ],
        judgesPerEntry: 1,
      },
      organizerAuth.accessToken,
    );
    await api('POST', `/contests/${essay.id}/publish`, undefined, organizerAuth.accessToken);
    const writer = await registerMember(`Hồ Văn Viết ${suffix}`);
    await api('POST', `/rounds/${essayRound.id}/entries`, { title: 'Người thợ tiện', body: 'Chú Ba đứng máy tiện ba mươi năm, dạy nghề cho bao lớp thợ trẻ.' }, writer.accessToken);
    const essayCloses = Date.parse(essayRound.closesAt);
    if (Date.now() < essayCloses + 300) await new Promise((resolve) => setTimeout(resolve, essayCloses + 300 - Date.now()));
    await api('POST', `/rounds/${essayRound.id}/assignments`, { judgeIds: [futureJudge.user.id] }, organizerAuth.accessToken);

    const judge = await openPage(browser, { isMobile: true, hasTouch: true });
    judge.page.setDefaultTimeout(15_000);
    await signIn(judge.page, futureJudge.user.email, PASSWORD);
    await judge.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chấm bài' }).click();
    await judge.page.getByText('0/1 bài đã chấm').waitFor();
    await judge.page.getByRole('link', { name: /Người thợ tiện/ }).click();
    await judge.page.getByRole('region', { name: 'Đề bài' }).getByText(/Kể về một người thợ/).waitFor();
    await judge.page.getByLabel('Nội dung', { exact: true }).fill('48');
    await judge.page.getByLabel('Hình thức', { exact: true }).fill('30');
    await judge.page.getByRole('button', { name: 'Lưu điểm' }).click();
    await judge.page.getByText('Bạn đã chấm hết các bài được phân công.').waitFor();
    await keyScreen(judge.page, 'j-07-judge-all-done');
    await judge.page.getByRole('link', { name: 'Về danh sách bài' }).click();
    await judge.page.getByText('1/1 bài đã chấm').waitFor();
    expect(judge.errors).toEqual([]);
    await judge.context.close();

    // --- (5) Back to the organizer: the round closes by itself; the boards are exported. ---
    await page.getByText(/^1$/).first().waitFor();
    await keyScreen(page, 'j-08-organizer-watching');
    const closedBy = Date.parse(round.closesAt) + 90_000;
    while (!(await page.getByText(/^Đã tổng kết lúc/).isVisible())) {
      if (Date.now() > closedBy) throw new Error('the round did not close by itself within 90 s of its close');
      await page.waitForTimeout(3_000);
      await page.reload();
      await page.getByRole('heading', { name: 'Tình hình tham gia' }).waitFor();
    }
    await page.getByText(/^Đã tổng kết lúc/).scrollIntoViewIfNeeded();
    await keyScreen(page, 'j-09-organizer-closed');

    await page.goto(`/contests/${built.id}/board`);
    const [individuals] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng xếp hạng cá nhân (Excel)' }).click()]);
    expect(individuals.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await sheetText(individuals)).toContain(member.user.fullName);
    await page.getByRole('tab', { name: 'Đơn vị' }).click();
    const [units] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng xếp hạng đơn vị (Excel)' }).click()]);
    expect(units.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await sheetText(units)).toContain(grassroots);
    await keyScreen(page, 'j-10-organizer-unit-board');
    expect(organizer.errors).toEqual([]);
    await organizer.context.close();
  }, 600_000);
});
