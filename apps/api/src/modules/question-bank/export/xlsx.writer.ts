import { writeXlsx } from '../../../common/spreadsheet/xlsx-writer.js';
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
export function writeTemplateXlsx(questions: readonly ExportQuestion[]): Promise<Buffer> {
  return writeXlsx([
    {
      title: 'Câu hỏi',
      columns: TEMPLATE_HEADERS.map((header) => ({ header, width: WIDTHS[header] ?? OPTION_WIDTH })),
      rows: questions.map(templateRow),
      wrapText: true,
    },
  ]);
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
