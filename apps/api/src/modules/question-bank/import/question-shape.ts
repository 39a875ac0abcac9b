import { foldVietnamese, type QuestionIssue, validateQuestion } from '@hoi-thi/contest-engine';
import { ImportCodes, type ImportedQuestion, type ImportIssue } from './import.types.js';

/** The option texts of a true/false question, in the order every format writes them. */
export const TRUE_LABEL = 'Đúng';
export const FALSE_LABEL = 'Sai';

/**
 * Imported text is stored precomposed (NFC), so search and duplicate checks see one spelling, and
 * with LF line breaks whatever program wrote the file.
 */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
}

/**
 * Formats without a type column (template, Aiken) say true/false by giving exactly the two
 * options Đúng and Sai, in any order, case and diacritics aside.
 */
export function isTrueFalsePair(options: readonly { text: string }[]): boolean {
  if (options.length !== 2) return false;
  const folded = options.map((option) => foldVietnamese(option.text)).sort();
  return folded[0] === foldVietnamese(TRUE_LABEL) && folded[1] === foldVietnamese(FALSE_LABEL);
}

/**
 * The platform's question rules applied to an imported question; each broken rule becomes an
 * error on the question's line. `columnOf` turns the rule's field into the file's column.
 */
export function questionErrors(
  question: ImportedQuestion,
  columnOf: (issue: QuestionIssue) => string | number | undefined,
): ImportIssue[] {
  return validateQuestion(question).map((issue) => {
    const column = columnOf(issue);
    return {
      line: question.line,
      ...(column === undefined ? {} : { column }),
      code: issue.code,
      ...(issue.params ? { params: issue.params } : {}),
    };
  });
}

/** A file that yielded nothing at all says so, rather than importing zero questions silently. */
export function emptyFileError(): ImportIssue {
  return { line: 1, code: ImportCodes.EMPTY_FILE };
}
