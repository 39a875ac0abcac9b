import { fromHundredths, toHundredths } from '../common/hundredths.js';
import { EngineError, EngineErrorCodes } from '../errors.js';

export const QuestionTypes = ['single', 'multiple', 'true_false'] as const;
export type QuestionType = (typeof QuestionTypes)[number];

export const GradingModes = ['all_or_nothing', 'partial'] as const;
export type GradingMode = (typeof GradingModes)[number];

/** One question of a paper as graded: the pinned version's key and the member's answer. */
export interface GradableQuestion {
  questionId: string;
  type: QuestionType;
  /** Correct option ids of the pinned version. */
  key: readonly string[];
  points: number;
  /** The member's choice; empty, null or absent when unanswered. */
  chosen?: readonly string[] | null;
  /** Overrides the paper's mode for this question. */
  mode?: GradingMode;
}

export interface QuestionGrade {
  questionId: string;
  awarded: number;
  /** True only for a fully right answer, whatever the mode. */
  correct: boolean;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  correctCount: number;
  perQuestion: QuestionGrade[];
}

/**
 * all_or_nothing: the full points when the chosen set equals the key (order and repeats do not
 * matter), else 0. partial applies to `multiple` only (single and true_false have one right
 * option, so a share of it means nothing): points × max(0, (right chosen − wrong chosen) / |key|),
 * to two decimals. Choosing every option therefore earns nothing.
 */
export function gradeQuestion(question: GradableQuestion, mode: GradingMode = 'all_or_nothing'): QuestionGrade {
  const points = pointsInHundredths(question);
  const correct = isExactlyKey(question);
  const awarded = correct ? points : partialCredit(question, points, question.mode ?? mode);
  return { questionId: question.questionId, awarded: fromHundredths(awarded), correct };
}

/** Sums in integer hundredths, so 30 questions of 0.1 points make exactly 3. */
export function gradePaper(questions: readonly GradableQuestion[], mode: GradingMode = 'all_or_nothing'): GradeResult {
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  const perQuestion = questions.map((question) => {
    const grade = gradeQuestion(question, mode);
    score += toHundredths(grade.awarded);
    maxScore += pointsInHundredths(question);
    if (grade.correct) correctCount += 1;
    return grade;
  });
  return { score: fromHundredths(score), maxScore: fromHundredths(maxScore), correctCount, perQuestion };
}

/** For an answer that is not exactly the key. */
function partialCredit(question: GradableQuestion, points: number, mode: GradingMode): number {
  if (mode !== 'partial' || question.type !== 'multiple') return 0;
  const key = new Set(question.key);
  const chosen = new Set(question.chosen ?? []);
  let net = 0;
  for (const optionId of chosen) net += key.has(optionId) ? 1 : -1;
  return net <= 0 ? 0 : Math.round((points * net) / key.size);
}

function isExactlyKey(question: GradableQuestion): boolean {
  const key = new Set(question.key);
  if (key.size === 0) {
    throw new EngineError(EngineErrorCodes.QUESTION_KEY_EMPTY, `Question ${question.questionId} has no correct option`, {
      questionId: question.questionId,
    });
  }
  const chosen = new Set(question.chosen ?? []);
  return chosen.size === key.size && [...chosen].every((optionId) => key.has(optionId));
}

function pointsInHundredths(question: GradableQuestion): number {
  if (!Number.isFinite(question.points) || question.points < 0) {
    throw new EngineError(EngineErrorCodes.QUESTION_INVALID_POINTS, `Question ${question.questionId} has invalid points`, {
      questionId: question.questionId,
      points: question.points,
    });
  }
  return toHundredths(question.points);
}
