import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import type { AttachmentKind } from '@hoi-thi/contracts';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Readers accept the PDF header anywhere in the first kilobyte (some files start with junk). */
const PDF_HEADER_WINDOW = 1024;

export type AttachmentCheck = { kind: AttachmentKind } | { problem: 'unsupported_type' | 'unreadable' };

/**
 * What a file is, by its content alone (the name and the declared type are the sender's claims):
 * a PDF starts with `%PDF-`; a DOCX is a zip holding `word/document.xml`. A file of either kind
 * must also open (not damaged, not password-protected, every PDF object parsed), or its author
 * metadata could not be removed reliably before a judge downloads it.
 */
export async function checkAttachment(file: Buffer): Promise<AttachmentCheck> {
  if (file.subarray(0, PDF_HEADER_WINDOW).includes(PDF_MAGIC)) {
    try {
      // Strict: an object pdf-lib cannot parse would be written back untouched when stripping.
      const pdf = await PDFDocument.load(file, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
      return pdf.isEncrypted ? { problem: 'unreadable' } : { kind: 'pdf' };
    } catch {
      return { problem: 'unreadable' };
    }
  }
  if (file.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(file);
    } catch {
      return { problem: 'unreadable' };
    }
    // Any other zip (xlsx, odt, a folder of photos) is not an essay document.
    return zip.file('word/document.xml') ? { kind: 'docx' } : { problem: 'unsupported_type' };
  }
  return { problem: 'unsupported_type' };
}

export const ATTACHMENT_CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
