import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { VIETNAM_DATE_TIME_FORMAT, vietnamWallClock, writeXlsx } from './xlsx-writer.js';
import { readXlsxRows } from './xlsx-reader.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

describe('writing a workbook', () => {
  it('one sheet per spec: a bold header row that stays in view, sized columns, the rows as given', async () => {
    const workbook = await load(
      await writeXlsx([
        {
          title: 'Bảng xếp hạng',
          columns: [
            { header: 'Hạng', width: 6 },
            { header: 'Họ và tên', width: 28 },
            { header: 'Điểm', width: 8 },
          ],
          rows: [
            [1, 'Nguyễn Văn An', 9.5],
            [2, 'Trần Thị Bình', null],
          ],
        },
        { title: 'Đơn vị', columns: [{ header: 'Đơn vị', width: 40 }, { header: 'Tuần 1', width: 16 }], rows: [], frozenColumns: 1 },
      ]),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Bảng xếp hạng', 'Đơn vị']);
    const [board, units] = workbook.worksheets;
    expect(board.getRow(1).values).toEqual([undefined, 'Hạng', 'Họ và tên', 'Điểm']);
    expect(board.getCell('A1').font?.bold).toBe(true);
    expect([board.getColumn(1).width, board.getColumn(2).width, board.getColumn(3).width]).toEqual([6, 28, 8]);
    expect(board.getRow(2).values).toEqual([undefined, 1, 'Nguyễn Văn An', 9.5]);
    expect(board.getCell('C3').value).toBeNull();
    expect(board.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(board.views[0]).not.toHaveProperty('xSplit', 1);
    expect(units.rowCount).toBe(1);
    expect(units.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('wraps long texts at the top of their cells when asked', async () => {
    const columns = [{ header: 'Câu hỏi', width: 60 }];
    const plain = await writeXlsx([{ title: 'a', columns, rows: [['x']] }]);
    const wrapped = await writeXlsx([{ title: 'a', columns, rows: [['x']], wrapText: true }]);
    expect((await load(plain)).worksheets[0].getCell('A2').alignment).toBeUndefined();
    expect((await load(wrapped)).worksheets[0].getCell('A2').alignment).toEqual({ wrapText: true, vertical: 'top' });
  });

  it('writes an instant as a date showing Vietnam’s time (UTC+7), whatever the server’s zone', async () => {
    const submitted = new Date('2026-11-26T17:30:05.000Z'); // 00:30:05 on the 27th in Hà Nội
    const buffer = await writeXlsx([{ title: 'Bài nộp', columns: [{ header: 'Nộp lúc', width: 22 }], rows: [[submitted]] }]);
    const cell = (await load(buffer)).worksheets[0].getCell('A2');
    expect(cell.numFmt).toBe(VIETNAM_DATE_TIME_FORMAT);
    // A spreadsheet date is a wall-clock time: exceljs reads it back as that time in UTC.
    expect(cell.value).toEqual(new Date('2026-11-27T00:30:05.000Z'));
    expect((await readXlsxRows(buffer)).rows[1]).toEqual(['2026-11-27T00:30:05.000Z']);
    expect(vietnamWallClock(new Date('2026-01-01T00:00:00.000Z')).toISOString()).toBe('2026-01-01T07:00:00.000Z');
  });
});
