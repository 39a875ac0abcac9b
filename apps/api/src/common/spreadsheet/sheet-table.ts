import { parseCsvRows } from './csv-reader.js';
import { sniffBuffer } from './file-kind.js';
import type { SpreadsheetIssue } from './spreadsheet-issues.js';
import { readXlsxRows } from './xlsx-reader.js';

export type SheetFormat = 'xlsx' | 'csv';

/** One row of a sheet or csv: its cells as text, and the line it starts on as the file shows it. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface Sheet {
  format: SheetFormat;
  /** Every row, the header and empty rows included: a workbook's row r is `rows[r - 1]`. */
  rows: SheetRow[];
  /** Problems with the file itself; with any, `rows` is empty. */
  errors: SpreadsheetIssue[];
}

/** A zip is taken for a workbook, anything else for csv (whose reader says when it is not UTF-8 text). */
export const sheetFormatOf = (buffer: Uint8Array): SheetFormat => (sniffBuffer(buffer) === 'xlsx' ? 'xlsx' : 'csv');

/**
 * The first worksheet of an xlsx (opened within the bounded readers) or the records of a csv, in one
 * shape: a csv record that spans lines (a quoted line break) carries the line it starts on.
 */
export async function readSheet(buffer: Uint8Array, format: SheetFormat = sheetFormatOf(buffer)): Promise<Sheet> {
  if (format === 'xlsx') {
    const { rows, errors } = await readXlsxRows(buffer);
    return { format, rows: rows.map((cells, index) => ({ line: index + 1, cells })), errors };
  }
  const { rows, lines, errors } = parseCsvRows(buffer);
  return { format, rows: rows.map((cells, index) => ({ line: lines[index], cells })), errors };
}

/** The rows below the header that hold anything: a fully empty row is no record. */
export const dataRows = (sheet: Pick<Sheet, 'rows'>): SheetRow[] => sheet.rows.slice(1).filter((row) => !isEmptyRow(row.cells));

export const isEmptyRow = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/** 0 → "A", 25 → "Z", 26 → "AA": how spreadsheets name columns. */
export function columnLetter(index: number): string {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}

/** A 0-based column as a person finds it: its letter in a workbook, its 1-based number in a csv. */
export const columnName = (format: SheetFormat, index: number): string | number => (format === 'xlsx' ? columnLetter(index) : index + 1);

export interface HeaderMatch<F extends string> {
  /** The 0-based column of each field whose header is in the row. */
  columns: Map<F, number>;
  /** Later columns that repeat a field's header, in the row's order. */
  duplicates: { field: F; index: number }[];
}

/**
 * Finds the fields' columns in a header row, in any order. `key` says which spellings are the same
 * header (case, spaces, diacritics…). The first column with a field's header holds the field; other
 * columns (STT, notes…) are ignored. What is missing or repeated is for the importer to judge.
 */
export function matchHeader<F extends string>(cells: readonly string[], headers: Readonly<Record<F, string>>, key: (text: string) => string): HeaderMatch<F> {
  const fieldByKey = new Map((Object.keys(headers) as F[]).map((field) => [key(headers[field]), field]));
  const match: HeaderMatch<F> = { columns: new Map(), duplicates: [] };
  cells.forEach((cell, index) => {
    const field = fieldByKey.get(key(cell));
    if (field === undefined) return;
    if (match.columns.has(field)) match.duplicates.push({ field, index });
    else match.columns.set(field, index);
  });
  return match;
}
