import { EngineError, EngineErrorCodes } from '../errors.js';

/** Bài viết: the prefix of the code judges see instead of the author (rọc phách). */
export const ENTRY_CODE_PREFIX = 'BV';

/** An entry's code from its number in the round: 42 → `BV-0042` (more digits once past 9999). */
export function entryCode(number: number): string {
  if (!Number.isInteger(number) || number < 1) {
    throw new EngineError(EngineErrorCodes.ENTRY_NUMBER_INVALID, `An entry number must be a positive whole number, got ${number}`, { number });
  }
  return `${ENTRY_CODE_PREFIX}-${String(number).padStart(4, '0')}`;
}

/** A run of non-space characters counts as a word when it holds a letter or a digit. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * Words as a word processor counts them: runs separated by white space, so a Vietnamese syllable
 * ("công đoàn" = 2) counts as one, like in Word; a dash or a bullet standing alone counts as none.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) if (WORD.test(token)) count += 1;
  return count;
}

export interface WordLimits {
  minWords: number | null;
  maxWords: number | null;
}

export interface WordLimitProblem {
  reason: 'too_few' | 'too_many';
  limit: number;
  wordCount: number;
}

/** Null when the count is within the round's limits (both inclusive); a missing limit does not apply. */
export function checkWordLimits(wordCount: number, limits: WordLimits): WordLimitProblem | null {
  if (limits.minWords !== null && wordCount < limits.minWords) return { reason: 'too_few', limit: limits.minWords, wordCount };
  if (limits.maxWords !== null && wordCount > limits.maxWords) return { reason: 'too_many', limit: limits.maxWords, wordCount };
  return null;
}
