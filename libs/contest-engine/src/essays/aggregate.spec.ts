import { describe, expect, it } from '@jest/globals';
import { aggregateEssayScores, type EssayEntryRef, type JudgeTotal, normalizeJudgeTotals } from './aggregate.js';

const entry = (entryId: string, day: number): EssayEntryRef => ({
  entryId,
  submittedAt: new Date(Date.UTC(2026, 3, day)),
});
const score = (entryId: string, judgeId: string, total: number): JudgeTotal => ({ entryId, judgeId, total });
const maxTotal = 40;

describe('essay results from the judges\' rubric totals', () => {
  it('an entry\'s score is the mean of its judges\' totals', () => {
    const [result] = aggregateEssayScores([entry('e1', 1)], [score('e1', 'j1', 30), score('e1', 'j2', 33.25)], { maxTotal });
    expect(result).toMatchObject({
      entryId: 'e1',
      judgeTotals: [
        { judgeId: 'j1', total: 30 },
        { judgeId: 'j2', total: 33.25 },
      ],
      mean: 31.63,
      normalized: null,
      spread: 3.25,
      flagged: false,
      rank: 1,
    });
  });

  it('entries rank by mean, highest first', () => {
    const results = aggregateEssayScores(
      [entry('e1', 1), entry('e2', 2)],
      [score('e1', 'j1', 20), score('e1', 'j2', 22), score('e2', 'j1', 30), score('e2', 'j2', 28)],
      { maxTotal },
    );
    expect(results.map((r) => [r.entryId, r.rank])).toEqual([
      ['e2', 1],
      ['e1', 2],
    ]);
  });

  it('equal means: the earlier submission ranks first', () => {
    const results = aggregateEssayScores(
      [entry('late', 9), entry('early', 2)],
      [score('late', 'j1', 30), score('early', 'j1', 30)],
      { maxTotal },
    );
    expect(results.map((r) => r.entryId)).toEqual(['early', 'late']);
  });

  it('entries no judge has scored yet come last', () => {
    const results = aggregateEssayScores([entry('waiting', 1), entry('scored', 2)], [score('scored', 'j1', 1)], { maxTotal });
    expect(results.map((r) => [r.entryId, r.mean])).toEqual([
      ['scored', 1],
      ['waiting', null],
    ]);
  });
});

describe('flagging judges who disagree (default threshold: 20% of the maximum total)', () => {
  const spreadOf = (a: number, b: number, threshold?: number) =>
    aggregateEssayScores([entry('e', 1)], [score('e', 'j1', a), score('e', 'j2', b)], { maxTotal, discrepancyThreshold: threshold })[0];

  it('a spread of exactly the threshold (8 of 40) is not flagged', () => {
    expect(spreadOf(20, 28).flagged).toBe(false);
  });

  it('a spread just above it is flagged for a further judge', () => {
    expect(spreadOf(20, 28.25)).toMatchObject({ spread: 8.25, flagged: true });
  });

  it('the round can set its own threshold', () => {
    expect(spreadOf(20, 25, 4).flagged).toBe(true);
  });

  it('a single judge cannot disagree', () => {
    const [result] = aggregateEssayScores([entry('e', 1)], [score('e', 'j1', 40)], { maxTotal });
    expect(result).toMatchObject({ spread: null, flagged: false });
  });

  it('the spread is max − min over three judges', () => {
    const [result] = aggregateEssayScores(
      [entry('e', 1)],
      [score('e', 'j1', 20), score('e', 'j2', 30), score('e', 'j3', 25)],
      { maxTotal },
    );
    expect(result).toMatchObject({ spread: 10, flagged: true });
  });
});

