import type { AttachmentKind } from '@hoi-thi/contracts';
import { checkDocx, NotWordDocumentError } from './docx-sanitizer.js';
import { attachmentRefusal, stripPdfAuthor } from './strip-author.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Readers accept the PDF header anywhere in the first kilobyte (some files start with junk). */
const PDF_HEADER_WINDOW = 1024;

export type AttachmentCheck = { kind: AttachmentKind } | { problem: 'unsupported_type' | 'unreadable' };

/**
 * What a file is, by its content alone (the name and the declared type are the sender's claims):
 * a PDF starts with `%PDF-`; a DOCX is an Office package (a zip with `[Content_Types].xml`)
 * holding `word/document.xml`. A file of either kind must also be cleaned of its author
 * metadata, exactly as a judge's download will be, within the same limits (inflated size, parts,
 * XML depth, PDF objects): otherwise it is refused now rather than failing a judge later. Over a
 * limit this throws ATTACHMENT.UNREADABLE with the limit's `reason`.
 */
export async function checkAttachment(file: Buffer): Promise<AttachmentCheck> {
  if (file.subarray(0, PDF_HEADER_WINDOW).includes(PDF_MAGIC)) {
    try {
      // Strict: an object pdf-lib cannot parse would be written back untouched when stripping;
      // a password-protected file makes pdf-lib throw (its metadata could not be removed).
      await stripPdfAuthor(file);
      return { kind: 'pdf' };
    } catch (error) {
      return refusedOrUnreadable(error);
    }
  }
  if (file.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    try {
      await checkDocx(file);
      return { kind: 'docx' };
    } catch (error) {
      // Any other zip (xlsx, odt, a folder of photos) is not an essay document.
      if (error instanceof NotWordDocumentError) return { problem: 'unsupported_type' };
      return refusedOrUnreadable(error);
    }
  }
  return { problem: 'unsupported_type' };
}

/** A limit or a defect the bounded readers name is thrown with its reason; any other failure is "unreadable". */
function refusedOrUnreadable(error: unknown): AttachmentCheck {
  const refusal = attachmentRefusal(error);
  if (refusal.extra?.reason !== 'damaged') throw refusal;
  return { problem: 'unreadable' };
}

export const ATTACHMENT_CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
