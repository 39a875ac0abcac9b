/**
 * (e) The other organizer and judge screens on a phone, with the data made through the API:
 * a member writes an essay (live word count), a judge scores an entry blind (live weighted total),
 * and an organizer runs the demo quiz round (participation, units, a regrade previewed and applied
 * after a key was corrected in the bank) and sees the essay round's judging.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttemptResponse, AuthResponse, ContestResponse, QuestionResponse, RoundResponse } from '@hoi-thi/contracts';
import type { Browser, BrowserContext } from 'playwright-core';
import { api, demoRoundId, registerIn, registerMember, signInAdmin, takeQuiz } from './support/api.js';
import { keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;
const JUDGE_UNIT = 'CĐCS Bệnh viện Đa khoa Đống Đa';

/** The app reads its token from localStorage: sign a browser context in without the form. */
async function signedIn(context: BrowserContext, auth: AuthResponse): Promise<void> {
  await context.addInitScript(`window.localStorage.setItem('hoi-thi.accessToken', ${JSON.stringify(auth.accessToken)})`);
}

const syllables = 'Người lao động là nguồn lực quý giá nhất của công đoàn cơ sở.'.split(' ');
/** A text of exactly `words` words (Vietnamese syllables, as the word count counts them). */
const essayBody = (words: number) => Array.from({ length: words }, (_, i) => syllables[i % syllables.length]).join(' ');