describe('per-judge z-score normalisation', () => {
  // A strict judge scores e1..e3, a lenient one e4..e6: the same spread of quality, different habits.
  const entries = [entry('e1', 1), entry('e2', 2), entry('e3', 3), entry('e4', 4), entry('e5', 5), entry('e6', 6)];
  const totals = [
    score('e1', 'strict', 10),
    score('e2', 'strict', 20),
    score('e3', 'strict', 30),
    score('e4', 'lenient', 30),
    score('e5', 'lenient', 35),
    score('e6', 'lenient', 40),
  ];

  it('rescales each judge\'s z-scores to the mean and spread of all totals', () => {
    // all totals: mean 27.5, population sd √(587.5 / 6); each judge's best is z = +√1.5, worst −√1.5.
    const globalSd = Math.sqrt(587.5 / 6);
    const normalized = normalizeJudgeTotals(totals);
    expect(normalized.get('e1')!.get('strict')).toBeCloseTo(27.5 - Math.sqrt(1.5) * globalSd, 10);
    expect(normalized.get('e2')!.get('strict')).toBeCloseTo(27.5, 10);
    expect(normalized.get('e6')!.get('lenient')).toBeCloseTo(27.5 + Math.sqrt(1.5) * globalSd, 10);
  });

  it('raw means favour the lenient judge\'s entries', () => {
    const results = aggregateEssayScores(entries, totals, { maxTotal });
    expect(results[0].entryId).toBe('e6');
    expect(results.find((r) => r.entryId === 'e3')!.rank).toBe(3);
  });

  it('normalised, each judge\'s best entry is worth the same: the earlier one ranks first', () => {
    const results = aggregateEssayScores(entries, totals, { maxTotal, normalize: true });
    const e3 = results.find((r) => r.entryId === 'e3')!;
    const e6 = results.find((r) => r.entryId === 'e6')!;
    expect(e3.normalized).toBe(e6.normalized);
    expect(e3.normalized).toBe(39.62);
    expect([e3.rank, e6.rank]).toEqual([1, 2]);
    expect(e3.mean).toBe(30);
  });

  it('a judge who gives everyone the same total says nothing about order: their entries get the overall mean', () => {
    const normalized = normalizeJudgeTotals([
      score('a', 'flat', 0.1 + 0.2),
      score('b', 'flat', 0.3),
      score('c', 'other', 10),
      score('d', 'other', 20),
    ]);
    const overallMean = (0.1 + 0.2 + 0.3 + 10 + 20) / 4;
    expect(normalized.get('a')!.get('flat')).toBeCloseTo(overallMean, 10);
    expect(normalized.get('b')!.get('flat')).toBeCloseTo(overallMean, 10);
  });

  it('a judge with a single entry gets z = 0 too', () => {
    const normalized = normalizeJudgeTotals([score('a', 'once', 5), score('b', 'other', 10), score('c', 'other', 30)]);
    expect(normalized.get('a')!.get('once')).toBeCloseTo(15, 10);
  });

  it('an entry\'s normalised score is the mean over its judges', () => {
    const [result] = aggregateEssayScores(
      [entry('x', 1), entry('y', 2)],
      [score('x', 'j1', 10), score('y', 'j1', 20), score('x', 'j2', 30), score('y', 'j2', 20)],
      { maxTotal, normalize: true },
    );
    // j1 puts x at z −1, j2 at z +1: x ends on the overall mean.
    expect(result.normalized).toBe(20);
  });
});

describe('bad input', () => {
  it('a score for an unknown entry is refused', () => {
    expect(() => aggregateEssayScores([entry('e', 1)], [score('ghost', 'j', 1)], { maxTotal })).toThrow(
      expect.objectContaining({ code: 'ESSAY.UNKNOWN_ENTRY' }),
    );
  });

  it('a judge scoring one entry twice is refused', () => {
    expect(() => aggregateEssayScores([entry('e', 1)], [score('e', 'j', 1), score('e', 'j', 2)], { maxTotal })).toThrow(
      expect.objectContaining({ code: 'ESSAY.DUPLICATE_SCORE' }),
    );
  });
});
