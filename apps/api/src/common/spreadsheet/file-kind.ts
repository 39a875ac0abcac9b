import { type SpreadsheetIssue, SpreadsheetCodes } from './spreadsheet-issues.js';

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
 * The text of a UTF-8 file, without its BOM. Invalid UTF-8 is an error naming the line of the
 * first bad byte (counted in the decoded text, where a bad byte shows as U+FFFD).
 */
export function decodeText(buffer: Uint8Array): { text: string; errors: SpreadsheetIssue[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    return { text, errors: [] };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(buffer);
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    return { text: '', errors: [{ line, code: SpreadsheetCodes.FILE_NOT_UTF8 }] };
  }
}
