import ExcelJS from 'exceljs';
import type { ResultsWithAuthors } from './essay-results.service.js';

const HEADERS = ['Hạng', 'Mã bài', 'Tên bài', 'Tác giả', 'Đơn vị', 'Điểm các giám khảo', 'Điểm trung bình', 'Điểm chuẩn hoá', 'Chênh lệch', 'Cần chấm thêm', 'Nộp lúc'];
const WIDTHS = [6, 10, 40, 28, 36, 28, 14, 14, 11, 13, 22];

/** The essay results for the organizers: every entry, author and unit, each judge's total. */
export async function writeEssayResultsXlsx(results: ResultsWithAuthors): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const title = results.state?.resultsPublishedAt ? 'Kết quả chấm' : 'Kết quả chấm tạm thời';
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, index) => ({ header, width: WIDTHS[index] }));
  sheet.getRow(1).font = { bold: true };
  for (const { result, entry, extraJudge } of results.rows) {
    const author = results.authors.get(entry.id)!;
    sheet.addRow([
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
      entry.submittedAt.toISOString(),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
