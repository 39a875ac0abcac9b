/**
 * (f) Accounts as the union runs them, on phones: an admin resets a member's forgotten password in
 * the client (no mail server: a temporary password handed over), the member is signed out, signs in
 * with it and must choose their own before anything else; the admin makes the member a judge and the
 * member's open page picks the new role up by itself (its old token refused, renewed behind the
 * scenes); the member signs out and the session is over on the server too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { api, DEMO_UNIT, registerIn } from './support/api.js';
import { keyScreen, launchBrowser, openPage, skipReason } from './support/browser.js';

const reason = skipReason();
const suite = reason ? describe.skip : describe;

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

suite('accounts: a reset password, a role change, a logout', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin reset a password and make a judge, and the member follows without an error', async () => {
    const member = await registerIn(DEMO_UNIT, 'Lê Thị Quên Mật Khẩu');

    const phone = await openPage(browser);
    phone.page.setDefaultTimeout(15_000);
    await signIn(phone.page, member.user.email, 'mat-khau-du-thi');
    const nav = phone.page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: /Lê Thị Quên Mật Khẩu/ }).waitFor();

    // The admin, on a phone too, finds the member and resets the password.
    const desk = await openPage(browser);
    desk.page.setDefaultTimeout(15_000);
    await signIn(desk.page, process.env.HOITHI_BROWSER_ADMIN_EMAIL ?? '', process.env.HOITHI_BROWSER_ADMIN_PASSWORD ?? '');
    await desk.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị', exact: true }).click();
    await desk.page.getByRole('link', { name: 'Người dùng' }).click();
    await desk.page.getByLabel('Tìm theo họ tên hoặc email').fill(member.user.email);
    const card = desk.page.getByRole('article', { name: 'Lê Thị Quên Mật Khẩu' });
    await card.waitFor();
    await keyScreen(desk.page, 'f-01-users');
    await card.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await desk.page.getByRole('button', { name: 'Tạo mật khẩu tạm thời' }).click();
    const temporary = await desk.page.getByLabel('Mật khẩu tạm thời').inputValue();
    expect(temporary).toMatch(/^[a-z2-9]{12}$/);
    await keyScreen(desk.page, 'f-02-temporary-password');

    // The member's session is over: the next page sends them to sign in, saying why.
    await phone.page.goto('/account');
    await phone.page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await phone.page.getByLabel('Email').fill(member.user.email);
    await phone.page.getByLabel('Mật khẩu').fill(temporary);
    await phone.page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Nothing else until a password of their own.
    await phone.page.getByRole('heading', { name: 'Đặt mật khẩu mới để tiếp tục' }).waitFor();
    await keyScreen(phone.page, 'f-03-must-change-password');
    await phone.page.getByLabel('Mật khẩu tạm thời').fill(temporary);
    await phone.page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-rieng-toi');
    await phone.page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-rieng-toi');
    await phone.page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await phone.page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    await api('POST', '/auth/login', { email: member.user.email, password: 'mat-khau-cua-rieng-toi' });

    // The admin makes the member a judge: the member's page, reloaded with the token it holds (now
    // refused: issued before the change), renews it and shows the judge's menu.
    await desk.page.getByLabel('Tìm theo họ tên hoặc email').fill(member.user.email);
    await card.getByRole('button', { name: 'Sửa vai trò' }).click();
    await card.getByRole('checkbox', { name: 'Giám khảo' }).check();
    await card.getByRole('button', { name: 'Lưu vai trò' }).click();
    await desk.page.getByText('Đã lưu vai trò của Lê Thị Quên Mật Khẩu.').waitFor();
    await phone.page.reload();
    await nav.getByRole('link', { name: 'Chấm bài' }).waitFor();

    // The refresh token is an HttpOnly cookie for /api/auth only (no script reads it; nothing in storage).
    // Signing out ends the session on the server and clears the cookie: the token no longer works.
    const refreshCookie = async () => (await phone.context.cookies()).find((cookie) => cookie.name === 'hoithi_refresh');
    const cookie = await refreshCookie();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
    expect(await phone.page.evaluate<string[]>("Object.keys(window.localStorage).filter((key) => /token/i.test(key))")).toEqual([]);
    await nav.getByRole('button', { name: 'Đăng xuất' }).click();
    await nav.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    // The logout request goes on in the background: wait (bounded) for its answer to clear the cookie.
    for (let waited = 0; (await refreshCookie()) !== undefined && waited < 5000; waited += 50) await phone.page.waitForTimeout(50);
    expect(await refreshCookie()).toBeUndefined();
    await expect(api('POST', '/auth/refresh', { refreshToken: cookie!.value })).rejects.toThrow(/401/);

    expect(phone.errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
    expect(desk.errors).toEqual([]);
    await phone.context.close();
    await desk.context.close();
  });
});
