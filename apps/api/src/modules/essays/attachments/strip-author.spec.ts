import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { aDocx, aPdf, pdfContains } from '../../../../../../test/support/essay-documents.js';
import { stripDocxAuthor, stripPdfAuthor } from './strip-author.js';

const author = { name: 'Nguyen Van An', company: 'CDCS Cang Sai Gon', manager: 'Tran Thi Binh' };
const vietnamese = { name: 'Nguyễn Văn An', company: 'Công đoàn Cảng Sài Gòn', manager: 'Trần Thị Bình' };

async function docxText(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('removing the author from a DOCX before a judge sees it', () => {
  it('empties creator and lastModifiedBy, Company and Manager, custom properties and revision authors', async () => {
    const original = await aDocx(vietnamese);
    expect(await docxText(original)).toContain(vietnamese.name);
    const stripped = await stripDocxAuthor(original);
    const text = await docxText(stripped);
    for (const value of Object.values(vietnamese)) expect(text).not.toContain(value);
    const zip = await JSZip.loadAsync(stripped);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator></dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy></cp:lastModifiedBy>');
    const app = await zip.file('docProps/app.xml')!.async('string');
    expect(app).toContain('<Company></Company>');
    expect(app).toContain('<Application>Microsoft Office Word</Application>');
  });

  it('keeps the essay itself and everything else that is not about people', async () => {
    const stripped = await stripDocxAuthor(await aDocx(author, 'Người lao động là trung tâm.'));
    const zip = await JSZip.loadAsync(stripped);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Người lao động là trung tâm.');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<cp:revision>3</cp:revision>');
    expect(Object.keys(zip.files).sort()).toEqual(Object.keys((await JSZip.loadAsync(await aDocx(author))).files).sort());
  });
});

describe('removing the author from a PDF before a judge sees it', () => {
  it.each([
    ['with object streams', true],
    ['without object streams', false],
  ])('drops Author, Creator, Producer, Title, Subject, Keywords and the XMP packet (%s)', async (_label, objectStreams) => {
    const original = await aPdf(author, { objectStreams });
    expect((await PDFDocument.load(original)).getAuthor()).toBe(author.name);
    const stripped = await stripPdfAuthor(original);
    const pdf = await PDFDocument.load(stripped, { updateMetadata: false });
    expect([pdf.getAuthor(), pdf.getCreator(), pdf.getProducer(), pdf.getTitle(), pdf.getSubject(), pdf.getKeywords()]).toEqual([
      undefined, undefined, undefined, undefined, undefined, undefined,
    ]);
    expect(pdf.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    for (const value of Object.values(author)) expect(pdfContains(stripped, value)).toBe(false);
    expect(pdf.getPageCount()).toBe(1);
  });

  it('also when the names are Vietnamese (UTF-16 strings)', async () => {
    const original = await aPdf(vietnamese);
    const stripped = await stripPdfAuthor(original);
    for (const value of Object.values(vietnamese)) expect(pdfContains(stripped, value)).toBe(false);
  });
});
