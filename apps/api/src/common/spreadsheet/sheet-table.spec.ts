import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { columnLetter, columnName, dataRows, matchHeader, readSheet, sheetFormatOf } from './sheet-table.js';

const HEADERS = { name: 'Tên đơn vị', parent: 'Đơn vị cấp trên', members: 'Số đoàn viên' };
const fold = (text: string): string => text.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đơn vị');
  rows.forEach((row, index) => {
    if (row.length) sheet.getRow(index + 1).values = row;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a sheet read from xlsx or csv', () => {
  it('a workbook: row r is rows[r - 1], an empty row kept in its place', async () => {
    const sheet = await readSheet(await workbook([['Tên đơn vị', 'Số đoàn viên'], ['CĐCS A', 12], [], ['CĐCS B', 7]]));
    expect(sheet.format).toBe('xlsx');
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows).toEqual([
      { line: 1, cells: ['Tên đơn vị', 'Số đoàn viên'] },
      { line: 2, cells: ['CĐCS A', '12'] },
      { line: 3, cells: [] },
      { line: 4, cells: ['CĐCS B', '7'] },
    ]);
  });

  it('a csv in the same shape, a record spanning two lines carrying the line it starts on', async () => {
    const sheet = await readSheet(Buffer.from('Tên đơn vị,Số đoàn viên\r\n"CĐCS\r\nA",12\r\nCĐCS B,7\r\n'));
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([
      { line: 1, cells: ['Tên đơn vị', 'Số đoàn viên'] },
      { line: 2, cells: ['CĐCS\r\nA', '12'] },
      { line: 4, cells: ['CĐCS B', '7'] },
    ]);
  });

  it('the format is told by the bytes unless the caller names it', async () => {
    const xlsx = await workbook([['x']]);
    expect(sheetFormatOf(xlsx)).toBe('xlsx');
    expect(sheetFormatOf(Buffer.from('x'))).toBe('csv');
    expect(sheetFormatOf(Buffer.alloc(0))).toBe('csv');
    expect((await readSheet(Buffer.from('PK\u0003\u0004 not a zip'))).errors).toEqual([{ line: 1, code: 'IMPORT.FILE_CORRUPT' }]);
    expect((await readSheet(Buffer.from('a,b'), 'xlsx')).errors).toEqual([{ line: 1, code: 'IMPORT.FILE_NOT_XLSX' }]);
  });

  it('a file-level problem leaves no rows', async () => {
    const sheet = await readSheet(Buffer.from('Tên đơn vị;Số đoàn viên\nA;1\n'));
    expect(sheet.errors).toEqual([{ line: 1, code: 'IMPORT.CSV_DELIMITER', params: { delimiter: ';' } }]);
    expect((await readSheet(Buffer.from([0x43, 0xd0, 0x0a]))).rows).toEqual([]);
  });

  it('the data rows are those below the header holding anything', () => {
    const rows = [
      { line: 1, cells: ['Tên đơn vị'] },
      { line: 2, cells: ['', '  '] },
      { line: 3, cells: [] },
      { line: 4, cells: ['', 'x'] },
    ];
    expect(dataRows({ rows })).toEqual([{ line: 4, cells: ['', 'x'] }]);
    expect(dataRows({ rows: [] })).toEqual([]);
  });
});

describe('the header row', () => {
  it('finds each field in any order and spelling the key folds, ignoring other columns', () => {
    const match = matchHeader(['STT', ' SỐ ĐOÀN  VIÊN ', 'Ghi chú', 'tên đơn vị'], HEADERS, fold);
    expect(match.columns).toEqual(new Map([['members', 1], ['name', 3]]));
    expect(match.duplicates).toEqual([]);
  });

  it('the first column of a repeated header holds the field; the others are listed in order', () => {
    const match = matchHeader(['Tên đơn vị', 'Số đoàn viên', 'Tên đơn vị', 'Số đoàn viên', 'Tên đơn vị'], HEADERS, fold);
    expect(match.columns).toEqual(new Map([['name', 0], ['members', 1]]));
    expect(match.duplicates).toEqual([
      { field: 'name', index: 2 },
      { field: 'members', index: 3 },
      { field: 'name', index: 4 },
    ]);
  });

  it('an empty row matches nothing', () => {
    expect(matchHeader([], HEADERS, fold)).toEqual({ columns: new Map(), duplicates: [] });
  });
});

describe('column names', () => {
  it('count like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('are letters in a workbook and 1-based numbers in a csv', () => {
    expect([columnName('xlsx', 10), columnName('csv', 10)]).toEqual(['K', 11]);
  });
});
