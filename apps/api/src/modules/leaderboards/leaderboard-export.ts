import ExcelJS from 'exceljs';
import type { RoundBoard } from './leaderboards.service.js';

const HEADERS = ['Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Điểm', 'Thời gian (giây)', 'Dự đoán', 'Chênh lệch dự đoán', 'Nộp bài lúc'];

/** The round board for the organizers: every line, with the phone numbers they need to hand out prizes. */
export async function writeBoardXlsx(board: RoundBoard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(board.final ? 'Kết quả chung cuộc' : 'Bảng xếp hạng tạm thời', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, index) => ({ header, width: [6, 28, 36, 14, 8, 14, 10, 16, 22][index] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of board.rows) {
    const profile = board.profiles.get(row.userId);
    sheet.addRow([
      row.rank,
      profile?.fullName ?? '',
      profile?.unitName ?? '',
      profile?.phone ?? '',
      row.score,
      Math.round(row.durationMs / 10) / 100,
      row.prediction,
      row.predictionDiff,
      row.submittedAt.toISOString(),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
