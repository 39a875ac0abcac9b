import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readXlsxRows } from './xlsx-reader.js';

const fixtures = resolve(import.meta.dirname, '../../../../../test/fixtures/import');
const fixture = (path: string): Buffer => readFileSync(resolve(fixtures, path));

const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

describe('the xlsx fixture saved by LibreOffice Calc (ok/bank.xlsx)', () => {
  it('reads the header row, numbers as text and empty cells as empty strings', async () => {
    const { rows, errors } = await readXlsxRows(fixture('ok/bank.xlsx'));
    expect(errors).toEqual([]);
    expect(rows[0]).toEqual(['STT', 'Câu hỏi', ...'ABCDEFGH'.split('').map((letter) => `Phương án ${letter}`), 'Đáp án', 'Mức độ', 'Điểm', 'Giải thích']);
    expect(rows[6].slice(0, 6)).toEqual(['6', 'Tổng số đại biểu Quốc hội không quá bao nhiêu người?', '450', '500', '550', '600']);
    expect(rows).toHaveLength(15);
  });
});

describe('files that are not a readable workbook', () => {
  it('a text file named .xlsx (not-ok/not-xlsx.xlsx)', async () => {
    expect(await readXlsxRows(fixture('not-ok/not-xlsx.xlsx'))).toEqual({ rows: [], errors: [{ line: 1, code: 'IMPORT.FILE_NOT_XLSX' }] });
  });

  it('the first half of a real workbook (not-ok/truncated.xlsx)', async () => {
    expect(await readXlsxRows(fixture('not-ok/truncated.xlsx'))).toEqual({ rows: [], errors: [{ line: 1, code: 'IMPORT.FILE_CORRUPT' }] });
  });

  it('cut anywhere, a workbook is an error, never a throw', async () => {
    const whole = fixture('ok/bank.xlsx');
    for (const share of [0.01, 0.1, 0.3, 0.7, 0.9, 0.99]) {
      const result = await readXlsxRows(whole.subarray(0, Math.floor(whole.length * share)));
      expect(result.errors.map((error) => error.code)).toEqual(['IMPORT.FILE_CORRUPT']);
    }
    expect((await readXlsxRows(whole.subarray(0, whole.length - 1))).errors).toHaveLength(1);
  });

  it('an empty buffer', async () => {
    expect((await readXlsxRows(Buffer.alloc(0))).errors).toEqual([{ line: 1, code: 'IMPORT.FILE_NOT_XLSX' }]);
  });
});

describe('cell values as text', () => {
  it('rich text, numbers, formula results, dates, booleans, links, errors and merged cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Câu hỏi');
    sheet.getCell('A1').value = { richText: [{ text: 'Bầu ', font: { bold: true } }, { text: 'cử' }] };
    sheet.getCell('B1').value = 1.5;
    sheet.getCell('C1').value = { formula: 'B1*2', result: 3 };
    sheet.getCell('D1').value = new Date(Date.UTC(2021, 4, 23));
    sheet.getCell('E1').value = new Date(Date.UTC(2021, 4, 23, 7, 30));
    sheet.getCell('F1').value = true;
    sheet.getCell('G1').value = { text: 'Cổng thông tin', hyperlink: 'https://example.org' };
    sheet.getCell('H1').value = { error: '#N/A' };
    sheet.getCell('I1').value = { formula: 'NOW()' };
    sheet.getCell('A3').value = 'gộp';
    sheet.mergeCells('A3:B3');
    workbook.addWorksheet('Hướng dẫn').getCell('A1').value = 'không đọc';
    const { rows, errors } = await readXlsxRows(await toBuffer(workbook));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      ['Bầu cử', '1.5', '3', '2021-05-23', '2021-05-23T07:30:00.000Z', 'TRUE', 'Cổng thông tin', '#N/A', ''],
      [],
      ['gộp', ''],
    ]);
  });

  it('a workbook without a worksheet is not a question file', async () => {
    const empty = await toBuffer(new ExcelJS.Workbook());
    expect((await readXlsxRows(empty)).errors).toEqual([{ line: 1, code: 'IMPORT.FILE_NOT_XLSX' }]);
  });
});
