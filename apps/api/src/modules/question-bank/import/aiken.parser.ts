import {
  type ImportCode,
  ImportCodes,
  type ImportedQuestion,
  type ImportIssue,
  type ParseResult,
} from './import.types.js';
import { cleanText, emptyFileError, isTrueFalsePair, questionErrors } from './question-shape.js';

/**
 * Moodle's Aiken format: the question text (one or more lines), options `A.` or `A)` in order,
 * then `ANSWER: X`. Aiken holds one right answer; two options Đúng and Sai make a true/false
 * question. Blank lines are ignored. Problems with a line point at that line; broken question
 * rules point at the question's first line, with the rule's field as the column.
 */
export function parseAiken(text: string): ParseResult {
  const result: ParseResult = { questions: [], errors: [], skipped: [] };
  let current: Draft | null = null;
  const error: ReportError = (line, code, params) => {
    result.errors.push(params ? { line, code, params } : { line, code });
    if (current) current.broken = true;
  };
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const option = OPTION.exec(trimmed);
    const answer = ANSWER.exec(trimmed);
    if (option) {
      if (!current) {
        error(line, ImportCodes.AIKEN_OPTION_BEFORE_QUESTION);
        current = { line, textLines: [], options: [], broken: true };
      }
      const expected = letterAt(current.options.length);
      if (option[1] !== expected) error(line, ImportCodes.AIKEN_OPTION_ORDER, { expected, found: option[1] });
      current.options.push(option[2] ?? '');
    } else if (answer) {
      if (current) finish(result, current, answer[1], line, error);
      else error(line, ImportCodes.AIKEN_ANSWER_WITHOUT_QUESTION);
      current = null;
    } else if (current && current.options.length === 0) {
      current.textLines.push(trimmed);
    } else {
      // Text after the options means the previous question never got its ANSWER line.
      if (current) result.errors.push({ line: current.line, code: ImportCodes.AIKEN_ANSWER_MISSING });
      current = { line, textLines: [trimmed], options: [], broken: false };
    }
  }
  if (current) result.errors.push({ line: current.line, code: ImportCodes.AIKEN_ANSWER_MISSING });
  if (result.questions.length + result.errors.length === 0) result.errors.push(emptyFileError());
  return result;
}

/** A question being read; `broken` once an error was reported for it, so it is not returned. */
interface Draft {
  line: number;
  textLines: string[];
  options: string[];
  broken: boolean;
}

/** Upper-case letters only: "a." at the start of a sentence is text, not an option. */
const OPTION = /^([A-Z])[.)](?:\s+(.*))?$/u;
const ANSWER = /^answer\s*:(.*)$/iu;
const letterAt = (index: number): string => String.fromCharCode('A'.charCodeAt(0) + index);

type ReportError = (line: number, code: ImportCode, params?: Record<string, string | number>) => void;

function finish(result: ParseResult, draft: Draft, answerValue: string, answerLine: number, error: ReportError): void {
  if (draft.options.length === 0) return error(draft.line, ImportCodes.AIKEN_NO_OPTIONS);
  const letter = answerValue.replace(/\s+/gu, '').toUpperCase();
  if (!/^[A-Z]$/u.test(letter)) return error(answerLine, ImportCodes.AIKEN_ANSWER_INVALID, { value: answerValue.trim() });
  // Letters past H are read too, so that nine options meet the count rule, not this one.
  const index = letter.charCodeAt(0) - 'A'.charCodeAt(0);
  if (index >= draft.options.length) {
    return error(answerLine, ImportCodes.AIKEN_ANSWER_UNKNOWN, { letter, last: letterAt(draft.options.length - 1) });
  }
  if (draft.broken) return;
  const options = draft.options.map((text, at) => ({ text: cleanText(text), correct: at === index }));
  const question: ImportedQuestion = {
    line: draft.line,
    type: isTrueFalsePair(options) ? 'true_false' : 'single',
    text: cleanText(draft.textLines.join('\n')),
    options,
  };
  const errors: ImportIssue[] = questionErrors(question, (issue) => issue.field);
  if (errors.length > 0) result.errors.push(...errors);
  else result.questions.push(question);
}
