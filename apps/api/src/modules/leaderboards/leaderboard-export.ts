import type { ContestStanding, UnitStanding } from '@hoi-thi/contest-engine';
import { type SheetColumn, writeXlsx } from '../../common/spreadsheet/xlsx-writer.js';
import type { RoundBoard } from './leaderboards.service.js';

const columns = (headers: readonly string[], widths: readonly number[]): SheetColumn[] => headers.map((header, index) => ({ header, width: widths[index] }));

const HEADERS = ['Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Điểm', 'Thời gian (giây)', 'Dự đoán', 'Chênh lệch dự đoán', 'Nộp bài lúc'];

/** The round board for the organizers: every line, with the phone numbers they need to hand out prizes. */
export function writeBoardXlsx(board: RoundBoard): Promise<Buffer> {
  return writeXlsx([
    {
      title: board.final ? 'Kết quả chung cuộc' : 'Bảng xếp hạng tạm thời',
      columns: columns(HEADERS, [6, 28, 36, 14, 8, 14, 10, 16, 22]),
      rows: board.rows.map((row) => {
        const profile = board.profiles.get(row.userId);
        return [
          row.rank,
          profile?.fullName ?? '',
          profile?.unitName ?? '',
          profile?.phone ?? '',
          row.score,
          Math.round(row.durationMs / 10) / 100,
          row.prediction,
          row.predictionDiff,
          row.submittedAt,
        ];
      }),
    },
  ]);
}

interface ContestExport {
  rows: ContestStanding[];
  profiles: Map<string, { fullName: string; unitName: string | null; phone: string | null }>;
}

/** The contest board (sum over its rounds) for the managers who pay the individual prizes: every line, with phones. */
export function writeContestBoardXlsx(board: ContestExport): Promise<Buffer> {
  return writeXlsx([
    {
      title: 'Bảng xếp hạng cuộc thi',
      columns: columns(['Hạng', 'Họ và tên', 'Đơn vị', 'Số điện thoại', 'Tổng điểm', 'Tổng thời gian (giây)', 'Số vòng đã thi'], [6, 28, 36, 14, 10, 18, 14]),
      rows: board.rows.map((row) => {
        const profile = board.profiles.get(row.userId);
        return [row.rank, profile?.fullName ?? '', profile?.unitName ?? '', profile?.phone ?? '', row.totalScore, Math.round(row.totalDurationMs / 10) / 100, row.roundsPlayed];
      }),
    },
  ]);
}

/** The unit board (collective prizes): every unit of the tree with its participation, its parent named. */
export function writeUnitBoardXlsx(standings: UnitStanding[]): Promise<Buffer> {
  const names = new Map(standings.map((unit) => [unit.unitId, unit.name]));
  return writeXlsx([
    {
      title: 'Bảng xếp hạng đơn vị',
      columns: columns(['Hạng', 'Đơn vị', 'Đơn vị cấp trên', 'Cấp', 'Số người tham gia', 'Số đoàn viên', 'Tỷ lệ tham gia (%)', 'Điểm trung bình'], [6, 40, 40, 6, 16, 14, 18, 14]),
      rows: standings.map((unit) => [
        unit.rank,
        unit.name,
        unit.parentId ? (names.get(unit.parentId) ?? '') : '',
        unit.depth,
        unit.participants,
        unit.memberCount,
        Math.round(unit.participationRate * 10_000) / 100,
        unit.averageScore,
      ]),
    },
  ]);
}
