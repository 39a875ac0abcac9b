import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of lib/i18n (the app's is shared by every test and has every part loaded). */
async function freshI18n(storedLanguage?: string) {
  if (storedLanguage) window.localStorage.setItem('hoi-thi.language', storedLanguage);
  vi.resetModules();
  return import('../lib/i18n');
}

afterEach(() => {
  vi.resetModules();
  document.documentElement.lang = 'vi';
});

describe('loading the strings', () => {
  it('has the Vietnamese member strings at once and nothing else', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.t('nav.login')).toBe('Đăng nhập');
    expect(i18n.exists('bank.title')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('fetches English when it is chosen, and switches only once it is in', async () => {
    const { i18n } = await freshI18n();
    const switching = i18n.changeLanguage('en');
    expect(i18n.language).toBe('vi');
    await switching;
    expect(i18n.language).toBe('en');
    expect(i18n.t('nav.login')).toBe('Log in');
    expect(window.localStorage.getItem('hoi-thi.language')).toBe('en');
  });

  it('loads a stored English choice before it is ready', async () => {
    const { i18n, i18nReady } = await freshI18n('en');
    await i18nReady;
    expect(i18n.t('nav.login')).toBe('Log in');
    expect(document.documentElement.lang).toBe('en');
  });

  it("adds an area's strings in every language asked for so far", async () => {
    const { i18n, loadLocaleParts } = await freshI18n('en');
    await loadLocaleParts('organizer');
    expect(i18n.t('bank.title')).toBe('Question bank');
    await i18n.changeLanguage('vi');
    expect(i18n.t('bank.title')).toBe('Ngân hàng câu hỏi');
    expect(i18n.exists('judging.title')).toBe(false);
  });

  it('gives English the areas opened before it was chosen', async () => {
    const { i18n, loadLocaleParts } = await freshI18n();
    await loadLocaleParts('judging');
    await i18n.changeLanguage('en');
    expect(i18n.t('judging.title')).toBe('Entries assigned to you');
    expect(i18n.t('nav.login')).toBe('Log in');
  });
});
