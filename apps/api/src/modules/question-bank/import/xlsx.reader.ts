import ExcelJS from 'exceljs';
import { sniffBuffer } from './detect-format.js';
import { ImportCodes, type RowsResult } from './import.types.js';

/**
 * The first worksheet (in tab order) as rows of strings: `rows[r - 1][c - 1]` is the cell at row r,
 * column c, so row numbers and column letters in errors match what the spreadsheet shows. Never
 * throws: a buffer that is not a zip is FILE_NOT_XLSX, a zip that does not open as a workbook is
 * FILE_CORRUPT (truncated, damaged) and a workbook without a worksheet is FILE_NOT_XLSX.
 */
export async function readXlsxRows(buffer: Uint8Array): Promise<RowsResult> {
  if (sniffBuffer(buffer) !== 'xlsx') return failure(ImportCodes.FILE_NOT_XLSX);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ExcelJsBuffer);
  } catch {
    return failure(ImportCodes.FILE_CORRUPT);
  }
  const sheet = workbook.worksheets[0]; // in tab order
  if (!sheet) return failure(ImportCodes.FILE_NOT_XLSX);
  return { rows: sheetRows(sheet), errors: [] };
}

/** exceljs types its input as its own ArrayBuffer-like Buffer; at run time it reads a Node Buffer. */
type ExcelJsBuffer = Parameters<ExcelJS.Xlsx['load']>[0];

const failure = (code: string): RowsResult => ({ rows: [], errors: [{ line: 1, code }] });

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
