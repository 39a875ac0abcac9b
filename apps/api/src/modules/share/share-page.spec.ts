import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { escapeHtml, renderShareNotFound, renderSharePage, scriptJson, sharePagePolicy, type SharePageData } from './share-page.js';

const base: SharePageData = {
  language: 'vi',
  pageUrl: 'https://hoithi.example/share/rounds/r1/u1',
  imageUrl: 'https://hoithi.example/share-card.png',
  targetPath: '/rounds/r1',
  contestTitle: 'Tìm hiểu pháp luật về bầu cử',
  roundTitle: 'Tuần 1',
  member: { fullName: 'Nguyễn Văn An', unitName: 'CĐCS Báo Thanh Niên', score: 18.5, rank: 3, total: 120 },
};

const ogContent = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1];

describe('share page', () => {
  it('says who scored what, in what rank, for crawlers that do not run JavaScript', () => {
    const html = renderSharePage(base);

    expect(ogContent(html, 'og:title')).toBe('Nguyễn Văn An đạt 18,5 điểm — Tuần 1');
    expect(ogContent(html, 'og:description')).toContain('Xếp hạng 3 trên 120 người dự thi · CĐCS Báo Thanh Niên');
    expect(ogContent(html, 'og:url')).toBe(base.pageUrl);
    expect(ogContent(html, 'og:image')).toBe(base.imageUrl);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('location.replace("/rounds/r1")');
  });

  it('allows only its own inline script and style, by hash, under the Content-Security-Policy', () => {
    const html = renderSharePage(base);
    const policy = sharePagePolicy(html);
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(policy).toContain(`script-src ${sha('location.replace("/rounds/r1");')};`);
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    // Another round's page has another script, so another hash.
    expect(sharePagePolicy(renderSharePage({ ...base, targetPath: '/rounds/r2' }))).not.toContain(sha('location.replace("/rounds/r1");'));
  });

  it('speaks English when asked', () => {
    const html = renderSharePage({ ...base, language: 'en' });
    expect(ogContent(html, 'og:title')).toBe('Nguyễn Văn An scored 18.5 points — Tuần 1');
    expect(ogContent(html, 'og:locale')).toBe('en_GB');
  });

  it('describes the round when the member is not on the board', () => {
    const html = renderSharePage({ ...base, member: null });
    expect(ogContent(html, 'og:title')).toBe('Tuần 1 — Tìm hiểu pháp luật về bầu cử');
  });

  it('escapes every value it puts into the page', () => {
    const hostile = '"><script>alert(1)</script>&\'';
    const html = renderSharePage({
      ...base,
      contestTitle: hostile,
      roundTitle: hostile,
      pageUrl: `https://x/${hostile}`,
      targetPath: `/rounds/</script><script>alert(2)</script>`,
      member: { fullName: hostile, unitName: hostile, score: 1, rank: 1, total: 1 },
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"><');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;');
  });

  it('escapes HTML and script text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(scriptJson('</script><!--')).toBe('"\\u003c/script\\u003e\\u003c!--"');
  });

  it('has a not-found page in both languages', () => {
    expect(renderShareNotFound('vi')).toContain('Không tìm thấy kết quả');
    expect(renderShareNotFound('en')).toContain('Result not found');
  });
});
