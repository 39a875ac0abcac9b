import { describe, expect, it } from '@jest/globals';
import { createRandom, randomIndex } from '../random/seeded-random.js';
import { checkWordLimits, countWords, drawEntryCodes, ENTRY_CODE_SPACE, entryCode, isEntryCode, MAX_CODES_IN_USE } from './entries.js';

/**
 * A uniform source for the tests, seeded so that they never flake (the API passes crypto.randomInt;
 * what is tested here is what the draw does with whatever uniform source it is given).
 */
const seeded = (seed: string) => {
  const random = createRandom(seed);
  return (bound: number) => randomIndex(random, bound);
};

/** A RandomInt that replays `values`, to pin what the draw does with each one. */
function replay(values: number[]) {
  const bounds: number[] = [];
  const next = (bound: number) => {
    bounds.push(bound);
    if (!values.length) throw new Error('no more values');
    return values.shift()!;
  };
  return { next, bounds };
}

describe('entry codes judges see instead of the author', () => {
  it('are BV- and six digits, whatever the value', () => {
    expect(entryCode(0)).toBe('BV-000000');
    expect(entryCode(42)).toBe('BV-000042');
    expect(entryCode(ENTRY_CODE_SPACE - 1)).toBe('BV-999999');
    expect(isEntryCode('BV-000042')).toBe(true);
    for (const other of ['BV-0042', 'BV-1000000', 'bv-000042', 'BV-00004a', ' BV-000042']) expect(isEntryCode(other)).toBe(false);
  });

  it('need a whole number inside the code space', () => {
    for (const bad of [-1, 1.5, Number.NaN, ENTRY_CODE_SPACE]) {
      expect(() => entryCode(bad)).toThrow(expect.objectContaining({ code: 'ESSAY.ENTRY_NUMBER_INVALID' }));
    }
  });

  it('are drawn from the random source over the whole space, skipping codes taken or drawn already', () => {
    const random = replay([7, 7, 3, 42, 9]);
    expect(drawEntryCodes(3, new Set(['BV-000003']), random.next)).toEqual(['BV-000007', 'BV-000042', 'BV-000009']);
    expect(random.bounds).toEqual([ENTRY_CODE_SPACE, ENTRY_CODE_SPACE, ENTRY_CODE_SPACE, ENTRY_CODE_SPACE, ENTRY_CODE_SPACE]);
  });

  it('follow neither the order of drawing nor any order given: n codes sorted are a random order of the n draws', () => {
    // 200 rounds of 30 codes: sorted ascending in the order drawn would have a chance of 1/30! each.
    let sortedRuns = 0;
    let ascentsTotal = 0;
    const randomInt = seeded('codes');
    for (let run = 0; run < 200; run++) {
      const codes = drawEntryCodes(30, new Set(), randomInt);
      expect(new Set(codes).size).toBe(30);
      for (const code of codes) expect(isEntryCode(code)).toBe(true);
      let ascents = 0;
      for (let i = 1; i < codes.length; i++) if (codes[i] > codes[i - 1]) ascents += 1;
      if (ascents === codes.length - 1) sortedRuns += 1;
      ascentsTotal += ascents;
    }
    expect(sortedRuns).toBe(0);
    // 29 neighbours, each ascending half the time: mean 14.5, sd ≈ 1.6 per run, ≈ 0.11 over 200 runs.
    expect(ascentsTotal / 200).toBeGreaterThan(13.5);
    expect(ascentsTotal / 200).toBeLessThan(15.5);
  });

  it('never come out of a draw that would fill more than half the space', () => {
    const randomInt = seeded('full');
    const taken = new Set(Array.from({ length: 10 }, (_, i) => entryCode(i)));
    expect(() => drawEntryCodes(MAX_CODES_IN_USE - 9, taken, randomInt)).toThrow(RangeError);
    expect(() => drawEntryCodes(-1, taken, randomInt)).toThrow(RangeError);
    expect(drawEntryCodes(0, taken, randomInt)).toEqual([]);
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
