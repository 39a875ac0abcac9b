import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { renderCertificate, type CertificateContent } from './certificate-pdf.js';

const require = createRequire(import.meta.url);

const content: CertificateContent = {
  kind: 'winner',
  fullName: 'Nguyễn Thị Hồng Nhung',
  unitName: 'CĐCS Công ty Điện lực Thủ Đức',
  contestTitle: 'Tìm hiểu Nghị quyết Đại hội XIII Công đoàn Việt Nam',
  roundTitle: 'Tuần 3',
  rank: 2,
  total: 12_345,
  score: 18.5,
  maxScore: 20,
  closedAt: new Date('2026-11-29T16:30:00Z'),
  resultsSha256: 'ab'.repeat(32),
};

describe('a certificate', () => {
  it('is a one-page PDF with a Vietnamese title and no author or producer', async () => {
    const bytes = await renderCertificate(content);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Giấy chứng nhận — Nguyễn Thị Hồng Nhung');
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getProducer()).toBeUndefined();
    expect(doc.getCreator()).toBeUndefined();
    // The font is embedded (a subset), not a standard font that has no Vietnamese letters.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('has a glyph for every letter a Vietnamese name or title can hold', () => {
    const vietnamese = 'AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYaăâbcdđeêghiklmnoôơpqrstuưvxy' +
      'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ' +
      'ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ0123456789—…/-,.:()';
    for (const file of ['400Regular/BeVietnamPro_400Regular.ttf', '700Bold/BeVietnamPro_700Bold.ttf']) {
      const font = fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`)));
      const missing = [...vietnamese.normalize('NFC')].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0)!));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('fits a very long name on the page and renders a participation certificate without rank wording', async () => {
    const bytes = await renderCertificate({ ...content, kind: 'participation', unitName: null, contestTitle: 'Cuộc thi '.repeat(40), resultsSha256: null });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});
