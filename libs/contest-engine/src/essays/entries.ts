import { EngineError, EngineErrorCodes } from '../errors.js';

/** Bài viết: the prefix of the code judges see instead of the author (rọc phách). */
export const ENTRY_CODE_PREFIX = 'BV';

/** Digits after the prefix: every code has as many, so its length says nothing either. */
export const ENTRY_CODE_DIGITS = 6;

/** How many codes there are: `BV-000000` … `BV-999999`. */
export const ENTRY_CODE_SPACE = 10 ** ENTRY_CODE_DIGITS;

/**
 * At most this many codes in use where a draw must avoid them (a round, or a final round and the
 * rounds it came from): half the space, so a random code is free at the first try at least half the
 * time. Far beyond any essay round; past it a draw refuses rather than slow down.
 */
export const MAX_CODES_IN_USE = ENTRY_CODE_SPACE / 2;

const CODE_PATTERN = new RegExp(`^${ENTRY_CODE_PREFIX}-\\d{${ENTRY_CODE_DIGITS}}$`);

/**
 * A uniformly random whole number in [0, bound). The API passes `crypto.randomInt`: codes must be
 * unpredictable, so never the seeded generator (whose seeds are stored) nor `Math.random`.
 */
export type RandomInt = (bound: number) => number;

/** The code for a value of the code space: 42 → `BV-000042`. */
export function entryCode(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= ENTRY_CODE_SPACE) {
    throw new EngineError(EngineErrorCodes.ENTRY_NUMBER_INVALID, `An entry code is made of a whole number from 0 to ${ENTRY_CODE_SPACE - 1}, got ${value}`, {
      number: value,
    });
  }
  return `${ENTRY_CODE_PREFIX}-${String(value).padStart(ENTRY_CODE_DIGITS, '0')}`;
}

export function isEntryCode(text: string): boolean {
  return CODE_PATTERN.test(text);
}

/**
 * `count` distinct codes, each drawn uniformly among the codes neither `taken` nor drawn before it.
 * Rọc phách: a code is random, never derived from the order of submission, a rank or the code the
 * entry had at an earlier stage, so the codes of a round, sorted, give its entries in a random
 * order, and a finalist's new code says nothing of its preliminary one. The caller keeps codes
 * unique: `taken` holds every code already in use where the new ones must not clash (or, for one
 * new entry among many, the caller checks the drawn candidates against its store instead).
 */
export function drawEntryCodes(count: number, taken: ReadonlySet<string>, randomInt: RandomInt): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  if (taken.size + count > MAX_CODES_IN_USE) {
    throw new RangeError(`${taken.size + count} entry codes would be in use, more than ${MAX_CODES_IN_USE}`);
  }
  const drawn = new Set<string>();
  while (drawn.size < count) {
    const code = entryCode(randomInt(ENTRY_CODE_SPACE));
    if (!taken.has(code)) drawn.add(code);
  }
  return [...drawn];
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
