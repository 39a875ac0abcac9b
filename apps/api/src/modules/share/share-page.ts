import { createHash } from 'node:crypto';
/**
 * The share page: a tiny HTML document with Open Graph tags for the crawlers of Facebook, Zalo and
 * the rest (they do not run JavaScript), which sends people on to the round page in the client.
 * Everything put into the page is escaped here.
 */
export type ShareLanguage = 'vi' | 'en';

export interface ShareMember {
  fullName: string;
  unitName: string | null;
  score: number;
  rank: number;
  total: number;
}

export interface SharePageData {
  language: ShareLanguage;
  /** Absolute URLs (og:url, og:image) and the client path people are sent on to. */
  pageUrl: string;
  imageUrl: string;
  targetPath: string;
  contestTitle: string;
  roundTitle: string;
  /** Null when the member is not on the board (no finished attempt, or an unknown member). */
  member: ShareMember | null;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** A JSON value safe inside a <script> element (no `</script>`, no HTML comment openers). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const LOCALES: Record<ShareLanguage, { intl: string; og: string }> = {
  vi: { intl: 'vi-VN', og: 'vi_VN' },
  en: { intl: 'en-GB', og: 'en_GB' },
};

const number = (language: ShareLanguage, value: number) =>
  new Intl.NumberFormat(LOCALES[language].intl, { maximumFractionDigits: 2 }).format(value);

const TEXTS = {
  vi: {
    title: (m: ShareMember, round: string, score: string) => `${m.fullName} đạt ${score} điểm — ${round}`,
    description: (m: ShareMember, contest: string, rank: string, total: string) =>
      `Xếp hạng ${rank} trên ${total} người dự thi${m.unitName ? ` · ${m.unitName}` : ''}. Cuộc thi “${contest}” trên Hội Thi — mời bạn cùng tham gia.`,
    roundTitle: (round: string, contest: string) => `${round} — ${contest}`,
    roundDescription: 'Cuộc thi tìm hiểu trực tuyến dành cho đoàn viên, người lao động trên Hội Thi — mời bạn cùng tham gia.',
    imageAlt: 'Hội Thi — cuộc thi tìm hiểu trực tuyến',
    open: 'Xem vòng thi và tham gia',
  },
  en: {
    title: (m: ShareMember, round: string, score: string) => `${m.fullName} scored ${score} points — ${round}`,
    description: (m: ShareMember, contest: string, rank: string, total: string) =>
      `Ranked ${rank} of ${total}${m.unitName ? ` · ${m.unitName}` : ''}. The “${contest}” contest on Hội Thi — join in.`,
    roundTitle: (round: string, contest: string) => `${round} — ${contest}`,
    roundDescription: 'An online quiz for trade union members on Hội Thi — join in.',
    imageAlt: 'Hội Thi — online quiz contests',
    open: 'See the round and take part',
  },
} as const;

export function shareTexts(data: SharePageData): { title: string; description: string } {
  const texts = TEXTS[data.language];
  const { member } = data;
  if (!member) return { title: texts.roundTitle(data.roundTitle, data.contestTitle), description: texts.roundDescription };
  return {
    title: texts.title(member, data.roundTitle, number(data.language, member.score)),
    description: texts.description(member, data.contestTitle, number(data.language, member.rank), number(data.language, member.total)),
  };
}

export function renderSharePage(data: SharePageData): string {
  const { title, description } = shareTexts(data);
  const texts = TEXTS[data.language];
  const e = escapeHtml;
  const meta = (property: string, content: string) => `<meta property="${property}" content="${e(content)}">`;
  return `<!doctype html>
<html lang="${data.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<meta name="description" content="${e(description)}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${e(data.pageUrl)}">
${meta('og:type', 'website')}
${meta('og:site_name', 'Hội Thi')}
${meta('og:locale', LOCALES[data.language].og)}
${meta('og:title', title)}
${meta('og:description', description)}
${meta('og:url', data.pageUrl)}
${meta('og:image', data.imageUrl)}
${meta('og:image:type', 'image/png')}
${meta('og:image:width', '1200')}
${meta('og:image:height', '630')}
${meta('og:image:alt', texts.imageAlt)}
<meta name="twitter:card" content="summary_large_image">
<style>body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;background:#f6f5f3;color:#1d1b1a}main{max-width:32rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.375rem;line-height:1.3}a{display:inline-block;padding:.75rem 1rem;background:#b3261e;color:#fff;border-radius:.5rem;font-weight:600;text-decoration:none}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
<p>${e(description)}</p>
<p><a href="${e(data.targetPath)}">${e(texts.open)}</a></p>
</main>
<script>location.replace(${scriptJson(data.targetPath)});</script>
</body>
</html>
`;
}

export function renderShareNotFound(language: ShareLanguage): string {
  const text = language === 'en' ? { title: 'Result not found', home: 'Go to Hội Thi' } : { title: 'Không tìm thấy kết quả', home: 'Đến trang Hội Thi' };
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)}</title>
</head>
<body>
<main><h1>${escapeHtml(text.title)}</h1><p><a href="/">${escapeHtml(text.home)}</a></p></main>
</body>
</html>
`;
}

/**
 * The share page's Content-Security-Policy: nothing but its own inline style and redirect script,
 * allowed by their SHA-256 (they differ per page: the script names the round), and its images (the icon is a data: URL).
 */
export function sharePagePolicy(html: string): string {
  const hashes = (tag: 'script' | 'style') =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map(([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`).join(' ');
  return `default-src 'none'; script-src ${hashes('script') || "'none'"}; style-src ${hashes('style') || "'none'"}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
