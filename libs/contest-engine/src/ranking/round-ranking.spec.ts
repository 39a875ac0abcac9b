import { describe, expect, it } from '@jest/globals';
import { createRandom, shuffle } from '../random/seeded-random.js';
import { compareRoundEntries, predictionDiff, rankRoundEntries, type RoundEntry } from './round-ranking.js';

const entry = (
  attemptId: string,
  score: number,
  prediction: number | null,
  durationMs = 300_000,
  submittedAt = '2026-03-02T08:10:00Z',
): RoundEntry => ({ attemptId, score, prediction, durationMs, submittedAt: new Date(submittedAt) });

const order = (entries: RoundEntry[], actual?: number | null) => rankRoundEntries(entries, actual).map((e) => e.attemptId);

describe('the ranking ladder of a closed round (actual value: 1,250 participants)', () => {
  const actual = 1250;

  it('the higher score wins, whatever the prediction', () => {
    expect(order([entry('close-guess', 9, 1250), entry('top-score', 10, 9999)], actual)).toEqual(['top-score', 'close-guess']);
  });

  it('two perfect scores: the closer prediction wins', () => {
    expect(order([entry('far', 10, 1300, 100_000), entry('near', 10, 1240, 500_000)], actual)).toEqual(['near', 'far']);
  });

  it('a prediction above or below the actual value counts by its distance only', () => {
    expect(order([entry('over', 10, 1260), entry('under', 10, 1241)], actual)).toEqual(['under', 'over']);
  });

  it('equal predictions: the faster one', () => {
    expect(order([entry('slow', 10, 1200, 400_000), entry('fast', 10, 1200, 250_000)], actual)).toEqual(['fast', 'slow']);
  });

  it('equally far predictions on either side are equal: the faster one', () => {
    expect(order([entry('over', 10, 1260, 400_000), entry('under', 10, 1240, 250_000)], actual)).toEqual(['under', 'over']);
  });

  it('no prediction ranks after any prediction, however far', () => {
    expect(order([entry('none', 10, null, 1_000), entry('wild', 10, 1_000_000, 599_000)], actual)).toEqual(['wild', 'none']);
  });

  it('no prediction still ranks above a lower score', () => {
    expect(order([entry('lower', 9, 1250), entry('none', 10, null)], actual)).toEqual(['none', 'lower']);
  });

  it('same score, prediction and time: the earlier submission', () => {
    expect(
      order([entry('later', 10, 1250, 300_000, '2026-03-02T09:00:00Z'), entry('earlier', 10, 1250, 300_000, '2026-03-02T08:00:00Z')], actual),
    ).toEqual(['earlier', 'later']);
  });

  it('identical in everything: the attempt id decides, so the order is total', () => {
    expect(order([entry('b', 10, 1250), entry('a', 10, 1250)], actual)).toEqual(['a', 'b']);
  });

  it('ranks are positions from 1, never shared, and carry the prediction difference', () => {
    const ranked = rankRoundEntries([entry('b', 10, 1250), entry('a', 10, 1250), entry('c', 5, null)], actual);
    expect(ranked.map(({ attemptId, rank, predictionDiff: diff }) => ({ attemptId, rank, diff }))).toEqual([
      { attemptId: 'a', rank: 1, diff: 0 },
      { attemptId: 'b', rank: 2, diff: 0 },
      { attemptId: 'c', rank: 3, diff: null },
    ]);
  });

  it('the board does not depend on the order entries were read in', () => {
    const entries = Array.from({ length: 40 }, (_, i) =>
      entry(`attempt-${i}`, i % 4, i % 5 === 0 ? null : 1200 + (i % 7) * 10, 100_000 + (i % 3) * 1000),
    );
    const expected = order(entries, actual);
    for (const seed of ['x', 'y', 'z']) expect(order(shuffle(entries, createRandom(seed)), actual)).toEqual(expected);
  });

  it('the comparator is antisymmetric', () => {
    const [a, b] = [entry('a', 10, 1250), entry('b', 10, null)];
    expect(Math.sign(compareRoundEntries(a, b, actual))).toBe(-Math.sign(compareRoundEntries(b, a, actual)));
  });

  it('does not reorder the input it was given', () => {
    const entries = [entry('b', 1, null), entry('a', 2, null)];
    rankRoundEntries(entries, actual);
    expect(entries.map((e) => e.attemptId)).toEqual(['b', 'a']);
  });
});

describe('the live board, before the round closes (no actual value yet)', () => {
  it('predictions are ignored: score, then the faster one', () => {
    expect(order([entry('near-but-slow', 10, 1250, 400_000), entry('fast', 10, 1, 200_000)], null)).toEqual([
      'fast',
      'near-but-slow',
    ]);
  });

  it('an entry without a prediction is not pushed down yet', () => {
    expect(order([entry('with', 10, 1250, 400_000), entry('without', 10, null, 200_000)])).toEqual(['without', 'with']);
  });

  it('no prediction difference is shown', () => {
    expect(rankRoundEntries([entry('a', 10, 1250)], undefined)[0].predictionDiff).toBeNull();
  });
});

describe('prediction difference', () => {
  it('is the distance to the actual value', () => {
    expect(predictionDiff(1200, 1250)).toBe(50);
    expect(predictionDiff(1300, 1250)).toBe(50);
  });

  it('is null while either is unknown', () => {
    expect(predictionDiff(null, 1250)).toBeNull();
    expect(predictionDiff(1200, null)).toBeNull();
    expect(predictionDiff(undefined, undefined)).toBeNull();
  });
});
