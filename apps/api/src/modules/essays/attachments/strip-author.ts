import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } from 'pdf-lib';
import type { AttachmentKind } from '@hoi-thi/contracts';

/** Removes what names the author from an attachment before a judge sees it (rọc phách for files). */
export function stripAuthor(kind: AttachmentKind, file: Buffer): Promise<Buffer> {
  return kind === 'pdf' ? stripPdfAuthor(file) : stripDocxAuthor(file);
}

/** Core properties (docProps/core.xml) that name people. */
const CORE_PEOPLE = ['creator', 'lastModifiedBy'];
/** Extended properties (docProps/app.xml) that name the author's organisation or boss. */
const APP_PEOPLE = ['Company', 'Manager'];
/** Attributes naming the person behind a comment or a tracked change (word/*.xml). */
const REVISION_ATTRIBUTES = /\s(w|w15):(author|initials|userId)="[^"]*"/g;

/** Empties `<prefix:name …>…</prefix:name>` (any namespace prefix), keeping the element. */
function emptyElements(xml: string, names: string[]): string {
  let result = xml;
  for (const name of names) {
    const element = new RegExp(`<((?:[\\w.-]+:)?${name})(\\s[^>]*)?>[\\s\\S]*?</\\1\\s*>`, 'g');
    result = result.replace(element, (_whole, tag: string, attributes: string | undefined) => `<${tag}${attributes ?? ''}></${tag}>`);
  }
  return result;
}

/**
 * DOCX: empties creator and lastModifiedBy (core.xml), Company and Manager (app.xml), drops every
 * custom property (custom.xml), and blanks the author of comments and tracked changes.
 */
export async function stripDocxAuthor(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const rewrite = async (path: string, change: (xml: string) => string) => {
    const entry = zip.file(path);
    if (entry) zip.file(path, change(await entry.async('string')));
  };
  await rewrite('docProps/core.xml', (xml) => emptyElements(xml, CORE_PEOPLE));
  await rewrite('docProps/app.xml', (xml) => emptyElements(xml, APP_PEOPLE));
  await rewrite('docProps/custom.xml', (xml) => xml.replace(/<property\b[\s\S]*?<\/property\s*>/g, ''));
  for (const path of Object.keys(zip.files)) {
    if (/^word\/[^/]+\.xml$/.test(path)) await rewrite(path, (xml) => xml.replace(REVISION_ATTRIBUTES, ' $1:$2=""'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Document information entries that describe who made the file. */
const INFO_KEYS = ['Author', 'Creator', 'Producer', 'Title', 'Subject', 'Keywords'].map((key) => PDFName.of(key));
const INFO_MARKERS = ['Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'].map((key) => PDFName.of(key));
const TYPE = PDFName.of('Type');
const METADATA = PDFName.of('Metadata');

/**
 * PDF: removes the document information entries (Author, Creator, Producer, Title, Subject,
 * Keywords) — from the trailer's Info and from any stale Info dictionary of an earlier revision —
 * and every XMP metadata stream, with the references to them. The file is written again without
 * object streams, so nothing survives in a compressed leftover.
 */
export async function stripPdfAuthor(file: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.load(file, { updateMetadata: false, throwOnInvalidObject: true });
  const { context } = pdf;
  const info = context.trailerInfo.Info;
  const infoDict = info instanceof PDFRef ? context.lookup(info) : info;
  if (infoDict instanceof PDFDict) for (const key of INFO_KEYS) infoDict.delete(key);

  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFStream && object.dict.get(TYPE) === METADATA) {
      context.delete(ref);
      continue;
    }
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    dict.delete(METADATA);
    // An Info dictionary left from an earlier revision: no /Type, no /Parent, one of the info keys.
    if (!dict.has(TYPE) && !dict.has(PDFName.of('Parent')) && INFO_MARKERS.some((key) => dict.has(key))) {
      for (const key of INFO_KEYS) dict.delete(key);
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
