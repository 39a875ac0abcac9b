import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsvRows } from '../../../common/spreadsheet/csv-reader.js';
import { rowsToQuestions, TEMPLATE_HEADERS } from './template.js';

const fixture = (path: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path));

/** A template row from named cells; unnamed cells are empty. */
const row = (cells: Record<string, string>): string[] => TEMPLATE_HEADERS.map((header) => cells[header] ?? '');
const sheet = (...rows: Record<string, string>[]): string[][] => [[...TEMPLATE_HEADERS], ...rows.map(row)];
const base = { 'Câu hỏi': 'Ngày bầu cử là ngày nào?', 'Phương án A': 'Thứ Bảy', 'Phương án B': 'Chủ nhật', 'Đáp án': 'B' };

describe('the CSV fixture through the template (ok/bank.csv)', () => {
  it('gives every question with its file line, inferred type, difficulty and points', () => {
    const csv = parseCsvRows(fixture('ok/bank.csv'));
    const result = rowsToQuestions(csv.rows, 2, false, csv.lines);
    expect(result.errors).toEqual([]);
    expect(result.questions).toEqual([
      {
        line: 2,
        type: 'single',
        text: 'Theo Luật Bầu cử năm 2015, công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
        options: [
          { text: '16 tuổi', correct: false },
          { text: '18 tuổi', correct: true },
          { text: '20 tuổi', correct: false },
          { text: '21 tuổi', correct: false },
        ],
        difficulty: 'easy',
        points: 1,
        explanation: 'Công dân đủ 18 tuổi trở lên có quyền bầu cử, đủ 21 tuổi trở lên có quyền ứng cử.',
      },
      {
        line: 3,
        type: 'multiple',
        text: 'Việc bầu cử được tiến hành theo những nguyên tắc nào?',
        options: [
          { text: 'Phổ thông, bình đẳng', correct: true },
          { text: 'Trực tiếp', correct: true },
          { text: 'Bỏ phiếu "công khai"', correct: false },
          { text: 'Bỏ phiếu kín', correct: true },
        ],
        difficulty: 'medium',
        points: 1.5,
        explanation: 'Nguyên tắc phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín.',
      },
      {
        line: 4,
        type: 'true_false',
        text: 'Ngày bầu cử phải là ngày chủ nhật.',
        options: [
          { text: 'Đúng', correct: true },
          { text: 'Sai', correct: false },
        ],
        difficulty: 'easy',
        points: 1,
        explanation: 'Ngày bầu cử phải là ngày chủ nhật và được công bố chậm nhất là 115 ngày trước ngày bầu cử.',
      },
      {
        line: 5,
        type: 'single',
        text: 'Theo quy định, việc bỏ phiếu bắt đầu và kết thúc vào lúc nào?\n(Chọn một đáp án)',
        options: [
          { text: 'Từ 7 giờ sáng đến 7 giờ tối cùng ngày', correct: true },
          { text: 'Từ 5 giờ sáng đến 9 giờ tối cùng ngày', correct: false },
          { text: 'Từ 8 giờ sáng đến 5 giờ chiều cùng ngày', correct: false },
        ],
        difficulty: 'hard',
        points: 2,
      },
      {
        // The row after the two-line field and the empty row (line 7, skipped).
        line: 8,
        type: 'single',
        text: 'Mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá bao nhiêu đại biểu?',
        options: [
          { text: '2 đại biểu', correct: false },
          { text: '3 đại biểu', correct: true },
          { text: '4 đại biểu', correct: false },
          { text: '5 đại biểu', correct: false },
        ],
        difficulty: 'medium',
        points: 1,
        explanation: 'Mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá 3 đại biểu.',
      },
    ]);
  });
});

