import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { aDocx, aPdf, pdfContains } from '../../../../../../test/support/essay-documents.js';
import {
  deepDocx,
  docxFullOfAuthor,
  entityDocx,
  GIB,
  manyObjectsPdf,
  member,
  objectStreamBombPdf,
  pdfFullOfAuthor,
  pngWithAuthor,
  rawZip,
  repeatedDeflate,
} from '../../../../../../test/support/hostile-files.js';
import { stripDocxAuthor, stripPdfAuthor } from './strip-author.js';

/** Every part of a package, inflated, and the parts of packages inside it, as one buffer to search. */
async function allBytes(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('nodebuffer')));
  const nested = await Promise.all(parts.filter((p) => p[0] === 0x50 && p[1] === 0x4b).map(allBytes));
  return Buffer.concat([...parts, ...nested]);
}

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

  it('keeps the essay itself and everything else that is not about people; custom properties go with their relationship', async () => {
    const stripped = await stripDocxAuthor(await aDocx(author, 'Người lao động là trung tâm.'));
    const zip = await JSZip.loadAsync(stripped);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Người lao động là trung tâm.');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<cp:revision>3</cp:revision>');
    const files = (z: JSZip) => Object.values(z.files).filter((f) => !f.dir).map((f) => f.name);
    const originalParts = files(await JSZip.loadAsync(await aDocx(author))).filter((name) => name !== 'docProps/custom.xml');
    expect(files(zip).sort()).toEqual(originalParts.sort());
  });

  it('removes customXml, the thumbnail, picture Exif/XMP/text chunks, comment and revision authors, people.xml ids, user paths, and the same in an embedded workbook', async () => {
    const original = await docxFullOfAuthor(vietnamese);
    const before = await allBytes(original);
    expect(before.includes(Buffer.from(vietnamese.name, 'utf8'))).toBe(true);
    expect(before.includes(Buffer.from('C:/Users/', 'utf8'))).toBe(true);
    const stripped = await stripDocxAuthor(original);
    const zip = await JSZip.loadAsync(stripped);
    const names = Object.keys(zip.files);
    expect(names.filter((name) => name.startsWith('customXml/') || name.startsWith('docProps/thumbnail') || name === 'docProps/custom.xml')).toEqual([]);
    const after = await allBytes(stripped);
    for (const value of [...Object.values(vietnamese), 'Users', 'NguyễnVănAn']) expect({ value, leaked: after.includes(Buffer.from(value, 'utf8')) }).toEqual({ value, leaked: false });
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).not.toContain('customXml');
    expect(rels).toContain('Target="media/image1.jpeg"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).not.toMatch(/custom\.xml|itemProps/);
    expect(await zip.file('_rels/.rels')!.async('string')).not.toMatch(/thumbnail|custom/);
    expect((await zip.file('word/media/image1.jpeg')!.async('nodebuffer')).subarray(-8).toString('latin1')).toBe('PIXELS\xff\xd9');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Câu đã xoá.');
  });

  it('gives embedded packages one budget between them: two workbooks of 40 MB each are refused, though each is within the limits', async () => {
    const megabyte = repeatedDeflate(Buffer.alloc(1 << 20, 0x20), 1 << 20);
    const workbook = rawZip([
      member('[Content_Types].xml', '<Types/>'),
      ...Array.from({ length: 40 }, (_, i) => ({ name: `xl/p${i}.bin`, deflated: megabyte.deflated, declaredSize: megabyte.size, crc: megabyte.crc })),
    ]);
    const parts = [member('[Content_Types].xml', '<Types/>'), member('word/document.xml', '<w:document xmlns:w="w"/>')];
    await expect(stripDocxAuthor(rawZip([...parts, member('word/embeddings/a.xlsx', workbook)]))).resolves.toBeInstanceOf(Buffer);
    const two = rawZip([...parts, ...['a', 'b'].map((name) => member(`word/embeddings/${name}.xlsx`, workbook))]);
    await expect(stripDocxAuthor(two)).rejects.toMatchObject({ reason: 'zip_too_large' });
  });

  it('refuses a package it cannot clean: nested too deep, a DOCTYPE, a broken picture', async () => {
    await expect(stripDocxAuthor(deepDocx(300))).rejects.toMatchObject({ reason: 'xml_too_deep' });
    await expect(stripDocxAuthor(entityDocx())).rejects.toMatchObject({ reason: 'xml_doctype' });
    const zip = await JSZip.loadAsync(await aDocx(author));
    zip.file('word/media/image1.png', pngWithAuthor(author.name).subarray(0, 40));
    await expect(stripDocxAuthor(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toMatchObject({ reason: 'image_malformed' });
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

  it('removes annotations, embedded and attached files, PieceInfo and an earlier revision\'s Info dictionary', async () => {
    const original = await pdfFullOfAuthor(vietnamese);
    const stripped = await stripPdfAuthor(original);
    for (const value of Object.values(vietnamese)) expect(pdfContains(stripped, value)).toBe(false);
    const pdf = await PDFDocument.load(stripped, { updateMetadata: false });
    expect(pdf.getPage(0).node.get(PDFName.of('Annots'))).toBeUndefined();
    expect(pdf.catalog.get(PDFName.of('PieceInfo'))).toBeUndefined();
    const text = stripped.toString('latin1');
    for (const marker of ['/EmbeddedFile', '/Filespec', '/Annot', '/Popup', '/FileAttachment', '/PieceInfo']) expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: false });
    expect(pdf.getPageCount()).toBe(1);
  });

  it('refuses a PDF with too many objects or an object stream that inflates past the limit, before pdf-lib parses it', async () => {
    await expect(stripPdfAuthor(manyObjectsPdf(150_000))).rejects.toMatchObject({ reason: 'pdf_too_many_objects' });
    await expect(stripPdfAuthor(objectStreamBombPdf(GIB))).rejects.toMatchObject({ reason: 'pdf_stream_too_large' });
  });

  it('also when the names are Vietnamese (UTF-16 strings)', async () => {
    const original = await aPdf(vietnamese);
    const stripped = await stripPdfAuthor(original);
    for (const value of Object.values(vietnamese)) expect(pdfContains(stripped, value)).toBe(false);
  });
});
