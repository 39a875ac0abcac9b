import { criterionScoreProblem, RUBRIC_STEP, rubricMaxTotal, rubricTotal } from '@hoi-thi/contest-engine';
import type { RubricCriterionDto } from '@hoi-thi/contracts';
import { parseDecimal } from '../../../lib/form-values';

export type ScoreProblem = 'required' | 'notANumber' | 'range' | 'quarter';

/** Why a typed score cannot be sent, or null: the engine's rule (0 … max in quarter points) once the text reads as a number. */
export function scoreProblem(text: string, maxPoints: number): ScoreProblem | null {
  if (!text.trim()) return 'required';
  const value = parseDecimal(text);
  if (value === null) return 'notANumber';
  const problem = criterionScoreProblem(value, maxPoints);
  return problem === 'out_of_range' ? 'range' : problem === 'not_a_quarter' ? 'quarter' : null;
}

/**
 * Σ points × weight over the criteria typed so far (the engine's `rubricTotal`, as the server totals
 * a scoring), and the highest total the rubric allows. A criterion not (validly) typed yet counts 0.
 */
export function weightedTotal(rubric: readonly RubricCriterionDto[], texts: Readonly<Record<string, string>>): { total: number; max: number; complete: boolean } {
  let complete = true;
  const scores = rubric.map((criterion) => {
    const text = texts[criterion.name] ?? '';
    const valid = scoreProblem(text, criterion.maxPoints) === null;
    if (!valid) complete = false;
    return { criterion: criterion.name, points: valid ? (parseDecimal(text) ?? 0) : 0 };
  });
  return { total: rubricTotal(scores, rubric), max: rubricMaxTotal(rubric), complete };
}

/** One quarter up or down, kept within 0 … max (the ± buttons); an off-step value snaps to the next quarter first. */
export function stepScore(text: string, maxPoints: number, direction: 1 | -1): number {
  const current = parseDecimal(text) ?? 0;
  const snapped = Math.round(current / RUBRIC_STEP) * RUBRIC_STEP;
  const next =
    snapped === current ? current + direction * RUBRIC_STEP : direction > 0 ? Math.ceil(current / RUBRIC_STEP) * RUBRIC_STEP : Math.floor(current / RUBRIC_STEP) * RUBRIC_STEP;
  return Math.min(maxPoints, Math.max(0, next));
}
