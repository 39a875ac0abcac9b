import { describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { aDocx, aPdf } from '../../../../../../test/support/essay-documents.js';
import { checkAttachment } from './attachment-content.js';

const author = { name: 'Nguyen Van An', company: 'CDCS Cang Sai Gon', manager: 'Tran Thi Binh' };

describe('what an attachment is, by its content', () => {
  it('a PDF is a PDF whatever it is called', async () => {
    expect(await checkAttachment(await aPdf(author))).toEqual({ kind: 'pdf' });
  });

  it('a zip holding word/document.xml is a DOCX', async () => {
    expect(await checkAttachment(await aDocx(author))).toEqual({ kind: 'docx' });
  });

  it('another zip (a spreadsheet, an archive) is not an essay document', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    expect(await checkAttachment(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual({ problem: 'unsupported_type' });
  });

  it('text, images and old .doc files are refused', async () => {
    expect(await checkAttachment(Buffer.from('Bài dự thi của tôi'))).toEqual({ problem: 'unsupported_type' });
    expect(await checkAttachment(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ problem: 'unsupported_type' });
    expect(await checkAttachment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toEqual({ problem: 'unsupported_type' });
  });

  it('a PDF or a zip cut short cannot be opened (the zip reader names why)', async () => {
    expect(await checkAttachment(Buffer.from('%PDF-1.7\n1 0 obj <<'))).toEqual({ problem: 'unreadable' });
    const docx = await aDocx(author);
    await expect(checkAttachment(docx.subarray(0, 40))).rejects.toMatchObject({ code: 'ATTACHMENT.UNREADABLE', extra: { reason: 'zip_corrupt' } });
  });

  it('a zip holding word/document.xml but no [Content_Types].xml is not an Office document', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect(await checkAttachment(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual({ problem: 'unsupported_type' });
  });

  it('a password-protected PDF is refused: its metadata could not be removed', async () => {
    const pdf = await PDFDocument.load(await aPdf(author));
    pdf.context.trailerInfo.Encrypt = pdf.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128 });
    const encrypted = Buffer.from(await pdf.save({ useObjectStreams: false }));
    expect(await checkAttachment(encrypted)).toEqual({ problem: 'unreadable' });
  });
});
