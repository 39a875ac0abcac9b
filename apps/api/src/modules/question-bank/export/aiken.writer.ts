import { OPTION_LETTERS } from '../import/template.js';
import { type ExportQuestion, ExportCodes, type ExportSkip } from './export.types.js';

/**
 * Questions as Moodle Aiken: text on one line, `A. …` options, `ANSWER: X`, a blank line between
 * questions. Aiken holds one right answer, so `multiple` questions are not written but listed in
 * `skipped`. Line breaks inside a text become spaces (Aiken is line-based); difficulty, points and
 * explanation have no place in the format.
 */
export function writeAiken(questions: readonly ExportQuestion[]): { text: string; skipped: ExportSkip[] } {
  const blocks: string[] = [];
  const skipped: ExportSkip[] = [];
  questions.forEach((question, index) => {
    if (question.type === 'multiple') skipped.push({ index, code: ExportCodes.AIKEN_MULTIPLE });
    else blocks.push(aikenBlock(question));
  });
  return { text: blocks.map((block) => `${block}\n`).join('\n'), skipped };
}

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/gu, ' ').trim();

function aikenBlock(question: ExportQuestion): string {
  const right = question.options.findIndex((option) => option.correct);
  return [
    oneLine(question.text),
    ...question.options.map((option, index) => `${OPTION_LETTERS[index]}. ${oneLine(option.text)}`),
    `ANSWER: ${OPTION_LETTERS[right]}`,
  ].join('\n');
}
