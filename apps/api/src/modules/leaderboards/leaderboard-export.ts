import ExcelJS from 'exceljs';
import type { ContestStanding, UnitStanding } from '@hoi-thi/contest-engine';
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

interface ContestExport {
  rows: ContestStanding[];
  profiles: Map<string, { fullName: string; unitName: string | null; phone: string | null }>;
}

/** The contest board (sum over its rounds) for the managers who pay the individual prizes: every line, with phones. */
export async function writeContestBoardXlsx(board: ContestExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bảng xếp hạng cuộc thi', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Tổng điểm', 'Tổng thời gian (giây)', 'Số vòng đã thi'];
  sheet.columns = headers.map((header, index) => ({ header, width: [6, 28, 36, 14, 10, 18, 14][index] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of board.rows) {
    const profile = board.profiles.get(row.userId);
    sheet.addRow([row.rank, profile?.fullName ?? '', profile?.unitName ?? '', profile?.phone ?? '', row.totalScore, Math.round(row.totalDurationMs / 10) / 100, row.roundsPlayed]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The unit board (collective prizes): every unit of the tree with its participation, its parent named. */
export async function writeUnitBoardXlsx(standings: UnitStanding[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bảng xếp hạng đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = ['Hạng', 'Đơn vị', 'Đơn vị cấp trên', 'Cấp', 'Số người tham gia', 'Số đoàn viên', 'Tỷ lệ tham gia (%)', 'Điểm trung bình'];
  sheet.columns = headers.map((header, index) => ({ header, width: [6, 40, 40, 6, 16, 14, 18, 14][index] }));
  sheet.getRow(1).font = { bold: true };
  const names = new Map(standings.map((unit) => [unit.unitId, unit.name]));
  for (const unit of standings) {
    sheet.addRow([
      unit.rank,
      unit.name,
      unit.parentId ? (names.get(unit.parentId) ?? '') : '',
      unit.depth,
      unit.participants,
      unit.memberCount,
      Math.round(unit.participationRate * 10_000) / 100,
      unit.averageScore,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
