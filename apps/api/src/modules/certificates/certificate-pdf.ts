import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** What a certificate says. Times are shown on Vietnam's clock, as everywhere in the product. */
export interface CertificateContent {
  kind: 'participation' | 'winner';
  fullName: string;
  unitName: string | null;
  contestTitle: string;
  roundTitle: string;
  rank: number;
  total: number;
  score: number;
  maxScore: number | null;
  closedAt: Date;
  /** The SHA-256 of the round's results.csv, when the results bundle exists: anyone can check the result with it. */
  resultsSha256: string | null;
}

// Be Vietnam Pro (SIL OFL), a typeface drawn for Vietnamese: every diacritic and stacked mark is in it.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
};
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

/** The font files, read once per process. */
function fontBytes() {
  fonts ??= Promise.all([readFile(require.resolve(FONT_FILES.regular)), readFile(require.resolve(FONT_FILES.bold))]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/**
 * fontkit, with each font file parsed once per process instead of once per document (pdf-lib parses
 * the bytes it embeds every time: most of a certificate's cost). Each document still takes its own subset.
 */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const parsedOnce = {
  create(data: Uint8Array) {
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
} as unknown as typeof fontkit;

const NAVY = rgb(0.08, 0.2, 0.45);
const RED = rgb(0.7, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

const vietnamDate = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const vietnamNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * One certificate as a PDF (A4 landscape), the fonts embedded as subsets so any reader shows the
 * Vietnamese text as written. No author or producer in the document's metadata.
 */
export async function renderCertificate(content: CertificateContent): Promise<Uint8Array> {
  const { regular, bold } = await fontBytes();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(parsedOnce);
  const body = await doc.embedFont(regular, { subset: true });
  const heading = await doc.embedFont(bold, { subset: true });
  doc.setTitle(`Giấy chứng nhận — ${content.fullName}`, { showInWindowTitleBar: true });
  doc.setLanguage('vi-VN');
  doc.setSubject(content.kind === 'winner' ? 'Giấy chứng nhận đạt giải' : 'Giấy chứng nhận tham gia');

  const page = doc.addPage(A4_LANDSCAPE);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: NAVY, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: RED, borderWidth: 1 });

  // Each line: its text, font, size, colour and the space above it (points), from the top down.
  const score = content.maxScore === null ? vietnamNumber.format(content.score) : `${vietnamNumber.format(content.score)}/${vietnamNumber.format(content.maxScore)}`;
  const lines: [string, PDFFont, number, Color, number][] = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', heading, 13, NAVY, 70],
    ['Độc lập - Tự do - Hạnh phúc', body, 12, NAVY, 8],
    [content.kind === 'winner' ? 'GIẤY CHỨNG NHẬN ĐẠT GIẢI' : 'GIẤY CHỨNG NHẬN', heading, 32, RED, 40],
    ['Ban tổ chức cuộc thi chứng nhận', body, 14, GREY, 30],
    [content.fullName, heading, 28, NAVY, 22],
    ...(content.unitName ? [[`Đơn vị: ${content.unitName}`, body, 14, GREY, 14] as [string, PDFFont, number, Color, number]] : []),
    [content.kind === 'winner' ? `đã đạt hạng ${vietnamNumber.format(content.rank)} trong` : 'đã tham gia', body, 14, GREY, 24],
    [`${content.roundTitle} — ${content.contestTitle}`, heading, 17, NAVY, 10],
    [`Kết quả: ${score} điểm, xếp hạng ${vietnamNumber.format(content.rank)}/${vietnamNumber.format(content.total)}.`, body, 14, GREY, 22],
    [`Việt Nam, ngày ${vietnamDate.format(content.closedAt)}`, body, 13, GREY, 40],
  ];
  let y = height;
  for (const [text, font, size, color, above] of lines) {
    y -= above + size;
    centered(page, fitted(text, font, size, width - 140), font, size, y, color);
  }
  if (content.resultsSha256) {
    const code = `Mã kiểm chứng kết quả (SHA-256 của results.csv): ${content.resultsSha256}`;
    centered(page, fitted(code, body, 8, width - 100), body, 8, 48, GREY);
  }
  // Without object streams: the embedded font stays visible to old readers and to a quick check.
  return doc.save({ useObjectStreams: false });
}

function centered(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color: Color): void {
  page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/** A text cut with an ellipsis to fit the width (a very long unit or contest name must not run off the page). */
function fitted(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  // The longest prefix that fits with the ellipsis, by bisection (measuring is not free).
  let [fits, tooLong] = [0, text.length];
  while (tooLong - fits > 1) {
    const middle = (fits + tooLong) >> 1;
    if (font.widthOfTextAtSize(`${text.slice(0, middle)}…`, size) <= maxWidth) fits = middle;
    else tooLong = middle;
  }
  return `${text.slice(0, fits).trimEnd()}…`;
}
