import ExcelJS from 'exceljs';
import { localName, scanXml } from '../files/bounded-xml.js';
import { readZip, type ZipLimits } from '../files/bounded-zip.js';
import { UnsafeFileError } from '../files/unsafe-file.js';
import { sniffBuffer } from './file-kind.js';
import { type SpreadsheetIssue, SpreadsheetCodes } from './spreadsheet-issues.js';

/**
 * What a workbook may cost before exceljs opens it (exceljs inflates every part and builds an
 * object per cell, so these bound its memory). A 10 MB bank of 10,000 questions inflates to about
 * 30 MB and 130,000 cells; a real part compresses 5 to 30 times.
 */
export const XLSX_LIMITS = {
  zip: { maxEntries: 1000, maxEntryBytes: 48 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 } satisfies ZipLimits,
  maxDepth: 128,
  maxCells: 200_000,
};

/** Rows of a sheet, as strings, with the problems met while reading them. */
export interface XlsxRowsResult {
  rows: string[][];
  errors: SpreadsheetIssue[];
}

/**
 * The first worksheet (in tab order) as rows of strings: `rows[r - 1][c - 1]` is the cell at row r,
 * column c, so row numbers and column letters in errors match what the spreadsheet shows. Never
 * throws: a buffer that is not a zip is FILE_NOT_XLSX, a zip that does not open as a workbook is
 * FILE_CORRUPT (truncated, damaged) and a workbook without a worksheet is FILE_NOT_XLSX.
 */
export async function readXlsxRows(buffer: Uint8Array): Promise<XlsxRowsResult> {
  if (sniffBuffer(buffer) !== 'xlsx') return failure(SpreadsheetCodes.FILE_NOT_XLSX);
  const unsafe = await checkXlsxPackage(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  if (unsafe) return { rows: [], errors: [unsafe] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ExcelJsBuffer);
  } catch {
    return failure(SpreadsheetCodes.FILE_CORRUPT);
  }
  const sheet = workbook.worksheets[0]; // in tab order
  if (!sheet) return failure(SpreadsheetCodes.FILE_NOT_XLSX);
  return { rows: sheetRows(sheet), errors: [] };
}

/** exceljs types its input as its own ArrayBuffer-like Buffer; at run time it reads a Node Buffer. */
type ExcelJsBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

const failure = (code: string): XlsxRowsResult => ({ rows: [], errors: [{ line: 1, code }] });

/**
 * Opens the package within `XLSX_LIMITS` before exceljs does: every part inflated under the zip
 * limits, every XML part through a streaming parser with a depth limit, the cells of all sheets
 * counted. Null when the workbook is safe to hand to exceljs, otherwise the issue to report.
 */
export async function checkXlsxPackage(buffer: Buffer): Promise<SpreadsheetIssue | null> {
  try {
    const entries = await readZip(buffer, XLSX_LIMITS.zip);
    const names = new Set(entries.map((entry) => entry.name));
    // exceljs reads these two by name: another zip (a .docx, a folder of files) is not a workbook.
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return { line: 1, code: SpreadsheetCodes.FILE_NOT_XLSX };
    let cells = 0;
    const countCell = (name: string) => {
      if (localName(name) === 'c' && ++cells > XLSX_LIMITS.maxCells) throw new UnsafeFileError('xml_too_many_elements', XLSX_LIMITS.maxCells);
    };
    for (const entry of entries) {
      if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
      scanXml(entry.data, { maxDepth: XLSX_LIMITS.maxDepth }, /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) ? countCell : undefined);
    }
    return null;
  } catch (error) {
    if (error instanceof UnsafeFileError) return unsafeIssue(error);
    throw error;
  }
}

function unsafeIssue(error: UnsafeFileError): SpreadsheetIssue {
  const megabytes = Math.round((error.limit ?? 0) / 1024 / 1024);
  switch (error.reason) {
    case 'zip_entry_too_large':
    case 'zip_too_large':
      return { line: 1, code: SpreadsheetCodes.FILE_INFLATED_TOO_LARGE, params: { megabytes } };
    case 'zip_too_many_entries':
      return { line: 1, code: SpreadsheetCodes.FILE_TOO_MANY_PARTS, params: { max: error.limit ?? 0 } };
    case 'zip_ratio':
      return { line: 1, code: SpreadsheetCodes.FILE_COMPRESSION_RATIO, params: { max: error.limit ?? 0 } };
    case 'xml_too_deep':
      return { line: 1, code: SpreadsheetCodes.FILE_XML_TOO_DEEP, params: { max: error.limit ?? 0 } };
    case 'xml_too_many_elements':
      return { line: 1, code: SpreadsheetCodes.FILE_TOO_MANY_CELLS, params: { max: error.limit ?? 0 } };
    default:
      return { line: 1, code: SpreadsheetCodes.FILE_CORRUPT };
  }
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range holds its value in the top-left cell only.
      cells[columnNumber - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
  });
  return Array.from(rows, (row) => row ?? []);
}

/** A cell as the text a person reads in it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}

/** Dates are read as UTC by exceljs; a date without a time of day is written as a bare date. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
