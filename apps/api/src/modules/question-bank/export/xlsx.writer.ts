import ExcelJS from 'exceljs';
import { DIFFICULTY_LABELS, OPTION_LETTERS, TEMPLATE_HEADERS, TemplateHeaders } from '../import/template.js';
import type { ExportQuestion } from './export.types.js';

/** Column widths in characters: wide for texts, narrow for letters and numbers. */
const WIDTHS: Record<string, number> = {
  [TemplateHeaders.text]: 60,
  [TemplateHeaders.answer]: 10,
  [TemplateHeaders.difficulty]: 12,
  [TemplateHeaders.points]: 8,
  [TemplateHeaders.explanation]: 50,
};
const OPTION_WIDTH = 28;

/**
 * The import template as an xlsx: bold frozen header row, then one question per row, so an export
 * imports back unchanged. With no questions it is the blank template for download.
 */
export async function writeTemplateXlsx(questions: readonly ExportQuestion[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_HEADERS.map((header) => ({
    header,
    width: WIDTHS[header] ?? OPTION_WIDTH,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const question of questions) sheet.addRow(templateRow(question));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Empty cells stay empty (null), not empty strings. */
function templateRow(question: ExportQuestion): (string | number | null)[] {
  const options = OPTION_LETTERS.map((_, index) => question.options[index]?.text ?? null);
  const answer = OPTION_LETTERS.filter((_, index) => question.options[index]?.correct).join(',');
  return [
    question.text,
    ...options,
    answer,
    DIFFICULTY_LABELS[question.difficulty],
    question.points,
    question.explanation || null,
  ];
}