describe('headers', () => {
  it('match whatever the case, diacritics and spacing; unknown columns are ignored', () => {
    const rows = [
      ['STT', ' cau hoi ', 'PHƯƠNG ÁN  a', 'phuong an b', 'DAP AN', 'Ghi chú'],
      ['1', 'Câu?', 'x', 'y', 'A', 'bỏ qua'],
    ];
    expect(rowsToQuestions(rows, 2, true).questions).toEqual([
      {
        line: 2,
        type: 'single',
        text: 'Câu?',
        options: [
          { text: 'x', correct: true },
          { text: 'y', correct: false },
        ],
        difficulty: 'medium',
        points: 1,
      },
    ]);
  });

  it('a missing required header is an error on the header line, and no row is read', () => {
    const rows = [['Câu hỏi', 'Phương án A', 'Đáp án'], ['Câu?', 'x', 'A']];
    expect(rowsToQuestions(rows, 2, true)).toEqual({
      questions: [],
      errors: [{ line: 1, code: 'IMPORT.TEMPLATE_HEADER_MISSING', params: { header: 'Phương án B' } }],
      skipped: [],
    });
  });

  it('an empty sheet misses every required header', () => {
    expect(rowsToQuestions([], 2, true).errors.map((error) => error.params?.header)).toEqual(['Câu hỏi', 'Phương án A', 'Phương án B', 'Đáp án']);
  });

  it('a header given twice is an error at its second column', () => {
    const rows = [[...TEMPLATE_HEADERS, 'Đáp án']];
    expect(rowsToQuestions(rows, 2, true).errors).toEqual([
      { line: 1, column: 'N', code: 'IMPORT.TEMPLATE_HEADER_DUPLICATE', params: { header: 'Đáp án' } },
    ]);
  });

  it('a header row with no question under it means an empty file', () => {
    expect(rowsToQuestions(sheet(), 2, true).errors).toEqual([{ line: 1, code: 'IMPORT.EMPTY_FILE' }]);
  });
});

describe('cells', () => {
  it('Đáp án takes letters in any case, separated by commas, semicolons, slashes or spaces', () => {
    const options = { 'Phương án C': 'z' };
    for (const answer of ['a,c', 'A; C', 'C/A', 'a c', 'A,C,A']) {
      const [question] = rowsToQuestions(sheet({ ...base, ...options, 'Đáp án': answer }), 2, true).questions;
      expect(question.type).toBe('multiple');
      expect(question.options.map((option) => option.correct)).toEqual([true, false, true]);
    }
  });

  it('Mức độ in Vietnamese or English, any case, with or without diacritics; empty is medium', () => {
    const levels = ['Dễ', 'de', 'EASY', 'Trung bình', 'trung binh', 'Khó', 'KHO', 'hard', ''];
    const read = levels.map((level) => rowsToQuestions(sheet({ ...base, 'Mức độ': level }), 2, true).questions[0].difficulty);
    expect(read).toEqual(['easy', 'easy', 'easy', 'medium', 'medium', 'hard', 'hard', 'hard', 'medium']);
  });

  it('Điểm with a decimal comma or point; empty is 1', () => {
    const points = ['1,5', '2.25', ' 3 ', ''].map((value) => rowsToQuestions(sheet({ ...base, Điểm: value }), 2, true).questions[0].points);
    expect(points).toEqual([1.5, 2.25, 3, 1]);
  });

  it('true/false needs exactly the two options Đúng and Sai (any case or diacritics) and one letter', () => {
    const typeOf = (a: string, b: string): string =>
      rowsToQuestions(sheet({ ...base, 'Phương án A': a, 'Phương án B': b, 'Đáp án': 'A' }), 2, true).questions[0].type;
    expect(typeOf('Đúng', 'Sai')).toBe('true_false');
    expect(typeOf('sai', 'DUNG')).toBe('true_false');
    expect(typeOf('Có', 'Không')).toBe('single');
  });

  it('fully empty rows are skipped; lines follow the sheet rows', () => {
    const result = rowsToQuestions(sheet(base, {}, { ...base, 'Câu hỏi': 'Câu khác?' }), 2, true);
    expect(result.questions.map((question) => question.line)).toEqual([2, 4]);
  });
});

