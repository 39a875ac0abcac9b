import { roundTo4 } from '../common/rounding.js';
import { EngineError, EngineErrorCodes } from '../errors.js';

/** One rubric criterion (tiêu chí chấm). */
export interface RubricCriterion {
  name: string;
  maxPoints: number;
  /** Multiplies the criterion's points in the total; 1 when absent. */
  weight?: number;
}

/** A judge's points for one criterion, named as in the rubric. */
export interface CriterionScore {
  criterion: string;
  points: number;
}

export type RubricScoreProblemReason = 'unknown_criterion' | 'duplicate' | 'missing' | 'out_of_range' | 'not_a_quarter';

export interface RubricScoreProblem {
  criterion: string;
  reason: RubricScoreProblemReason;
}

export type RubricProblemReason = 'duplicate_name' | 'invalid_max_points' | 'invalid_weight' | 'empty';

export interface RubricProblem {
  criterion: string | null;
  reason: RubricProblemReason;
}

/** Judges score in quarter points: fine enough to separate entries, coarse enough to agree on. */
export const RUBRIC_STEP = 0.25;

const isQuarter = (value: number): boolean => Number.isInteger(value / RUBRIC_STEP);

/** Problems with the rubric itself (at round creation): names unique, max points positive quarters, weights positive. */
export function validateRubric(rubric: readonly RubricCriterion[]): RubricProblem[] {
  const problems: RubricProblem[] = rubric.length === 0 ? [{ criterion: null, reason: 'empty' }] : [];
  const seen = new Set<string>();
  for (const { name, maxPoints, weight } of rubric) {
    if (seen.has(name)) problems.push({ criterion: name, reason: 'duplicate_name' });
    seen.add(name);
    if (!(Number.isFinite(maxPoints) && maxPoints > 0 && isQuarter(maxPoints))) {
      problems.push({ criterion: name, reason: 'invalid_max_points' });
    }
    if (weight !== undefined && !(Number.isFinite(weight) && weight > 0)) {
      problems.push({ criterion: name, reason: 'invalid_weight' });
    }
  }
  return problems;
}

/** Why a judge cannot give `points` for a criterion worth `maxPoints`, or null: 0 … maxPoints, in steps of 0.25. */
export function criterionScoreProblem(points: number, maxPoints: number): 'out_of_range' | 'not_a_quarter' | null {
  if (!(Number.isFinite(points) && points >= 0 && points <= maxPoints)) return 'out_of_range';
  return isQuarter(points) ? null : 'not_a_quarter';
}

/** Problems with a judge's scores: every criterion once, 0 … maxPoints, in steps of 0.25. */
export function validateRubricScores(
  scores: readonly CriterionScore[],
  rubric: readonly RubricCriterion[],
): RubricScoreProblem[] {
  const byName = new Map(rubric.map((criterion) => [criterion.name, criterion]));
  const problems: RubricScoreProblem[] = [];
  const seen = new Set<string>();
  for (const { criterion, points } of scores) {
    const rule = byName.get(criterion);
    if (rule === undefined) {
      problems.push({ criterion, reason: 'unknown_criterion' });
      continue;
    }
    if (seen.has(criterion)) problems.push({ criterion, reason: 'duplicate' });
    seen.add(criterion);
    const problem = criterionScoreProblem(points, rule.maxPoints);
    if (problem) problems.push({ criterion, reason: problem });
  }
  for (const { name } of rubric) {
    if (!seen.has(name)) problems.push({ criterion: name, reason: 'missing' });
  }
  return problems;
}

/**
 * Σ points × weight, rounded to 4 decimals: quarter points times weights with up to two decimals
 * are exact there, and the rounding removes float noise (0.25 × 0.3 + …) before totals are compared.
 * Throws ESSAY.RUBRIC_SCORE_INVALID with the problems when the scores do not fit the rubric.
 */
export function rubricTotal(scores: readonly CriterionScore[], rubric: readonly RubricCriterion[]): number {
  const problems = validateRubricScores(scores, rubric);
  if (problems.length > 0) {
    throw new EngineError(EngineErrorCodes.RUBRIC_SCORE_INVALID, 'The scores do not fit the rubric', { problems });
  }
  const weightOf = new Map(rubric.map((criterion) => [criterion.name, criterion.weight ?? 1]));
  return roundTo4(scores.reduce((sum, { criterion, points }) => sum + points * weightOf.get(criterion)!, 0));
}

/** The highest total a judge can give: Σ maxPoints × weight. */
export function rubricMaxTotal(rubric: readonly RubricCriterion[]): number {
  return roundTo4(rubric.reduce((sum, { maxPoints, weight }) => sum + maxPoints * (weight ?? 1), 0));
}
