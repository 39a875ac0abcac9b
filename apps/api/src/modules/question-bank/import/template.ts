import { type Difficulty, foldVietnamese, type QuestionIssue, QuestionIssueCodes, type QuestionType } from '@hoi-thi/contest-engine';
import { columnLetter, isEmptyRow, matchHeader } from '../../../common/spreadsheet/sheet-table.js';
import {
  type ImportCode,
  ImportCodes,
  type ImportedQuestion,
  type ImportIssue,
  type ParseResult,
} from './import.types.js';
import { cleanText, emptyFileError, isTrueFalsePair, questionErrors } from './question-shape.js';

/**
 * The import template (xlsx and csv): one question per row under these Vietnamese headers.
 * Đáp án holds the letters of the right options ("A" or "A,C"); the type is inferred from it.
 */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

export const TemplateHeaders = {
  text: 'Câu hỏi',
  answer: 'Đáp án',
  difficulty: 'Mức độ',
  points: 'Điểm',
  explanation: 'Giải thích',
} as const;

export const optionHeader = (letter: OptionLetter): string => `Phương án ${letter}`;

/** Every header in template order. */
export const TEMPLATE_HEADERS: readonly string[] = [
  TemplateHeaders.text,
  ...OPTION_LETTERS.map(optionHeader),
  TemplateHeaders.answer,
  TemplateHeaders.difficulty,
  TemplateHeaders.points,
  TemplateHeaders.explanation,
];

/** The others may be left out: many banks have four options, no difficulty, no explanation. */
export const REQUIRED_HEADERS: readonly string[] = [TemplateHeaders.text, optionHeader('A'), optionHeader('B'), TemplateHeaders.answer];

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: 'Dễ', medium: 'Trung bình', hard: 'Khó' };

/** Accepted spellings of Mức độ, folded (no case, no diacritics). */
const DIFFICULTY_BY_FOLDED: Record<string, Difficulty> = {
  de: 'easy',
  easy: 'easy',
  'trung binh': 'medium',
  medium: 'medium',
  kho: 'hard',
  hard: 'hard',
};

export const DEFAULT_POINTS = 1;
export const DEFAULT_DIFFICULTY: Difficulty = 'medium';

/**
 * Template rows to questions. `rows[0]` is the header row; data rows follow. A row's line is
 * `rowLines[i]` when given (CSV, where a quoted field may span lines), else `firstDataLine + i - 1`
 * (so the header is on `firstDataLine - 1`). Errors name their column as the letter when
 * `columnLetters` (xlsx: "K"), else as the 1-based column number (csv: 11); cell errors also carry
 * the template header in `params.header`. Fully empty rows are skipped; a row with any error is
 * not returned as a question.
 */
export function rowsToQuestions(
  rows: readonly (readonly string[])[],
  firstDataLine: number,
  columnLetters: boolean,
  rowLines?: readonly number[],
): ParseResult {
  const result: ParseResult = { questions: [], errors: [], skipped: [] };
  const lineOf = (index: number): number => rowLines?.[index] ?? firstDataLine + index - 1;
  const header = readHeader(rows[0] ?? [], lineOf(0), columnLetters);
  if (header.errors.length > 0) return { ...result, errors: header.errors };
  rows.forEach((row, index) => {
    if (index === 0 || isEmptyRow(row)) return;
    const read = readRow(row, lineOf(index), header);
    if (read.errors.length > 0) result.errors.push(...read.errors);
    else result.questions.push(read.question);
  });
  if (result.questions.length + result.errors.length === 0) result.errors.push(emptyFileError());
  return result;
}

// --- header ----------------------------------------------------------------------------------------

interface Header {
  /** Template header → 0-based column index. */
  columns: Map<string, number>;
  columnName: (index: number) => string | number;
  errors: ImportIssue[];
}

/** Case, diacritics and extra spaces aside, so "PHUONG AN  a" is "Phương án A". */
const headerKey = (text: string): string => foldVietnamese(text);
/** Each template header is its own field name. */
const TEMPLATE_FIELDS: Record<string, string> = Object.fromEntries(TEMPLATE_HEADERS.map((name) => [name, name]));

function readHeader(cells: readonly string[], line: number, columnLetters: boolean): Header {
  const columnName = (index: number): string | number => (columnLetters ? columnLetter(index) : index + 1);
  const match = matchHeader(cells, TEMPLATE_FIELDS, headerKey);
  const header: Header = { columns: match.columns, columnName, errors: [] };
  for (const { field, index } of match.duplicates) {
    header.errors.push({ line, column: columnName(index), code: ImportCodes.TEMPLATE_HEADER_DUPLICATE, params: { header: field } });
  }
  for (const name of REQUIRED_HEADERS) {
    if (!header.columns.has(name)) header.errors.push({ line, code: ImportCodes.TEMPLATE_HEADER_MISSING, params: { header: name } });
  }
  return header;
}

// --- one row ---------------------------------------------------------------------------------------

interface RowContext {
  errors: ImportIssue[];
  cell: (name: string) => string;
  fail: (name: string, code: ImportCode, params?: Record<string, string | number>) => void;
}

