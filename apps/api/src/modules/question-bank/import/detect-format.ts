import { decodeText, type SniffedKind, sniffBuffer } from '../../../common/spreadsheet/file-kind.js';
import { ImportCodes, type ImportIssue } from './import.types.js';

export type ImportFileFormat = 'xlsx' | 'csv' | 'gift' | 'aiken';

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
