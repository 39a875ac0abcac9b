/** The reveal's choices (the address keeps them: `?reveal=1&top=20&every=5`). */
export const revealSizes = [10, 20, 50, 100] as const;
export const revealIntervals = [2, 3, 5, 8, 13] as const;
export const defaultRevealSize = 20;
export const defaultRevealInterval = 5;
