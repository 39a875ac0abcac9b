import { writeXlsx } from '../../common/spreadsheet/xlsx-writer.js';
import type { ParticipationView } from './analytics.service.js';

const percent = (rate: number) => Math.round(rate * 10_000) / 100;

/**
 * The participation dashboard as a spreadsheet for the collective prizes: one sheet of participants
 * and one of rates, each with one row per unit (tree order, its parent named) and one column per round.
 */
export function writeParticipationXlsx(view: ParticipationView): Promise<Buffer> {
  const names = new Map(view.units.map((unit) => [unit.unitId, unit.name]));
  const sheets = [
    { title: 'Số người tham gia', total: 'Tổng số người tham gia', value: (n: number, _rate: number) => n },
    { title: 'Tỷ lệ tham gia (%)', total: 'Tỷ lệ tham gia chung (%)', value: (_n: number, rate: number) => percent(rate) },
  ];
  return writeXlsx(
    sheets.map(({ title, total, value }) => ({
      title,
      columns: ['Đơn vị', 'Đơn vị cấp trên', 'Số đoàn viên', ...view.rounds.map((round) => round.title), total].map((header, index) => ({
        header,
        width: index < 2 ? 40 : index === 2 ? 14 : 16,
      })),
      // The unit's name stays in view while scrolling through the rounds.
      frozenColumns: 1,
      rows: view.units.map((unit) => [
        unit.name,
        unit.parentId ? (names.get(unit.parentId) ?? '') : '',
        unit.memberCount,
        ...unit.rounds.map((round) => value(round.participants, round.participationRate)),
        value(unit.participants, unit.participationRate),
      ]),
    })),
  );
}
