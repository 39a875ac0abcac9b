/** Rubric totals keep 4 decimals: quarter points × weights of up to two decimals are exact there. */
export function roundTo4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
