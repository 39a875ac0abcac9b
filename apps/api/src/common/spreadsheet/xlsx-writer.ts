import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** In characters. */
  width: number;
}

/** A Date is written as a date cell showing Vietnam's time; null leaves the cell empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface SheetSpec {
  /** The tab's name. */
  title: string;
  columns: readonly SheetColumn[];
  rows: Iterable<readonly SheetCell[]>;
  /** Columns kept in view when scrolling sideways (the header row always is). */
  frozenColumns?: number;
  /** Long texts wrap inside their cell, aligned to its top (a sheet meant to be edited and read back). */
  wrapText?: boolean;
}

/** Vietnam has kept UTC+7, with no daylight saving time, since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
export const VIETNAM_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/**
 * A spreadsheet date has no time zone: it shows the serial number's wall-clock time. The organizers
 * read Vietnam's, so the instant is written as the time a clock in Vietnam showed.
 */
export const vietnamWallClock = (date: Date): Date => new Date(date.getTime() + VIETNAM_OFFSET_MS);

/**
 * A workbook with one worksheet per spec, each with its headers in a bold first row that stays in
 * view, then the rows as given.
 */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const frozen = spec.frozenColumns ? { state: 'frozen' as const, xSplit: spec.frozenColumns, ySplit: 1 } : { state: 'frozen' as const, ySplit: 1 };
    const sheet = workbook.addWorksheet(spec.title, { views: [frozen] });
    sheet.columns = spec.columns.map(({ header, width }) => ({
      header,
      width,
      ...(spec.wrapText ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const cells of spec.rows) {
      const row = sheet.addRow(cells.map((cell) => (cell instanceof Date ? vietnamWallClock(cell) : cell)));
      cells.forEach((cell, index) => {
        if (cell instanceof Date) row.getCell(index + 1).numFmt = VIETNAM_DATE_TIME_FORMAT;
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
