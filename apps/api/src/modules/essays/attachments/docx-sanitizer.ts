import { posix } from 'node:path';
import JSZip from 'jszip';
import { readZip, type ZipEntry, type ZipLimits } from '../../../common/files/bounded-zip.js';
import { localName, rewriteXml } from '../../../common/files/bounded-xml.js';
import { stripImageMetadata } from '../../../common/files/image-metadata.js';

/**
 * What one DOCX may cost, on upload and on every judge download. A 10 MB essay with photos
 * inflates to about its own size (images do not compress); its XML parts compress 5 to 30 times
 * and nest a few dozen levels (tables in tables, drawings).
 */
export const DOCX_LIMITS = {
  zip: { maxEntries: 2000, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 } satisfies ZipLimits,
  maxDepth: 256,
  /** Office files embedded in the essay (a chart's workbook) are cleaned too, to this depth. */
  maxNesting: 2,
};

/** A zip that opened within the limits but is not a Word document. */
export class NotWordDocumentError extends Error {
  constructor() {
    super('not a Word document');
    this.name = 'NotWordDocumentError';
  }
}

/**
 * The DOCX without what names its author, or throws (`UnsafeFileError` over a limit or for a
 * malformed part, `NotWordDocumentError` for another kind of zip). Removed:
 * - core properties that name people or repeat them (creator, lastModifiedBy, title, subject,
 *   keywords, description, category) and the company, manager, template and hyperlink base;
 * - custom properties (docProps/custom.xml), custom XML data (customXml/: SharePoint and
 *   document-management fields), the thumbnail (docProps/thumbnail.*), with their relationships
 *   and content types;
 * - the author, initials and account ids of comments, tracked changes and people.xml;
 * - every attribute holding a path on the author's computer (`file:///C:/Users/…`, `C:\…`,
 *   `\\server\…`): external relationship targets (attached template, linked files), picture
 *   descriptions Word fills with the file's path;
 * - Exif, XMP, IPTC and text chunks of JPEG and PNG pictures;
 * - the same, recursively, in embedded Office files.
 * Every XML part is parsed (depth-limited) and written again; other parts are copied.
 */
export async function sanitizeDocx(file: Buffer): Promise<Buffer> {
  return writeZip(await sanitizedParts(file));
}

/** The upload's check: everything `sanitizeDocx` does, within the same limits, but no archive written. */
export async function checkDocx(file: Buffer): Promise<void> {
  await sanitizedParts(file);
}

async function sanitizedParts(file: Buffer): Promise<ZipEntry[]> {
  const entries = await readZip(file, DOCX_LIMITS.zip);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) throw new NotWordDocumentError();
  // Embedded packages share one more `maxTotalBytes` between them: thousands of small embedded
  // zips, each within the limits, cannot multiply the work.
  return sanitizePackage(entries, 0, { remaining: DOCX_LIMITS.zip.maxTotalBytes });
}

interface NestedBudget {
  remaining: number;
}

const PEOPLE_ATTRIBUTES = new Set(['author', 'initials', 'userId', 'providerId', 'displayName']);
const EMPTIED_ELEMENTS: Record<string, Set<string>> = {
  'docProps/core.xml': new Set(['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'description', 'category']),
  'docProps/app.xml': new Set(['Company', 'Manager', 'HyperlinkBase', 'Template']),
};
/** A location on the author's machine or network: a file URL, a drive letter, a UNC share, a home folder. */
const USER_PATH = /^\s*(?:file:|[a-z]:[\\/]|\\\\|\/(?:users|home)\/)/i;

const removedPart = (name: string): boolean =>
  name === 'docProps/custom.xml' || name.startsWith('customXml/') || /^docProps\/thumbnail\.[^/]+$/i.test(name);

async function sanitizePackage(entries: ZipEntry[], nesting: number, budget: NestedBudget): Promise<ZipEntry[]> {
  const removed = new Set(entries.filter((entry) => removedPart(entry.name)).map((entry) => entry.name));
  const result: ZipEntry[] = [];
  for (const entry of entries) {
    if (removed.has(entry.name)) continue;
    result.push({ name: entry.name, data: await sanitizePart(entry, removed, nesting, budget) });
  }
  return result;
}

async function sanitizePart(entry: ZipEntry, removed: Set<string>, nesting: number, budget: NestedBudget): Promise<Buffer> {
  const { name, data } = entry;
  if (/\.(xml|rels|vml)$/i.test(name)) return rewriteXml(data, { maxDepth: DOCX_LIMITS.maxDepth }, partRules(name, removed));
  if (/\/media\//.test(name) || /\.(jpe?g|png)$/i.test(name)) return stripImageMetadata(data);
  if (nesting + 1 < DOCX_LIMITS.maxNesting && /\/embeddings\//.test(name) && data[0] === 0x50 && data[1] === 0x4b) {
    const inner = await readZip(data, { ...DOCX_LIMITS.zip, maxTotalBytes: budget.remaining });
    budget.remaining -= inner.reduce((total, part) => total + part.data.length, 0);
    if (inner.some((part) => part.name === '[Content_Types].xml')) return writeZip(await sanitizePackage(inner, nesting + 1, budget));
  }
  return data;
}

function partRules(name: string, removed: Set<string>) {
  const emptied = EMPTIED_ELEMENTS[name];
  const relsSource = name.endsWith('.rels') ? posix.dirname(posix.dirname(name)) : null;
  return {
    element: (element: string, attributes: Readonly<Record<string, string>>): 'keep' | 'empty' | 'drop' => {
      const local = localName(element);
      if (emptied?.has(local)) return 'empty';
      // Spreadsheet comments list their authors as elements (xl/comments1.xml).
      if (local === 'author' && /^xl\/comments/.test(name)) return 'empty';
      if (name === '[Content_Types].xml' && local === 'Override' && removed.has((attributes.PartName ?? '').replace(/^\//, ''))) return 'drop';
      if (relsSource !== null && local === 'Relationship' && attributes.TargetMode !== 'External') {
        const target = attributes.Target ?? '';
        const part = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(relsSource === '.' ? '' : relsSource, target));
        if (removed.has(part)) return 'drop';
      }
      return 'keep';
    },
    attribute: (_element: string, attribute: string, value: string): string | null =>
      PEOPLE_ATTRIBUTES.has(localName(attribute)) || USER_PATH.test(value) ? '' : value,
  };
}

function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) {
    // Pictures and embedded packages are compressed already: deflating them again costs time for nothing.
    const compressed = /\.(jpe?g|png|gif|xlsx|docx|pptx|zip)$/i.test(entry.name);
    zip.file(entry.name, entry.data, { createFolders: false, ...(compressed ? { compression: 'STORE' as const } : {}) });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
