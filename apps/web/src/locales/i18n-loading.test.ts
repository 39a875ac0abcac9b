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

  it('keeps the later choice when English arrives after Vietnamese was chosen again', async () => {
    const { i18n } = await freshI18n();
    const toEnglish = i18n.changeLanguage('en');
    await i18n.changeLanguage('vi');
    await toEnglish;
    expect(i18n.language).toBe('vi');
    expect(i18n.t('nav.login')).toBe('Đăng nhập');
    // The strings came all the same: choosing English again switches at once.
    void i18n.changeLanguage('en');
    expect(i18n.language).toBe('en');
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

describe('wording a key', () => {
  it('fills every {{placeholder}} named in the values, and leaves one without a value as it is', async () => {
    const { i18n } = await freshI18n();
    expect(i18n.t('app.signedInAs', { name: 'Nguyễn Thị Hoa' })).toBe('Đang đăng nhập: Nguyễn Thị Hoa');
    expect(i18n.t('rounds.me.attemptNumber', { n: 2 })).toBe('Lượt 2');
    expect(i18n.t('rounds.me.attemptNumber')).toBe('Lượt {{n}}');
    expect(i18n.t('rounds.me.attemptNumber', { other: 1 })).toBe('Lượt {{n}}');
  });

  it('gives the key back when no language has it, so that the crawler sees it', async () => {
    const { i18n } = await freshI18n();
    // A section's name is not a string: it is not a key either.
    expect(i18n.t('bank.title')).toBe('bank.title');
    expect(i18n.t('app' as 'app.name')).toBe('app');
  });

  it('falls back to Vietnamese for a key the shown language lacks', async () => {
    const { i18n } = await freshI18n();
    await i18n.changeLanguage('en');
    i18n.addResourceBundle('vi', 'translation', { onlyVi: { word: 'Chỉ tiếng Việt' } });
    expect(i18n.t('onlyVi.word' as 'app.name')).toBe('Chỉ tiếng Việt');
    expect(i18n.exists('onlyVi.word' as 'app.name')).toBe(true);
  });
});
