import { QuestionIssueCodes, QuestionLimits, validateQuestion, type QuestionInput, type QuestionIssue } from '@hoi-thi/contest-engine';
import type { QuestionType } from '@hoi-thi/contracts';

/**
 * The question engine's rules (libs/contest-engine `validateQuestion`, what the server checks on
 * every question it stores) in the form's terms, so the form says what is wrong before sending.
 * The server checks again and its answer wins.
 */
export const optionLimits = { min: QuestionLimits.minOptions, max: QuestionLimits.maxOptions } as const;

export interface OptionDraft {
  /** React key: stable while rows are added and removed. */
  key: string;
  /** The option's id when editing, so it keeps its identity in the new version. */
  id?: string;
  text: string;
  correct: boolean;
}

export type KeyProblem = 'singleNeedsOne' | 'multipleNeedsOne' | 'trueFalseShape' | 'tooFew' | 'tooMany';

let nextKey = 0;
export const newOptionKey = () => `option-${String((nextKey += 1))}`;
export const blankOption = (): OptionDraft => ({ key: newOptionKey(), text: '', correct: false });

function keyProblemOf(issue: QuestionIssue, optionCount: number): KeyProblem | null {
  switch (issue.code) {
    case QuestionIssueCodes.OPTION_COUNT:
      return optionCount < QuestionLimits.minOptions ? 'tooFew' : 'tooMany';
    case QuestionIssueCodes.SINGLE_NEEDS_ONE_CORRECT:
      return 'singleNeedsOne';
    case QuestionIssueCodes.MULTIPLE_NEEDS_CORRECT:
      return 'multipleNeedsOne';
    case QuestionIssueCodes.TRUE_FALSE_SHAPE:
      return 'trueFalseShape';
    default:
      return null;
  }
}

/** What the key breaks, or null when it fits the type. */
export function keyProblem(type: QuestionType, options: readonly OptionDraft[]): KeyProblem | null {
  for (const issue of validateQuestion({ type, text: '', options })) {
    const problem = keyProblemOf(issue, options.length);
    if (problem) return problem;
  }
  return null;
}

/** A field's problem as the form words it (the first such the engine reports for the field). */
export type FieldProblem = { kind: 'text' } | { kind: 'optionText'; index: number } | { kind: 'key'; problem: KeyProblem } | { kind: 'points' };

/**
 * What the form says before sending the question, by field (`text`, `options`, `options.2.text`,
 * `points`). The rest of what the engine refuses is left to the server's answer: too long cannot be
 * typed (the inputs carry the limits) and a duplicate option is worded by the server next to its row.
 */
export function questionProblems(draft: QuestionInput): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of validateQuestion(draft)) {
    if (problems[issue.field]) continue;
    const key = keyProblemOf(issue, draft.options.length);
    const optionText = /^options\.(\d+)\.text$/.exec(issue.field);
    if (key) problems[issue.field] = { kind: 'key', problem: key };
    else if (issue.code === QuestionIssueCodes.TEXT_EMPTY) problems[issue.field] = { kind: 'text' };
    else if (issue.code === QuestionIssueCodes.OPTION_EMPTY && optionText) problems[issue.field] = { kind: 'optionText', index: Number(optionText[1]) };
    else if (issue.code === QuestionIssueCodes.POINTS_RANGE || issue.code === QuestionIssueCodes.POINTS_PRECISION) problems[issue.field] = { kind: 'points' };
  }
  return problems;
}

/** Radio buttons choose one (single, true/false); check boxes toggle (multiple). */
export function toggleCorrect(type: QuestionType, options: readonly OptionDraft[], key: string): OptionDraft[] {
  if (type === 'multiple') return options.map((option) => (option.key === key ? { ...option, correct: !option.correct } : option));
  return options.map((option) => ({ ...option, correct: option.key === key }));
}

/**
 * The options after the type changes. To true/false: two rows, "True" and "False" unless two rows
 * are already there. To single or true/false: at most one stays marked correct (the first).
 */
export function optionsForType(type: QuestionType, options: readonly OptionDraft[], labels: { true: string; false: string }): OptionDraft[] {
  let next = [...options];
  if (type === 'true_false' && next.length !== 2) {
    const firstCorrect = Math.max(0, next.findIndex((option) => option.correct));
    next = [
      { key: newOptionKey(), text: labels.true, correct: firstCorrect === 0 },
      { key: newOptionKey(), text: labels.false, correct: firstCorrect !== 0 },
    ];
  }
  if (type !== 'multiple') {
    let seen = false;
    next = next.map((option) => {
      const keep = option.correct && !seen;
      if (option.correct) seen = true;
      return option.correct === keep ? option : { ...option, correct: keep };
    });
  }
  return next;
}

/** "A" … "H": how option rows are named on screen and in imports. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);
