import { ImportCodes, type ImportIssue } from './import.types.js';

export type ImportFileFormat = 'xlsx' | 'csv' | 'gift' | 'aiken';

/**
 * What a buffer holds, from its bytes alone:
 * - `xlsx`: a zip archive (every xlsx is one; the reader tells a real workbook from another zip);
 * - `text`: UTF-8 text, with or without BOM;
 * - `not_utf8`: text in another encoding (Windows-1258, UTF-16 from "Unicode text"…);
 * - `binary`: anything else (NUL bytes in a file without a UTF-16 byte order mark);
 * - `empty`: no bytes.
 */
export type SniffedKind = 'xlsx' | 'text' | 'not_utf8' | 'binary' | 'empty';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const startsWith = (buffer: Uint8Array, bytes: readonly number[]): boolean =>
  buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte);

export function sniffBuffer(buffer: Uint8Array): SniffedKind {
  if (buffer.length === 0) return 'empty';
  if (startsWith(buffer, ZIP_MAGIC)) return 'xlsx';
  if (UTF16_BOMS.some((bom) => startsWith(buffer, bom))) return 'not_utf8';
  if (buffer.includes(0)) return 'binary';
  return isUtf8(buffer) ? 'text' : 'not_utf8';
}

function isUtf8(buffer: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes can be the format the uploader chose. Null when they can; otherwise one error
 * on line 1: FORMAT_MISMATCH {expected, found} (found is a SniffedKind), FILE_NOT_UTF8 for text in
 * another encoding (its fix is different: save again as UTF-8), or EMPTY_FILE.
 */
export function checkFormat(buffer: Uint8Array, expected: ImportFileFormat): ImportIssue | null {
  const found = sniffBuffer(buffer);
  if (found === 'empty') return { line: 1, code: ImportCodes.EMPTY_FILE };
  if (expected === 'xlsx') return found === 'xlsx' ? null : mismatch(expected, found);
  if (found === 'text') return null;
  if (found === 'not_utf8') return decodeText(buffer).errors[0] ?? null;
  return mismatch(expected, found);
}

const mismatch = (expected: ImportFileFormat, found: SniffedKind): ImportIssue => ({
  line: 1,
  code: ImportCodes.FORMAT_MISMATCH,
  params: { expected, found },
});

/**
 * The text of a UTF-8 file, without its BOM. Invalid UTF-8 is an error naming the line of the
 * first bad byte (counted in the decoded text, where a bad byte shows as U+FFFD).
 */
export function decodeText(buffer: Uint8Array): { text: string; errors: ImportIssue[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, errors: [] };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(buffer);
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    return { text: '', errors: [{ line, code: ImportCodes.FILE_NOT_UTF8 }] };
  }
}
