import { describe, expect, it } from '@jest/globals';
import { createRandom, randomIndex, sample, shuffle } from './seeded-random.js';

const take = (seed: string, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random());
};

describe('seeded random: an attempt can always be drawn again from its stored seed', () => {
  it('the same seed gives the same sequence', () => {
    expect(take('attempt-42', 20)).toEqual(take('attempt-42', 20));
  });

  it('the sequence is pinned forever: changing the algorithm would change every past paper', () => {
    expect(take('hoi-thi', 5)).toEqual([
      0.8584934945683926, 0.5338885432574898, 0.7796832222957164, 0.293404052965343, 0.4683447708375752,
    ]);
    expect(take('', 2)).toEqual([0.11529152351431549, 0.11355750914663076]);
  });

  it('a different seed gives a different sequence', () => {
    expect(take('attempt-42', 5)).not.toEqual(take('attempt-43', 5));
  });

  it('numbers stay in [0, 1) and spread evenly', () => {
    const values = take('spread', 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (const v of values) buckets[Math.floor(v * 10)] += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it('an index stays below its bound', () => {
    const random = createRandom('index');
    for (let i = 0; i < 1000; i++) {
      const index = randomIndex(random, 7);
      expect(Number.isInteger(index) && index >= 0 && index < 7).toBe(true);
    }
  });
});

describe('shuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

  it('is pinned for a seed', () => {
    expect(shuffle(items, createRandom('round-1/attempt-7'))).toEqual(['c', 'b', 'a', 'd', 'f', 'e']);
  });

  it('returns a new array with the same items and leaves the input untouched', () => {
    const input = [...items];
    const result = shuffle(input, createRandom('x'));
    expect(result).not.toBe(input);
    expect(input).toEqual(items);
    expect([...result].sort()).toEqual([...items]);
  });

  it('reaches every ordering of three items about equally often', () => {
    const random = createRandom('uniform');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('handles empty and single-item lists', () => {
    expect(shuffle([], createRandom('e'))).toEqual([]);
    expect(shuffle(['only'], createRandom('e'))).toEqual(['only']);
  });
});

describe('sample', () => {
  it('is pinned for a seed and draws distinct items', () => {
    expect(sample(['a', 'b', 'c', 'd', 'e', 'f'], 3, createRandom('round-1/attempt-7'))).toEqual(['e', 'f', 'b']);
  });

  it('draws the whole list when asked for all of it', () => {
    expect(sample([1, 2, 3], 3, createRandom('all')).sort()).toEqual([1, 2, 3]);
  });

  it('refuses to draw more than there are', () => {
    expect(() => sample([1, 2], 3, createRandom('x'))).toThrow(RangeError);
  });
});