function readRow(row: readonly string[], line: number, header: Header): { question: ImportedQuestion; errors: ImportIssue[] } {
  const context: RowContext = {
    errors: [],
    cell: (name) => {
      const index = header.columns.get(name);
      return index === undefined ? '' : cleanText(row[index] ?? '');
    },
    fail: (name, code, params) => {
      context.errors.push({ line, column: columnOf(header, name), code, params: { ...params, header: name } });
    },
  };
  const options = readOptions(context);
  const key = readKey(context, options);
  const question: ImportedQuestion = {
    line,
    type: inferType(key.letters, options),
    text: context.cell(TemplateHeaders.text),
    options: options.map((text, index) => ({ text, correct: key.indexes.has(index) })),
    difficulty: readDifficulty(context),
    points: readPoints(context),
  };
  const explanation = context.cell(TemplateHeaders.explanation);
  if (explanation) question.explanation = explanation;
  // An empty option has its gap error, an unreadable Đáp án its own: the rules would repeat them.
  const ruleErrors = questionErrors(question, (issue) => ruleColumn(header, issue)).filter(
    (issue) => issue.code !== QuestionIssueCodes.OPTION_EMPTY && (key.valid || !KEY_RULES.has(issue.code)),
  );
  return { question, errors: [...context.errors, ...ruleErrors] };
}

const columnOf = (header: Header, name: string): string | number | undefined => {
  const index = header.columns.get(name);
  return index === undefined ? undefined : header.columnName(index);
};

/** Option texts up to the last filled one; an empty option before a filled one is an error. */
function readOptions(context: RowContext): string[] {
  const texts = OPTION_LETTERS.map((letter) => context.cell(optionHeader(letter)));
  const count = texts.findLastIndex((text) => text !== '') + 1;
  texts.slice(0, count).forEach((text, index) => {
    const letter = OPTION_LETTERS[index];
    if (text === '') context.fail(optionHeader(letter), ImportCodes.TEMPLATE_OPTION_GAP, { letter });
  });
  return texts.slice(0, count);
}

interface Key {
  letters: number;
  indexes: Set<number>;
  valid: boolean;
}

/** "A", "A,C", "a; c", "A C": letters A–H separated by commas, semicolons, slashes or spaces. */
function readKey(context: RowContext, options: readonly string[]): Key {
  const raw = context.cell(TemplateHeaders.answer);
  const key: Key = { letters: 0, indexes: new Set(), valid: false };
  if (raw === '') {
    context.fail(TemplateHeaders.answer, ImportCodes.TEMPLATE_ANSWER_EMPTY);
    return key;
  }
  const tokens = raw.toUpperCase().split(/[\s,;/]+/u).filter((token) => token !== '');
  if (tokens.some((token) => !(OPTION_LETTERS as readonly string[]).includes(token))) {
    context.fail(TemplateHeaders.answer, ImportCodes.TEMPLATE_ANSWER_INVALID, { value: raw });
    return key;
  }
  for (const letter of new Set(tokens)) {
    const index = OPTION_LETTERS.indexOf(letter as OptionLetter);
    if (!options[index]) {
      context.fail(TemplateHeaders.answer, ImportCodes.TEMPLATE_ANSWER_NO_OPTION, { letter });
      return key;
    }
    key.indexes.add(index);
  }
  return { ...key, letters: key.indexes.size, valid: true };
}

function inferType(letters: number, options: readonly string[]): QuestionType {
  if (letters > 1) return 'multiple';
  return isTrueFalsePair(options.map((text) => ({ text }))) ? 'true_false' : 'single';
}

function readDifficulty(context: RowContext): Difficulty | undefined {
  const raw = context.cell(TemplateHeaders.difficulty);
  if (raw === '') return DEFAULT_DIFFICULTY;
  const difficulty = DIFFICULTY_BY_FOLDED[headerKey(raw)];
  if (difficulty === undefined) context.fail(TemplateHeaders.difficulty, ImportCodes.TEMPLATE_DIFFICULTY, { value: raw });
  return difficulty;
}

/** A decimal comma is as common as a point in Vietnamese files: "1,5" and "1.5" are both 1.5. */
function readPoints(context: RowContext): number | undefined {
  const raw = context.cell(TemplateHeaders.points);
  if (raw === '') return DEFAULT_POINTS;
  if (!/^[+-]?\d+(?:[.,]\d+)?$/u.test(raw)) {
    context.fail(TemplateHeaders.points, ImportCodes.TEMPLATE_POINTS, { value: raw });
    return undefined;
  }
  return Number(raw.replace(',', '.'));
}

const KEY_RULES = new Set<string>([
  QuestionIssueCodes.SINGLE_NEEDS_ONE_CORRECT,
  QuestionIssueCodes.MULTIPLE_NEEDS_CORRECT,
  QuestionIssueCodes.TRUE_FALSE_SHAPE,
]);

/** The column a question rule points at: its own cell, the options for their count, else Đáp án. */
function ruleColumn(header: Header, issue: QuestionIssue): string | number | undefined {
  const option = /^options\.(\d+)\.text$/u.exec(issue.field);
  if (option) return columnOf(header, optionHeader(OPTION_LETTERS[Number(option[1])]));
  switch (issue.field) {
    case 'text':
      return columnOf(header, TemplateHeaders.text);
    case 'points':
      return columnOf(header, TemplateHeaders.points);
    case 'difficulty':
      return columnOf(header, TemplateHeaders.difficulty);
    case 'options':
      return columnOf(header, issue.code === QuestionIssueCodes.OPTION_COUNT ? optionHeader('A') : TemplateHeaders.answer);
    default:
      return undefined;
  }
}
