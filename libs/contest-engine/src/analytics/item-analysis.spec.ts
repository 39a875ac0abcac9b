import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EngineErrorCodes } from '../errors.js';
import { analyzeItems, facilityJump, ItemAnalysisAccumulator, type ScoredAttempt } from './item-analysis.js';

/** Attempts from a matrix of scores (one row per attempt, in submission order; null: not on that paper), 1 point each. */
function attemptsOf(rows: (number | null)[][], questions = rows[0].map((_, j) => `q${j + 1}`)): ScoredAttempt[] {
  return rows.map((row) => ({
    items: row.flatMap((awarded, j) => (awarded === null ? [] : [{ questionId: questions[j], awarded, points: 1, chosen: [awarded === 1 ? 'right' : 'wrong'] }])),
  }));
}

const item = (analysis: ReturnType<typeof analyzeItems>, questionId: string) => analysis.items.find((i) => i.questionId === questionId)!;

describe('item analysis (phân tích câu hỏi)', () => {
  // Four members, three questions, each worth 1 point; the strongest member first:
  //
  //          q1 q2 q3 | total
  //   An      1  1  1 |   3
  //   Bình    1  1  0 |   2
  //   Chi     1  0  0 |   1
  //   Dũng    0  0  0 |   0
  //
  // Facility: q1 3/4 = 0.75, q2 2/4 = 0.5, q3 1/4 = 0.25.
  //
  // Discrimination of q1: x = (1, 1, 1, 0), the rest of the paper r = total − x = (2, 1, 0, 0).
  //   x̄ = 0.75, r̄ = 0.75; deviations dx = (.25, .25, .25, −.75), dr = (1.25, .25, −.75, −.75)
  //   Σ dx·dr = .3125 + .0625 − .1875 + .5625 = 0.75;  Σ dx² = 3 · .0625 + .5625 = 0.75
  //   Σ dr² = 1.5625 + .0625 + .5625 + .5625 = 2.75;   r = 0.75 / √(0.75 · 2.75) = √(3/11) ≈ 0.5222
  // q3 mirrors q1: x = (1, 0, 0, 0), r = (2, 2, 1, 0): dx = (.75, −.25, −.25, −.25), dr = (.75, .75, −.25, −1.25),
  //   Σ dx·dr = .5625 − .1875 + .0625 + .3125 = 0.75, Σ dx² = 0.75, Σ dr² = 2.75: r = √(3/11) again.
  // q2: x = (1, 1, 0, 0), r = (2, 1, 1, 0); x̄ = .5, r̄ = 1; dx = (.5, .5, −.5, −.5), dr = (1, 0, 0, −1)
  //   Σ dx·dr = .5 + .5 = 1; Σ dx² = 1; Σ dr² = 2;  r = 1 / √2 ≈ 0.7071
  //
  // Cronbach's alpha over the three (every paper has them), with sums of squares (the 1/n cancels):
  //   items: 0.75 + 1 + 0.75 = 2.5; totals (3, 2, 1, 0), mean 1.5: 2.25 + .25 + .25 + 2.25 = 5
  //   α = 3/2 · (1 − 2.5 / 5) = 0.75
  const guttman = attemptsOf([
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
  ]);

  it('facility is the mean score fraction of each question', () => {
    const analysis = analyzeItems(guttman);
    expect(analysis.attempts).toBe(4);
    expect(analysis.items.map((i) => [i.questionId, i.answered, i.facility])).toEqual([
      ['q1', 4, 0.75],
      ['q2', 4, 0.5],
      ['q3', 4, 0.25],
    ]);
  });

  it('discrimination is the correlation of the question with the rest of the paper', () => {
    const analysis = analyzeItems(guttman);
    expect(item(analysis, 'q1').discrimination).toBeCloseTo(Math.sqrt(3 / 11), 12);
    expect(item(analysis, 'q2').discrimination).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(item(analysis, 'q3').discrimination).toBeCloseTo(Math.sqrt(3 / 11), 12);
    expect(analysis.items.every((i) => !i.flags.includes('NEGATIVE_DISCRIMINATION'))).toBe(true);
  });

  it("Cronbach's alpha over the questions every attempt had", () => {
    expect(analyzeItems(guttman).alpha).toBeCloseTo(0.75, 12);
  });

  it('a wrong key: the weakest member alone gets it "right", so it correlates negatively with the rest', () => {
    // q4 = (0, 0, 0, 1): rest = (3, 2, 1, 0), x̄ = .25, r̄ = 1.5
    //   dx = (−.25, −.25, −.25, .75), dr = (1.5, .5, −.5, −1.5)
    //   Σ dx·dr = −.375 − .125 + .125 − 1.125 = −1.5; Σ dx² = .75; Σ dr² = 2.25 + .25 + .25 + 2.25 = 5
    //   r = −1.5 / √3.75 ≈ −0.7746
    const analysis = analyzeItems(
      attemptsOf([
        [1, 1, 1, 0],
        [1, 1, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 0, 1],
      ]),
    );
    expect(item(analysis, 'q4').discrimination).toBeCloseTo(-1.5 / Math.sqrt(3.75), 12);
    expect(item(analysis, 'q4').flags).toEqual(['NEGATIVE_DISCRIMINATION']);
  });

  it('a question everyone gets right is too easy, one nobody does too hard; neither discriminates', () => {
    const analysis = analyzeItems(
      attemptsOf([
        [1, 1, 0],
        [1, 0, 0],
        [1, 1, 0],
      ]),
    );
    expect(item(analysis, 'q1')).toMatchObject({ facility: 1, discrimination: null, flags: ['TOO_EASY'] });
    expect(item(analysis, 'q3')).toMatchObject({ facility: 0, discrimination: null, flags: ['TOO_HARD'] });
    // Totals (2, 1, 2): q2 alone makes them differ, so the rest of the paper never varies for it either.
    expect(item(analysis, 'q2')).toMatchObject({ discrimination: null, flags: [] });
  });

  it('the thresholds are strict: 0.95 is not too easy and 0.2 is not too hard', () => {
    const easy = Array.from({ length: 20 }, (_, i) => [i === 0 ? 0 : 1, i % 2]);
    expect(item(analyzeItems(attemptsOf(easy)), 'q1')).toMatchObject({ facility: 0.95, flags: [] });
    const hard = Array.from({ length: 10 }, (_, i) => [i < 2 ? 1 : 0, i % 2]);
    expect(item(analyzeItems(attemptsOf(hard)), 'q1').facility).toBe(0.2);
    expect(item(analyzeItems(attemptsOf(hard)), 'q1').flags).not.toContain('TOO_HARD');
  });

  it('partial credit: the facility is over the points the question was worth', () => {
    // q1 worth 2: awarded 2, 1, 0 → fractions 1, 0.5, 0 → facility 0.5.
    const analysis = analyzeItems(
      [2, 1, 0].map((awarded) => ({
        items: [
          { questionId: 'q1', awarded, points: 2, chosen: [] },
          { questionId: 'q2', awarded: awarded === 0 ? 0 : 1, points: 1, chosen: [] },
        ],
      })),
    );
    expect(item(analysis, 'q1').facility).toBe(0.5);
    // x = (2, 1, 0), r = (1, 1, 0): x̄ = 1, r̄ = 2/3; Σ dx·dr = 1/3 + 0 + 2/3 = 1; Σ dx² = 2; Σ dr² = 1/9 + 1/9 + 4/9 = 2/3
    //   r = 1 / √(2 · 2/3) = √3 / 2 ≈ 0.8660
    expect(item(analysis, 'q1').discrimination).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it('papers drawn from a pool: each question over the attempts that had it; alpha over those every attempt had', () => {
    // q3 is on the first three papers only: answered 3, facility 2/3; alpha over q1 and q2:
    //   q1 = (1, 1, 0, 0), q2 = (1, 0, 1, 0): Σ dx² = 1 each; sums (2, 1, 1, 0), mean 1: Σ = 1 + 0 + 0 + 1 = 2
    //   α = 2/1 · (1 − 2 / 2) = 0
    const analysis = analyzeItems(
      attemptsOf([
        [1, 1, 1],
        [1, 0, 1],
        [0, 1, 0],
        [0, 0, null],
      ]),
    );
    expect(item(analysis, 'q3')).toMatchObject({ answered: 3, facility: 2 / 3 });
    expect(analysis.alpha).toBeCloseTo(0, 12);
  });

  it('alpha needs two questions on every paper and totals that vary', () => {
    expect(analyzeItems(attemptsOf([[1, null], [0, 1]])).alpha).toBeNull();
    expect(analyzeItems(attemptsOf([[1, 0], [0, 1]])).alpha).toBeNull(); // totals (1, 1)
    expect(analyzeItems([]).alpha).toBeNull();
  });

  it('counts who chose each option; a blank counts as a wrong answer, not as a missing question', () => {
    const analysis = analyzeItems([
      { items: [{ questionId: 'q', awarded: 1, points: 1, chosen: ['a'] }] },
      { items: [{ questionId: 'q', awarded: 0, points: 1, chosen: ['b'] }] },
      { items: [{ questionId: 'q', awarded: 0, points: 1, chosen: ['a', 'b'] }] },
      { items: [{ questionId: 'q', awarded: 0, points: 1, chosen: [] }] },
    ]);
    expect(item(analysis, 'q')).toMatchObject({ answered: 4, facility: 0.25 });
    expect(Object.fromEntries(item(analysis, 'q').chosenBy)).toEqual({ a: 2, b: 2 });
  });

  describe('a key circulating mid-round (FACILITY_JUMP)', () => {
    // 30 attempts in submission order: the first third (10) and the last third (10) are compared.
    const jumpOf = (firstRight: number, lastRight: number, n = 30) => {
      const third = Math.floor(n / 3);
      return Array.from({ length: n }, (_, i) => (i < third ? (i < firstRight ? 1 : 0) : i >= n - third ? (i - (n - third) < lastRight ? 1 : 0) : 0.5));
    };

    it('nobody right in the first third, everyone in the last: a jump of 1', () => {
      expect(facilityJump(jumpOf(0, 10))).toBe(1);
      const analysis = analyzeItems(jumpOf(0, 10).map((awarded) => ({ items: [{ questionId: 'leaked', awarded, points: 1, chosen: [] }] })));
      expect(item(analysis, 'leaked').flags).toEqual(['FACILITY_JUMP']);
    });

    it('more than 0.3 is a jump; exactly 0.3 is not (4/10 − 1/10, computed without rounding drift)', () => {
      expect(facilityJump(jumpOf(1, 4))).toBe(0.3);
      expect(facilityJump(jumpOf(1, 5))).toBe(0.4);
    });

    it('needs 30 attempts; with 31 or 32, thirds of 10 (the middle takes the rest)', () => {
      expect(facilityJump(jumpOf(0, 9, 29))).toBe(0);
      const n31 = [...Array(10).fill(0), ...Array(11).fill(0), ...Array(10).fill(1)];
      expect(facilityJump(n31)).toBe(1);
      const n32 = [...Array(10).fill(0), 1, 1, ...Array(10).fill(0), ...Array(10).fill(1)];
      expect(facilityJump(n32)).toBe(1);
    });

    it('a question that got harder is not flagged (only a rise is a leak)', () => {
      expect(facilityJump(jumpOf(10, 0))).toBe(-1);
    });
  });

  it('refuses a question worth nothing (its score fraction would mean nothing)', () => {
    expect(() => analyzeItems([{ items: [{ questionId: 'q', awarded: 0, points: 0, chosen: [] }] }])).toThrow(
      expect.objectContaining({ code: EngineErrorCodes.QUESTION_INVALID_POINTS }),
    );
  });

  it('taken one attempt at a time, it agrees with the textbook two-pass formulas', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom<number>(0, 0.5, 1, 2), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const accumulator = new ItemAnalysisAccumulator();
          for (const attempt of attemptsOf(rows)) accumulator.add(attempt);
          const analysis = accumulator.result();
          const n = rows.length;
          const totals = rows.map((row) => row.reduce((s, x) => s + x, 0));
          const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;
          const sq = (values: number[]) => values.reduce((s, x) => s + (x - mean(values)) ** 2, 0);
          for (let j = 0; j < 4; j++) {
            const x = rows.map((row) => row[j]);
            const r = totals.map((t, i) => t - x[i]);
            const sxr = x.reduce((s, xi, i) => s + (xi - mean(x)) * (r[i] - mean(r)), 0);
            const stats = analysis.items[j];
            expect(stats.facility).toBeCloseTo(mean(x), 9);
            if (sq(x) === 0 || sq(r) === 0) expect(stats.discrimination).toBeNull();
            else expect(stats.discrimination).toBeCloseTo(sxr / Math.sqrt(sq(x) * sq(r)), 9);
          }
          const itemSquares = [0, 1, 2, 3].reduce((s, j) => s + sq(rows.map((row) => row[j])), 0);
          if (sq(totals) === 0) expect(analysis.alpha).toBeNull();
          else expect(analysis.alpha).toBeCloseTo((4 / 3) * (1 - itemSquares / sq(totals)), 9);
          expect(analysis.attempts).toBe(n);
        },
      ),
    );
  });
});
