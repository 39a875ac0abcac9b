import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import type { AttachmentKind } from '@hoi-thi/contracts';
import { DomainError } from '../../../common/errors/domain-error.js';
import { UnsafeFileError } from '../../../common/files/unsafe-file.js';
import { EssayErrors } from '../essays.errors.js';
import { NotWordDocumentError, sanitizeDocx } from './docx-sanitizer.js';
import { checkPdfBounds } from './pdf-bounds.js';

/**
 * Removes what names the author from an attachment before a judge sees it (rọc phách for files).
 * Bounded like the upload check; a file that cannot be cleaned is refused (4xx), never served as is.
 */
export async function stripAuthor(kind: AttachmentKind, file: Buffer): Promise<Buffer> {
  try {
    return kind === 'pdf' ? await stripPdfAuthor(file) : await stripDocxAuthor(file);
  } catch (error) {
    throw attachmentRefusal(error);
  }
}

/**
 * The error to answer for a file that could not be read within the limits: ATTACHMENT.UNREADABLE
 * with a stable `reason` (the limit or the defect) beside the code; a zip that is not a Word
 * document is ATTACHMENT.UNSUPPORTED_TYPE.
 */
export function attachmentRefusal(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof NotWordDocumentError) return EssayErrors.error('ATTACHMENT.UNSUPPORTED_TYPE');
  if (error instanceof UnsafeFileError) {
    return EssayErrors.error('ATTACHMENT.UNREADABLE', {}, undefined, { reason: error.reason, ...(error.limit !== undefined ? { limit: error.limit } : {}) });
  }
  // pdf-lib's parse errors, a stack overflow on a self-referencing page tree: the file is damaged.
  return EssayErrors.error('ATTACHMENT.UNREADABLE', {}, undefined, { reason: 'damaged' });
}

/** DOCX: see `sanitizeDocx` for what goes. */
export function stripDocxAuthor(file: Buffer): Promise<Buffer> {
  return sanitizeDocx(file);
}

const METADATA = PDFName.of('Metadata');
/** Keys removed from every dictionary: XMP packets, annotations (comments carry their author, file attachments a file), associated files, application private data. */
const DROPPED_KEYS = ['Metadata', 'Annots', 'AF', 'PieceInfo', 'EmbeddedFiles'].map((key) => PDFName.of(key));

/**
 * PDF: empties the document information dictionary (Author, Creator, Producer, Title, Subject,
 * Keywords and any custom entry), removes XMP metadata, annotations (comments, pop-ups, file
 * attachments), embedded files and associated files, application data (PieceInfo); then drops
 * every object no longer reachable from the catalog — an Info dictionary of an earlier revision,
 * the annotations' appearance streams, the embedded files' bytes — since pdf-lib writes every
 * object it holds. Written again without object streams, so nothing survives compressed.
 */
export async function stripPdfAuthor(file: Buffer): Promise<Buffer> {
  checkPdfBounds(file);
  const pdf = await PDFDocument.load(file, { updateMetadata: false, throwOnInvalidObject: true });
  const { context } = pdf;
  const info = context.trailerInfo.Info;
  const infoDict = info instanceof PDFRef ? context.lookup(info) : info;
  if (infoDict instanceof PDFDict) for (const key of infoDict.keys()) infoDict.delete(key);
  keepOnlyReachable(context);
  // No default page, no form appearances: the file is written back as it is, minus what was removed.
  return Buffer.from(await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
}

/**
 * Walks from the trailer's Root and Info (iteratively: a deeply nested or cyclic file cannot
 * overflow the stack), removing `DROPPED_KEYS` from every dictionary met, then deletes every
 * indirect object the walk did not reach.
 */
function keepOnlyReachable(context: PDFContext): void {
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((object): object is PDFObject => object !== undefined);
  while (pending.length) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const key of DROPPED_KEYS) object.delete(key);
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const metadataStream = object instanceof PDFStream && object.dict.get(PDFName.of('Type')) === METADATA;
    if (!reached.has(ref) || metadataStream) context.delete(ref);
  }
}
