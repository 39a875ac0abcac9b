import type { RubricCriterionDto } from '@hoi-thi/contracts';
import { parseDecimal } from '../../../lib/form-values';

/** Scores are given in quarter points (contest engine `validateRubricScores`). */
export const scoreStep = 0.25;

export type ScoreProblem = 'required' | 'notANumber' | 'range' | 'quarter';

const isQuarter = (value: number) => Math.abs(value / scoreStep - Math.round(value / scoreStep)) < 1e-9;

/** Why a typed score cannot be sent, or null. */
export function scoreProblem(text: string, maxPoints: number): ScoreProblem | null {
  if (!text.trim()) return 'required';
  const value = parseDecimal(text);
  if (value === null) return 'notANumber';
  if (value < 0 || value > maxPoints) return 'range';
  if (!isQuarter(value)) return 'quarter';
  return null;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Σ points × weight over the criteria typed so far (as the engine's `rubricTotal`), and the
 * highest total the rubric allows. A criterion not (validly) typed yet counts 0.
 */
export function weightedTotal(rubric: readonly RubricCriterionDto[], texts: Readonly<Record<string, string>>): { total: number; max: number; complete: boolean } {
  let total = 0;
  let max = 0;
  let complete = true;
  for (const criterion of rubric) {
    const weight = criterion.weight ?? 1;
    max += criterion.maxPoints * weight;
    const text = texts[criterion.name] ?? '';
    if (scoreProblem(text, criterion.maxPoints) === null) total += (parseDecimal(text) ?? 0) * weight;
    else complete = false;
  }
  return { total: round4(total), max: round4(max), complete };
}

/** One quarter up or down, kept within 0 … max (the ± buttons). */
export function stepScore(text: string, maxPoints: number, direction: 1 | -1): number {
  const current = parseDecimal(text) ?? 0;
  const snapped = Math.round(current / scoreStep) * scoreStep;
  const next = snapped === current ? current + direction * scoreStep : direction > 0 ? Math.ceil(current / scoreStep) * scoreStep : Math.floor(current / scoreStep) * scoreStep;
  return Math.min(maxPoints, Math.max(0, round4(next)));
}
