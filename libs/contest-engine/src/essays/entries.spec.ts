import { describe, expect, it } from '@jest/globals';
import { checkWordLimits, countWords, entryCode } from './entries.js';

describe('entry codes judges see instead of the author', () => {
  it('are BV- and the entry\'s number in the round, four digits', () => {
    expect(entryCode(1)).toBe('BV-0001');
    expect(entryCode(42)).toBe('BV-0042');
    expect(entryCode(9999)).toBe('BV-9999');
  });

  it('grow a digit past 9999 rather than wrap', () => {
    expect(entryCode(10_000)).toBe('BV-10000');
  });

  it('need a positive whole number', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => entryCode(bad)).toThrow(expect.objectContaining({ code: 'ESSAY.ENTRY_NUMBER_INVALID' }));
    }
  });
});

describe('counting the words of an essay', () => {
  it('counts each Vietnamese syllable as a word, as a word processor does', () => {
    expect(countWords('Công đoàn Việt Nam')).toBe(4);
  });

  it('ignores leading, trailing and repeated white space, tabs and new lines', () => {
    expect(countWords('  Người lao động\n\n\tvà   công đoàn  ')).toBe(6);
  });

  it('a dash or a bullet standing alone is not a word; punctuation stuck to a word does not split it', () => {
    expect(countWords('Đoàn viên — người lao động • "nòng cốt", COVID-19.')).toBe(8);
  });

  it('numbers are words', () => {
    expect(countWords('Năm 2026 có 12 tháng')).toBe(5);
  });

  it('an empty or blank text has no words', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
  });
});

describe('the round\'s word limits', () => {
  const limits = { minWords: 100, maxWords: 1500 };

  it('both limits are inclusive', () => {
    expect(checkWordLimits(100, limits)).toBeNull();
    expect(checkWordLimits(1500, limits)).toBeNull();
  });

  it('one word short or one too many is refused, saying which limit and the count', () => {
    expect(checkWordLimits(99, limits)).toEqual({ reason: 'too_few', limit: 100, wordCount: 99 });
    expect(checkWordLimits(1501, limits)).toEqual({ reason: 'too_many', limit: 1500, wordCount: 1501 });
  });

  it('a round without limits takes any length', () => {
    expect(checkWordLimits(0, { minWords: null, maxWords: null })).toBeNull();
    expect(checkWordLimits(1_000_000, { minWords: 10, maxWords: null })).toBeNull();
  });
});
