import type { QuestionType } from '@hoi-thi/contracts';

/**
 * The answer-key rules of the question engine (libs/contest-engine validateQuestion), checked as
 * the organizer types so the form can say what is wrong before the server does. The server
 * checks again and its answer wins.
 */
export const optionLimits = { min: 2, max: 8 } as const;

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

/** What the key breaks, or null when it fits the type. */
export function keyProblem(type: QuestionType, options: readonly OptionDraft[]): KeyProblem | null {
  if (options.length < optionLimits.min) return 'tooFew';
  if (options.length > optionLimits.max) return 'tooMany';
  const correct = options.filter((option) => option.correct).length;
  if (type === 'single' && correct !== 1) return 'singleNeedsOne';
  if (type === 'multiple' && correct < 1) return 'multipleNeedsOne';
  if (type === 'true_false' && (options.length !== 2 || correct !== 1)) return 'trueFalseShape';
  return null;
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
