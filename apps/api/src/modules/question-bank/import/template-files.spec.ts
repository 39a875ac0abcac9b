import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsvRows } from '../../../common/spreadsheet/csv-reader.js';
import { readXlsxRows } from '../../../common/spreadsheet/xlsx-reader.js';
import { rowsToQuestions } from './template.js';

const fixtures = resolve(import.meta.dirname, '../../../../../../test/fixtures/import');
const fixture = (path: string): Buffer => readFileSync(resolve(fixtures, path));

/** A question as one line of a table: line, type, text, options, right letters, difficulty, points. */
const summary = (question: {
  line: number;
  type: string;
  text: string;
  options: { text: string; correct: boolean }[];
  difficulty?: string;
  points?: number;
}): (string | number | string[] | undefined)[] => [
  question.line,
  question.type,
  question.text,
  question.options.map((option) => option.text),
  question.options.flatMap((option, index) => (option.correct ? ['ABCDEFGH'[index]] : [])).join(','),
  question.difficulty,
  question.points,
];

describe('the template read from the xlsx fixture saved by LibreOffice Calc (ok/bank.xlsx)', () => {
  it('gives the 14 questions, row numbers as lines, an STT column ignored', async () => {
    const { rows } = await readXlsxRows(fixture('ok/bank.xlsx'));
    const result = rowsToQuestions(rows, 2, true);
    expect(result.errors).toEqual([]);
    expect(result.questions.map(summary)).toEqual([
      [2, 'single', 'Theo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015, công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?', ['16 tuổi', '18 tuổi', '20 tuổi', '21 tuổi'], 'B', 'easy', 1],
      [3, 'single', 'Công dân đủ bao nhiêu tuổi trở lên có quyền ứng cử đại biểu Quốc hội, đại biểu Hội đồng nhân dân?', ['18 tuổi', '20 tuổi', '21 tuổi', '25 tuổi'], 'C', 'easy', 1],
      [4, 'multiple', 'Việc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân được tiến hành theo những nguyên tắc nào?', ['Phổ thông', 'Bình đẳng', 'Trực tiếp', 'Bỏ phiếu kín', 'Bỏ phiếu công khai'], 'A,B,C,D', 'medium', 2],
      [5, 'single', 'Ngày bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân phải là ngày nào trong tuần?', ['Thứ Bảy', 'Chủ nhật', 'Thứ Hai', 'Ngày bất kỳ do Hội đồng bầu cử quốc gia quyết định'], 'B', 'easy', 1],
      [6, 'single', 'Ngày bầu cử được công bố chậm nhất là bao nhiêu ngày trước ngày bầu cử?', ['90 ngày', '105 ngày', '115 ngày', '120 ngày'], 'C', 'medium', 1],
      [7, 'single', 'Tổng số đại biểu Quốc hội không quá bao nhiêu người?', ['450', '500', '550', '600'], 'B', 'easy', 1],
      [8, 'single', 'Mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá bao nhiêu đại biểu?', ['2 đại biểu', '3 đại biểu', '4 đại biểu', '5 đại biểu'], 'B', 'medium', 1],
      [9, 'true_false', 'Cử tri có thể nhờ người khác bỏ phiếu thay mình khi bận công tác.', ['Đúng', 'Sai'], 'B', 'easy', 1],
      [10, 'single', 'Theo quy định, việc bỏ phiếu bắt đầu và kết thúc vào lúc nào?', ['Từ 7 giờ sáng đến 7 giờ tối cùng ngày', 'Từ 5 giờ sáng đến 9 giờ tối cùng ngày', 'Từ 6 giờ sáng đến 6 giờ chiều cùng ngày', 'Từ 8 giờ sáng đến 5 giờ chiều cùng ngày'], 'A', 'medium', 1],
      [11, 'single', 'Người trúng cử đại biểu phải đạt số phiếu bầu như thế nào?', ['Quá một nửa tổng số phiếu bầu hợp lệ', 'Ít nhất một phần ba tổng số phiếu bầu hợp lệ', 'Nhiều phiếu nhất, không kể tỷ lệ', 'Ít nhất hai phần ba tổng số cử tri'], 'A', 'hard', 1.5],
      [12, 'true_false', 'Cuộc bầu cử ở một đơn vị bầu cử chỉ có giá trị khi có quá một nửa tổng số cử tri trong danh sách cử tri tham gia bỏ phiếu.', ['Đúng', 'Sai'], 'A', 'medium', 1],
      [13, 'multiple', 'Những người nào sau đây KHÔNG được ghi tên vào danh sách cử tri?', ['Người bị kết án tử hình đang trong thời gian chờ thi hành án', 'Người đang phải chấp hành hình phạt tù mà không được hưởng án treo', 'Người bị mất năng lực hành vi dân sự', 'Người đang bị tạm giam'], 'A,B,C', 'hard', 2],
      [14, 'single', 'Danh sách cử tri phải được niêm yết chậm nhất là bao nhiêu ngày trước ngày bầu cử?', ['30 ngày', '35 ngày', '40 ngày', '45 ngày'], 'C', 'hard', 1],
      [15, 'single', 'Hội đồng bầu cử quốc gia có bao nhiêu thành viên?', ['Từ 11 đến 15 thành viên', 'Từ 15 đến 21 thành viên', 'Từ 21 đến 25 thành viên', 'Đúng 21 thành viên'], 'B', 'hard', 1],
    ]);
    expect(result.questions[8].explanation).toBe(
      'Việc bỏ phiếu bắt đầu từ 7 giờ sáng đến 7 giờ tối cùng ngày.\nTùy tình hình địa phương, Tổ bầu cử có thể cho bắt đầu sớm hơn nhưng không trước 5 giờ sáng, hoặc kết thúc muộn hơn nhưng không quá 9 giờ tối.',
    );
  });

  it('reads the same questions as the CSV it was converted from', async () => {
    const { rows } = await readXlsxRows(fixture('ok/bank.xlsx'));
    const source = parseCsvRows(fixture('sources/bank-xlsx.csv'));
    const withoutLine = ({ line: _line, ...question }: { line: number }): object => question;
    expect(rowsToQuestions(rows, 2, true).questions.map(withoutLine)).toEqual(
      rowsToQuestions(source.rows, 2, false, source.lines).questions.map(withoutLine),
    );
  });
});
