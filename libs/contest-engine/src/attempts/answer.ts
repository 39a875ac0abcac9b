import { EngineError, EngineErrorCodes } from '../errors.js';
import type { QuestionType } from '../grading/grade.js';

/** What a paper question accepts as an answer: its options, and how many may be chosen. */
export interface AnswerSpec {
  type: QuestionType;
  optionIds: readonly string[];
}

/** single and true_false take at most one option; multiple takes any subset (empty = unanswered). */
export function maxChoices(spec: AnswerSpec): number {
  return spec.type === 'multiple' ? spec.optionIds.length : 1;
}

/**
 * Refuses an answer the paper cannot hold: a question not on the paper, an option of another
 * question, or more options than the type allows. An empty choice is valid: it clears the answer.
 */
export function checkAnswer(questionId: string, spec: AnswerSpec | undefined, chosen: readonly string[]): void {
  if (!spec) {
    throw new EngineError(EngineErrorCodes.ANSWER_QUESTION_NOT_IN_PAPER, `Question ${questionId} is not on this paper`, { questionId });
  }
  const allowed = new Set(spec.optionIds);
  const foreign = chosen.filter((optionId) => !allowed.has(optionId));
  if (foreign.length > 0) {
    throw new EngineError(EngineErrorCodes.ANSWER_OPTION_NOT_IN_QUESTION, `Options ${foreign.join(', ')} do not belong to question ${questionId}`, {
      questionId,
      optionIds: foreign,
    });
  }
  if (new Set(chosen).size > maxChoices(spec)) {
    throw new EngineError(EngineErrorCodes.ANSWER_TOO_MANY_OPTIONS, `Question ${questionId} takes at most ${maxChoices(spec)} option(s)`, {
      questionId,
      max: maxChoices(spec),
    });
  }
}
