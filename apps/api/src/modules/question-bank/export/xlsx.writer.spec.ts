import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { rowsToQuestions, TEMPLATE_HEADERS } from '../import/template.js';
import { readXlsxRows } from '../../../common/spreadsheet/xlsx-reader.js';
import type { ExportQuestion } from './export.types.js';
import { writeTemplateXlsx } from './xlsx.writer.js';

const bank: ExportQuestion[] = [
  {
    type: 'single',
    text: 'Công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
    options: [
      { text: '16 tuổi', correct: false },
      { text: '18 tuổi', correct: true },
      { text: '21 tuổi', correct: false },
    ],
    difficulty: 'easy',
    points: 1,
    explanation: 'Đủ 18 tuổi trở lên có quyền bầu cử.\nĐủ 21 tuổi trở lên có quyền ứng cử.',
  },
  {
    type: 'multiple',
    text: 'Những nguyên tắc bầu cử, theo Điều 1?',
    options: 'ABCDEFGH'.split('').map((letter, index) => ({ text: `Phương án ${letter}`, correct: index % 3 === 0 })),
    difficulty: 'hard',
    points: 2.5,
    explanation: null,
  },
  {
    type: 'true_false',
    text: 'Ngày bầu cử phải là ngày chủ nhật.',
    options: [
      { text: 'Đúng', correct: true },
      { text: 'Sai', correct: false },
    ],
    difficulty: 'medium',
    points: 0.25,
    explanation: null,
  },
  {
    type: 'single',
    text: '2021',
    options: [
      { text: '1.50', correct: false },
      { text: '=SUM(A1)', correct: true },
    ],
    difficulty: 'medium',
    points: 100,
    explanation: null,
  },
];

describe('writing the xlsx template', () => {
  it('round-trips exactly through readXlsxRows and rowsToQuestions', async () => {
    const { rows, errors } = await readXlsxRows(await writeTemplateXlsx(bank));
    expect(errors).toEqual([]);
    const result = rowsToQuestions(rows, 2, true);
    expect(result.errors).toEqual([]);
    expect(result.questions).toEqual(
      bank.map((question, index) => {
        const { explanation, ...rest } = question;
        return { line: index + 2, ...rest, ...(explanation ? { explanation } : {}) };
      }),
    );
  });

  it('writes letters in Đáp án and Vietnamese in Mức độ', async () => {
    const { rows } = await readXlsxRows(await writeTemplateXlsx(bank));
    expect(rows.map((row) => row.slice(9, 12))).toEqual([
      ['Đáp án', 'Mức độ', 'Điểm'],
      ['B', 'Dễ', '1'],
      ['A,D,G', 'Khó', '2.5'],
      ['A', 'Trung bình', '0.25'],
      ['B', 'Trung bình', '100'],
    ]);
  });

  it('has a bold, frozen header row and sized columns; with no questions it is the blank template', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.
    await workbook.xlsx.load((await writeTemplateXlsx([])) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(60);
    expect(sheet.getColumn(2).width).toBe(28);
    expect(sheet.getColumn(10).width).toBe(10);
  });
});
