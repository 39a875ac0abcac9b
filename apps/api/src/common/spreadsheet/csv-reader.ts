import { decodeText } from './file-kind.js';
import { type SpreadsheetIssue, SpreadsheetCodes } from './spreadsheet-issues.js';

export interface CsvRowsResult {
  rows: string[][];
  /** The 1-based line each row starts on: a quoted field may hold line breaks. */
  lines: number[];
  errors: SpreadsheetIssue[];
}

/**
 * RFC 4180 CSV in UTF-8 (with or without BOM), CRLF or LF line ends, comma-separated only.
 * Lenient where spreadsheet programs are: a quote inside an unquoted field is a plain character,
 * and text after a closing quote is kept. A last line break does not make an empty row.
 */
export function parseCsvRows(buffer: Uint8Array): CsvRowsResult {
  const decoded = decodeText(buffer);
  if (decoded.errors.length > 0) return { rows: [], lines: [], errors: decoded.errors };
  const parsed = splitRecords(decoded.text);
  const delimiter = wrongDelimiter(parsed.rows[0]);
  if (delimiter) parsed.errors.unshift({ line: parsed.lines[0], code: SpreadsheetCodes.CSV_DELIMITER, params: { delimiter } });
  return parsed;
}

/** One pass over the characters: a small state machine of "in quotes" or not. */
function splitRecords(text: string): CsvRowsResult {
  const result: CsvRowsResult = { rows: [], lines: [], errors: [] };
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = (): void => {
    row.push(field);
    result.rows.push(row);
    result.lines.push(rowLine);
    row = [];
    field = '';
  };
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (inQuotes) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') {
        inQuotes = false;
      } else {
        if (isLineBreak(text, at)) line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[at + 1] === '\n') at += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += char;
    }
  }
  if (inQuotes) result.errors.push({ line: quoteLine, code: SpreadsheetCodes.CSV_UNCLOSED_QUOTE });
  if (field !== '' || row.length > 0 || inQuotes) endRow();
  return result;
}

/** A line break is LF, CR LF (counted at its LF) or a lone CR. */
const isLineBreak = (text: string, at: number): boolean => text[at] === '\n' || (text[at] === '\r' && text[at + 1] !== '\n');

/**
 * A header read as one column that holds `;` or tabs was written with another delimiter (Excel
 * uses `;` where the decimal mark is a comma, as in Vietnamese settings). Returns the delimiter
 * to name in the error.
 */
function wrongDelimiter(header: readonly string[] | undefined): string | null {
  if (!header || header.length !== 1) return null;
  const semicolons = header[0].split(';').length - 1;
  const tabs = header[0].split('\t').length - 1;
  if (semicolons === 0 && tabs === 0) return null;
  return semicolons >= tabs ? ';' : 'Tab';
}
