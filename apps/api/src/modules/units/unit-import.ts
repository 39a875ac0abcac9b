import type { FastifyRequest } from 'fastify';
import { type UnitImportField, UnitImportColumns, type UnitImportIssue, type UnitImportRow, unitNameKey } from '@hoi-thi/contest-engine';
import { DomainError, type ValidationDetail } from '../../common/errors/domain-error.js';
import { UploadErrors } from '../../common/errors/upload.errors.js';
import { columnName, dataRows, matchHeader, readSheet } from '../../common/spreadsheet/sheet-table.js';
import { renderSpreadsheetMessage } from '../../common/spreadsheet/spreadsheet-issues.js';

/** A unit tree file: 2,558 grassroots units take about 200 KB as xlsx; 5 MB leaves room for any federation. */
export const UNIT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export interface UnitImportForm {
  file: Buffer;
  dryRun: boolean;
}

/** A problem with the file as a whole, or with one cell, as the response lists it. */
export interface UnitFileIssue {
  line: number;
  column?: string | number;
  /** A message key (`UNIT_IMPORT.*`) and its params, or an already rendered message (file-level errors). */
  code?: string;
  params?: Record<string, string | number>;
  message?: string;
}

/** The multipart form of `POST /api/units/import`: one `file` and `dryRun`. */
export async function readUnitImportForm(request: FastifyRequest): Promise<UnitImportForm> {
  if (!request.isMultipart()) throw UploadErrors.error('IMPORT.NOT_MULTIPART');
  let file: Buffer | null = null;
  let dryRun = false;
  const details: ValidationDetail[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: UNIT_IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 100 } })) {
      if (part.type === 'file' && part.fieldname === 'file') file = await part.toBuffer();
      else if (part.type === 'file') {
        await part.toBuffer();
        details.push({ field: part.fieldname, constraint: 'whitelistValidation' });
      } else if (part.fieldname === 'dryRun') {
        const value = String(part.value ?? '').trim();
        if (value === 'true' || value === '1') dryRun = true;
        else if (value !== '' && value !== 'false' && value !== '0') details.push({ field: 'dryRun', constraint: 'isBoolean' });
      } else details.push({ field: part.fieldname, constraint: 'whitelistValidation' });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw UploadErrors.error('IMPORT.FILE_TOO_LARGE', { megabytes: UNIT_IMPORT_MAX_BYTES / 1024 / 1024 });
    if (code?.startsWith('FST_')) throw UploadErrors.error('IMPORT.BAD_FORM');
    throw error;
  }
  if (!file) details.push({ field: 'file', constraint: 'isDefined' });
  if (details.length) throw DomainError.validation(details);
  return { file: file!, dryRun };
}

/**
 * The file's rows as the engine's `UnitImportRow`s (xlsx or UTF-8 csv, told apart by their bytes),
 * with the columns found by their headers in any order, or the file-level problems. `column` tells
 * an issue's field by its letter (xlsx) or number (csv).
 */
export async function readUnitRows(file: Buffer, language: 'vi' | 'en'): Promise<{ rows: UnitImportRow[]; issues: UnitFileIssue[]; column: (field: UnitImportField) => string | number | undefined }> {
  const sheet = await readSheet(file);
  const none = { rows: [], column: () => undefined };
  if (sheet.errors.length) return { ...none, issues: sheet.errors.map((issue) => ({ line: issue.line, message: renderSpreadsheetMessage(issue, language) })) };
  const { columns } = matchHeader(sheet.rows[0]?.cells ?? [], UnitImportColumns, unitNameKey);
  if (!columns.has('name')) return { ...none, issues: [{ line: 1, code: 'UNIT_IMPORT.HEADER_MISSING', params: { column: UnitImportColumns.name } }] };
  // A line break inside a cell is a space; other control characters (a NUL PostgreSQL would refuse) go.
  const cell = (cells: string[], field: UnitImportField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').replace(/[\r\n\t]/gu, ' ').replace(/\p{Cc}/gu, '');
  };
  const rows = dataRows(sheet).map(({ line, cells }) => ({
    line,
    name: cell(cells, 'name'),
    parentName: cell(cells, 'parent'),
    memberCount: cell(cells, 'memberCount'),
  }));
  const column = (field: UnitImportField) => {
    const index = columns.get(field);
    return index === undefined ? undefined : columnName(sheet.format, index);
  };
  return { rows, issues: [], column };
}

/** An engine issue as the file shows it. */
export function toFileIssue(issue: UnitImportIssue, column: (field: UnitImportField) => string | number | undefined): UnitFileIssue {
  const at = issue.field ? column(issue.field) : undefined;
  return { line: issue.line, ...(at !== undefined ? { column: at } : {}), code: `UNIT_IMPORT.${issue.code}`, params: issue.params };
}
