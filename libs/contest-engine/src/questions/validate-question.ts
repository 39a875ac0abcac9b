import { Difficulties } from '../draw/check-blueprint.js';
import { QuestionTypes, type QuestionType } from '../grading/grade.js';
import { normalizeQuestionText } from './normalize-text.js';

/** What a question must satisfy to be stored, whether typed in a form or read from a file. */
export interface QuestionInput {
  type: QuestionType;
  text: string;
  options: readonly { text: string; correct: boolean }[];
  difficulty?: string;
  points?: number;
}

/**
 * One broken rule. `field` names the place: `text`, `options`, `options.2.text` (0-based index),
 * `points`, `difficulty`, `type`. `code` is stable (`QUESTION.REASON`); `params` fill the message.
 */
export interface QuestionIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export const QuestionIssueCodes = {
  TYPE: 'QUESTION.TYPE',
  TEXT_EMPTY: 'QUESTION.TEXT_EMPTY',
  TEXT_TOO_LONG: 'QUESTION.TEXT_TOO_LONG',
  OPTION_COUNT: 'QUESTION.OPTION_COUNT',
  OPTION_EMPTY: 'QUESTION.OPTION_EMPTY',
  OPTION_TOO_LONG: 'QUESTION.OPTION_TOO_LONG',
  OPTION_DUPLICATE: 'QUESTION.OPTION_DUPLICATE',
  SINGLE_NEEDS_ONE_CORRECT: 'QUESTION.SINGLE_NEEDS_ONE_CORRECT',
  MULTIPLE_NEEDS_CORRECT: 'QUESTION.MULTIPLE_NEEDS_CORRECT',
  TRUE_FALSE_SHAPE: 'QUESTION.TRUE_FALSE_SHAPE',
  POINTS_RANGE: 'QUESTION.POINTS_RANGE',
  POINTS_PRECISION: 'QUESTION.POINTS_PRECISION',
  DIFFICULTY: 'QUESTION.DIFFICULTY',
} as const;

export type QuestionIssueCode = (typeof QuestionIssueCodes)[keyof typeof QuestionIssueCodes];

export const QuestionLimits = {
  textMaxLength: 5000,
  optionMaxLength: 1000,
  /** Shown to members when they review the key; checked with the request's shape, not here. */
  explanationMaxLength: 5000,
  minOptions: 2,
  maxOptions: 8,
  maxPoints: 100,
} as const;

const issue = (field: string, code: QuestionIssueCode, params?: Record<string, string | number>): QuestionIssue =>
  params ? { field, code, params } : { field, code };

/** Every rule a question breaks, in a stable order; empty when the question can be stored. */
export function validateQuestion(draft: QuestionInput): QuestionIssue[] {
  return [
    ...checkType(draft.type),
    ...checkText(draft.text),
    ...checkOptions(draft.options),
    ...checkKey(draft),
    ...checkPoints(draft.points),
    ...checkDifficulty(draft.difficulty),
  ];
}

function checkType(type: string): QuestionIssue[] {
  return (QuestionTypes as readonly string[]).includes(type) ? [] : [issue('type', QuestionIssueCodes.TYPE, { value: String(type) })];
}

function checkText(text: string): QuestionIssue[] {
  if (text.trim() === '') return [issue('text', QuestionIssueCodes.TEXT_EMPTY)];
  if (text.length > QuestionLimits.textMaxLength) {
    return [issue('text', QuestionIssueCodes.TEXT_TOO_LONG, { max: QuestionLimits.textMaxLength, length: text.length })];
  }
  return [];
}

function checkOptions(options: QuestionInput['options']): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  const { minOptions, maxOptions, optionMaxLength } = QuestionLimits;
  if (options.length < minOptions || options.length > maxOptions) {
    issues.push(issue('options', QuestionIssueCodes.OPTION_COUNT, { min: minOptions, max: maxOptions, count: options.length }));
  }
  // Option numbers in params are 1-based, as people count; field indexes stay 0-based.
  const firstIndexByKey = new Map<string, number>();
  options.forEach((option, index) => {
    const field = `options.${index}.text`;
    if (option.text.trim() === '') {
      issues.push(issue(field, QuestionIssueCodes.OPTION_EMPTY, { option: index + 1 }));
      return;
    }
    if (option.text.length > optionMaxLength) {
      issues.push(issue(field, QuestionIssueCodes.OPTION_TOO_LONG, { option: index + 1, max: optionMaxLength, length: option.text.length }));
    }
    const key = normalizeQuestionText(option.text);
    const first = firstIndexByKey.get(key);
    if (first === undefined) firstIndexByKey.set(key, index);
    else issues.push(issue(field, QuestionIssueCodes.OPTION_DUPLICATE, { option: index + 1, sameAs: first + 1 }));
  });
  return issues;
}

/** The answer key fits the type. With no options at all only OPTION_COUNT is worth saying. */
function checkKey({ type, options }: QuestionInput): QuestionIssue[] {
  if (options.length === 0) return [];
  const correct = options.filter((option) => option.correct).length;
  switch (type) {
    case 'single':
      return correct === 1 ? [] : [issue('options', QuestionIssueCodes.SINGLE_NEEDS_ONE_CORRECT, { correct })];
    case 'multiple':
      return correct >= 1 ? [] : [issue('options', QuestionIssueCodes.MULTIPLE_NEEDS_CORRECT)];
    case 'true_false':
      return options.length === 2 && correct === 1
        ? []
        : [issue('options', QuestionIssueCodes.TRUE_FALSE_SHAPE, { count: options.length, correct })];
    default:
      return [];
  }
}

/** Scores are kept in hundredths, so a third decimal would be silently lost. */
function checkPoints(points: number | undefined): QuestionIssue[] {
  if (points === undefined) return [];
  if (!Number.isFinite(points) || points <= 0 || points > QuestionLimits.maxPoints) {
    return [issue('points', QuestionIssueCodes.POINTS_RANGE, { max: QuestionLimits.maxPoints, value: String(points) })];
  }
  const hundredths = points * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6) {
    return [issue('points', QuestionIssueCodes.POINTS_PRECISION, { value: points })];
  }
  return [];
}

function checkDifficulty(difficulty: string | undefined): QuestionIssue[] {
  if (difficulty === undefined || (Difficulties as readonly string[]).includes(difficulty)) return [];
  return [issue('difficulty', QuestionIssueCodes.DIFFICULTY, { value: difficulty })];
}
