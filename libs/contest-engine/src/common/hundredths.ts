/**
 * Scores are kept to two decimals. Summing and comparing them as floats drifts (0.1 + 0.2), so the
 * engine does its arithmetic on integer hundredths and converts back only for output.
 */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Rounds to two decimals (half away from zero for the positive values scores take). */
export function roundTo2(value: number): number {
  return fromHundredths(toHundredths(value));
}