suite('judges and round operations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a member writes an essay, a judge scores one blind, an organizer regrades the quiz round', async () => {
    const admin = await signInAdmin();
    const now = Date.now();

    // An essay contest: round A stays open (the member writes there), round B closes in seconds
    // (its entry is judged).
    const contest = await api<ContestResponse>('POST', '/contests', { title: 'Viết về người lao động tiêu biểu', kind: 'essay' }, admin.accessToken);
    const essayRound = (title: string, closesInMs: number) => ({
      title,
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + closesInMs).toISOString(),
      rubric: [
        { name: 'Nội dung', maxPoints: 60 },
        { name: 'Hình thức', maxPoints: 40, weight: 0.5 },
      ],
      judgesPerEntry: 1,
      minWords: 20,
      maxWords: 400,
    });
    const judged = await api<RoundResponse>('POST', `/contests/${contest.id}/rounds`, essayRound('Sơ khảo', 4_000), admin.accessToken);
    const open = await api<RoundResponse>('POST', `/contests/${contest.id}/rounds`, essayRound('Bài viết tự do', 7 * 24 * 3600_000), admin.accessToken);
    await api('POST', `/contests/${contest.id}/publish`, undefined, admin.accessToken);
    const author = await registerMember('Phan Thị Tác Giả');
    // Entry codes are random (rọc phách): the judged entry's comes from its submission.
    const judgedEntry = await api<{ code: string }>('POST', `/rounds/${judged.id}/entries`, { title: 'Người thợ hàn ở cảng Đà Nẵng', body: essayBody(60) }, author.accessToken);

    // (1) A member writes an essay on a phone.
    const writer = await openPage(browser);
    writer.page.setDefaultTimeout(15_000);
    await signedIn(writer.context, await registerMember('Võ Văn Viết'));
    await writer.page.goto(`/rounds/${open.id}`);
    await writer.page.getByRole('heading', { name: 'Bài viết tự do' }).waitFor();
    await writer.page.getByLabel('Tên bài viết').fill('Chị Hoa, người giữ lửa công đoàn');
    await writer.page.getByLabel('Nội dung bài viết').fill(essayBody(12));
    await writer.page.getByText('12 chữ — chưa đủ số chữ tối thiểu').waitFor();
    await writer.page.getByLabel('Nội dung bài viết').fill(essayBody(36));
    await writer.page.getByText('36 chữ', { exact: true }).waitFor();
    await writer.page.getByRole('button', { name: 'Nộp bài' }).click();
    await writer.page.getByText(/^Đã lưu bài BV-\d{6} lúc/).waitFor();
    await writer.page.getByRole('heading', { name: /^Bài dự thi BV-\d{6}$/ }).scrollIntoViewIfNeeded();
    await keyScreen(writer.page, 'e-01-essay-entry');
    expect(writer.errors).toEqual([]);
    await writer.context.close();

    // (2) A judge from a neutral unit scores the closed round's entry.
    const judgeAccount = await registerIn(JUDGE_UNIT, 'Đặng Văn Giám Khảo');
    await api('PUT', `/users/${judgeAccount.user.id}/roles`, { roles: ['judge'] }, admin.accessToken);
    const judgeAuth = await api<AuthResponse>('POST', '/auth/login', { email: judgeAccount.user.email, password: 'mat-khau-du-thi' });
    const closesAt = Date.parse(judged.closesAt);
    if (Date.now() < closesAt + 200) await new Promise((resolve) => setTimeout(resolve, closesAt + 200 - Date.now()));
    await api('POST', `/rounds/${judged.id}/assignments`, { judgeIds: [judgeAccount.user.id] }, admin.accessToken);

    const judging = await openPage(browser);
    judging.page.setDefaultTimeout(15_000);
    await signedIn(judging.context, judgeAuth);
    await judging.page.goto('/');
    await judging.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chấm bài' }).click();
    await judging.page.getByText('0/1 bài đã chấm').waitFor();
    await keyScreen(judging.page, 'e-02-judge-list');
    await judging.page.getByRole('link', { name: judgedEntry.code }).click();
    await judging.page.getByRole('heading', { name: 'Người thợ hàn ở cảng Đà Nẵng' }).waitFor();
    expect(await judging.page.locator('main').textContent()).not.toContain('Phan Thị Tác Giả');
    await judging.page.getByLabel('Nội dung', { exact: true }).fill('50,5');
    await judging.page.getByRole('button', { name: 'Tăng điểm Hình thức' }).click();
    await judging.page.getByLabel('Hình thức', { exact: true }).press('ArrowUp');
    await judging.page.getByText('50,75 / 80').waitFor();
    await judging.page.getByLabel('Nội dung', { exact: true }).fill('50,25');
    await judging.page.getByText('50,5 / 80').waitFor();
    await judging.page.getByLabel('Hình thức', { exact: true }).fill('36');
    await judging.page.getByText('68,25 / 80').waitFor();
    await judging.page.getByLabel('Nhận xét (không bắt buộc)').fill('Bài viết chân thực, giàu cảm xúc.');
    await judging.page.getByRole('heading', { name: 'Chấm điểm' }).scrollIntoViewIfNeeded();
    await keyScreen(judging.page, 'e-03-judge-scoring');
    await judging.page.getByRole('button', { name: 'Lưu điểm' }).click();
    await judging.page.getByText(/^Đã lưu điểm lúc/).waitFor();
    await judging.page.getByRole('link', { name: '← Danh sách bài' }).click();
    await judging.page.getByText('1/1 bài đã chấm').waitFor();
    expect(judging.errors).toEqual([]);
    await judging.context.close();

    // (3) The organizer runs the demo quiz round: a member's attempt, then a corrected key.
    const roundId = await demoRoundId();
    const member = await registerMember('Lý Thị Chấm Lại');
    await takeQuiz(member.accessToken, roundId, 20, 77);
    const [attempt] = (await api<{ items: { id: string }[] }>('GET', `/rounds/${roundId}/attempts/mine`, undefined, member.accessToken)).items;
    const paper = await api<AttemptResponse>('GET', `/attempts/${attempt!.id}`, undefined, member.accessToken);
    const first = paper.questions.find((question) => question.type !== 'multiple')!;
    const question = await api<QuestionResponse>('GET', `/questions/${first.id}`, undefined, admin.accessToken);
    // Make the member's choice (the first option) the key, or take it away: either way the score moves.
    const chosen = paper.answers[first.id]!.optionIds[0];
    const wasRight = question.options.find((option) => option.id === chosen)!.correct;
    const newKey = wasRight ? question.options.find((option) => option.id !== chosen)!.id : chosen;
    await api(
      'PATCH',
      `/questions/${question.id}`,
      { options: question.options.map((option) => ({ id: option.id, text: option.text, correct: option.id === newKey })) },
      admin.accessToken,
    );

    const organizer = await openPage(browser);
    organizer.page.setDefaultTimeout(15_000);
    await signedIn(organizer.context, admin);
    await organizer.page.goto(`/admin/rounds/${roundId}`);
    await organizer.page.getByRole('heading', { name: 'Điều hành: Tuần 1' }).waitFor();
    await organizer.page.getByRole('img', { name: /Số lượt thi bắt đầu và nộp bài theo giờ/ }).waitFor();
    await organizer.page.locator('.unit-board__row').first().waitFor();
    await organizer.page.getByRole('img', { name: /Số lượt thi bắt đầu và nộp bài theo giờ/ }).scrollIntoViewIfNeeded();
    await keyScreen(organizer.page, 'e-04-round-participation');

    await organizer.page.getByRole('button', { name: 'Xem trước (chạy thử)' }).click();
    await organizer.page.getByRole('heading', { name: 'Nếu chấm lại' }).waitFor();
    const row = organizer.page.getByRole('table', { name: 'Điểm trước và sau khi chấm lại' }).getByRole('row', { name: /Lý Thị Chấm Lại/ });
    await row.waitFor();
    expect(await row.locator('td').last().textContent()).toMatch(wasRight ? /^−/ : /^\+/);
    await row.scrollIntoViewIfNeeded();
    await keyScreen(organizer.page, 'e-05-regrade-preview');
    await organizer.page.getByRole('button', { name: 'Áp dụng chấm lại' }).click();
    await organizer.page.getByRole('dialog', { name: 'Áp dụng chấm lại?' }).getByRole('button', { name: 'Áp dụng chấm lại' }).click();
    await organizer.page.getByText(/^Đã chấm lại: \d+ lượt thi đổi điểm/).waitFor();
    await organizer.page.getByText(/^Nhật ký chấm lại \(\d+\)$/).waitFor();

    // And the essay round's judging, from the contest builder.
    await organizer.page.goto(`/admin/contests/${contest.id}`);
    await organizer.page.getByRole('link', { name: 'Điều hành vòng thi' }).first().click();
    await organizer.page.getByRole('heading', { name: 'Điều hành: Sơ khảo' }).waitFor();
    await organizer.page.getByText('Đã chấm', { exact: true }).locator('..').getByText('1/1', { exact: true }).waitFor();
    await organizer.page.locator('.result-card', { hasText: judgedEntry.code }).getByText('68,25').waitFor();
    await keyScreen(organizer.page, 'e-06-essay-judging');
    expect(organizer.errors).toEqual([]);
    await organizer.context.close();
  });
});