describe('errors name their line and column: letters for xlsx, 1-based numbers for csv', () => {
  const errorsOf = (cells: Record<string, string>, letters = true): unknown[] => rowsToQuestions(sheet(base, cells), 2, letters).errors;

  it('a letter whose option is empty', () => {
    expect(errorsOf({ ...base, 'Đáp án': 'C' })).toEqual([
      { line: 3, column: 'J', code: 'IMPORT.TEMPLATE_ANSWER_NO_OPTION', params: { letter: 'C', header: 'Đáp án' } },
    ]);
    expect(errorsOf({ ...base, 'Đáp án': 'C' }, false)).toEqual([
      { line: 3, column: 10, code: 'IMPORT.TEMPLATE_ANSWER_NO_OPTION', params: { letter: 'C', header: 'Đáp án' } },
    ]);
  });

  it('an empty or unreadable Đáp án, without repeating it as a broken answer-key rule', () => {
    expect(errorsOf({ ...base, 'Đáp án': '' })).toEqual([{ line: 3, column: 'J', code: 'IMPORT.TEMPLATE_ANSWER_EMPTY', params: { header: 'Đáp án' } }]);
    expect(errorsOf({ ...base, 'Đáp án': 'B và C' })).toEqual([
      { line: 3, column: 'J', code: 'IMPORT.TEMPLATE_ANSWER_INVALID', params: { value: 'B và C', header: 'Đáp án' } },
    ]);
  });

  it('an empty option before a filled one', () => {
    expect(errorsOf({ ...base, 'Phương án B': '', 'Phương án C': 'z', 'Đáp án': 'A' })).toEqual([
      { line: 3, column: 'C', code: 'IMPORT.TEMPLATE_OPTION_GAP', params: { letter: 'B', header: 'Phương án B' } },
    ]);
  });

  it('a difficulty or points that cannot be read', () => {
    expect(errorsOf({ ...base, 'Mức độ': 'Rất khó', Điểm: 'một' })).toEqual([
      { line: 3, column: 'K', code: 'IMPORT.TEMPLATE_DIFFICULTY', params: { value: 'Rất khó', header: 'Mức độ' } },
      { line: 3, column: 'L', code: 'IMPORT.TEMPLATE_POINTS', params: { value: 'một', header: 'Điểm' } },
    ]);
  });

  it('the platform rules, each pointed at its own cell', () => {
    expect(errorsOf({ ...base, 'Câu hỏi': '', 'Phương án B': 'thứ bảy', Điểm: '0' })).toEqual([
      { line: 3, column: 'A', code: 'QUESTION.TEXT_EMPTY' },
      { line: 3, column: 'C', code: 'QUESTION.OPTION_DUPLICATE', params: { option: 2, sameAs: 1 } },
      { line: 3, column: 'L', code: 'QUESTION.POINTS_RANGE', params: { max: 100, value: '0' } },
    ]);
    expect(errorsOf({ 'Câu hỏi': 'Câu?', 'Phương án A': 'x', 'Đáp án': 'A' })).toEqual([
      { line: 3, column: 'B', code: 'QUESTION.OPTION_COUNT', params: { min: 2, max: 8, count: 1 } },
    ]);
    expect(errorsOf({ ...base, Điểm: '1,555' })).toEqual([{ line: 3, column: 'L', code: 'QUESTION.POINTS_PRECISION', params: { value: 1.555 } }]);
  });

  it('a CSV row starting on a later line (after a multi-line field) reports that line', () => {
    const result = rowsToQuestions(sheet(base, { ...base, 'Đáp án': '' }), 2, false, [1, 2, 5]);
    expect(result.errors).toEqual([{ line: 5, column: 10, code: 'IMPORT.TEMPLATE_ANSWER_EMPTY', params: { header: 'Đáp án' } }]);
  });
});
