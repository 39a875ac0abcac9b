import { writeXlsx } from '../../common/spreadsheet/xlsx-writer.js';
import type { ResultsWithAuthors } from './essay-results.service.js';

const HEADERS = ['Hạng', 'Mã bài', 'Tên bài', 'Tác giả', 'Đơn vị', 'Điểm các giám khảo', 'Điểm trung bình', 'Điểm chuẩn hoá', 'Chênh lệch', 'Cần chấm thêm', 'Nộp lúc'];
const WIDTHS = [6, 10, 40, 28, 36, 28, 14, 14, 11, 13, 22];

/** The essay results for the organizers: every entry, author and unit, each judge's total. */
export function writeEssayResultsXlsx(results: ResultsWithAuthors): Promise<Buffer> {
  return writeXlsx([
    {
      title: results.state?.resultsPublishedAt ? 'Kết quả chấm' : 'Kết quả chấm tạm thời',
      columns: HEADERS.map((header, index) => ({ header, width: WIDTHS[index] })),
      rows: results.rows.map(({ result, entry, extraJudge }) => {
        const author = results.authors.get(entry.id)!;
        return [
          result.rank,
          entry.code,
          entry.title,
          author.fullName,
          author.unitName ?? '',
          result.judgeTotals.map((j) => j.total).join('; '),
          result.mean,
          result.normalized,
          result.spread,
          result.flagged ? (extraJudge ? 'Đã thêm giám khảo' : 'Có') : '',
          entry.submittedAt,
        ];
      }),
    },
  ]);
}
