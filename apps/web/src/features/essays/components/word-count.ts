/** A run of non-space characters counts as a word when it holds a letter or a digit. */
const word = /[\p{L}\p{N}]/u;

/**
 * Words as the server counts them (contest engine `countWords`): runs separated by white space, so
 * a Vietnamese syllable counts as one word, as in Word; a dash standing alone counts as none.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (word.test(token)) count += 1;
  return count;
}

export type WordLimitState = 'ok' | 'tooFew' | 'tooMany';

export function wordLimitState(count: number, minWords: number | null, maxWords: number | null): WordLimitState {
  if (minWords !== null && count < minWords) return 'tooFew';
  if (maxWords !== null && count > maxWords) return 'tooMany';
  return 'ok';
}
