import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { criterionScoreProblem, type RubricCriterion, rubricMaxTotal, rubricTotal, validateRubric, validateRubricScores } from './rubric.js';

const rubric: RubricCriterion[] = [
  { name: 'Nội dung', maxPoints: 10, weight: 2 },
  { name: 'Hình thức', maxPoints: 5 },
  { name: 'Sáng tạo', maxPoints: 5, weight: 1.5 },
];

describe('scoring an essay against the rubric', () => {
  it('the total is the sum of points times weights (weight 1 when none is set)', () => {
    expect(
      rubricTotal(
        [
          { criterion: 'Nội dung', points: 7.5 },
          { criterion: 'Hình thức', points: 4 },
          { criterion: 'Sáng tạo', points: 3.25 },
        ],
        rubric,
      ),
    ).toBe(7.5 * 2 + 4 + 3.25 * 1.5);
  });

  it('the highest possible total is every criterion at its maximum', () => {
    expect(rubricMaxTotal(rubric)).toBe(32.5);
  });

  it('weights that are not binary fractions leave no float noise', () => {
    expect(rubricTotal([{ criterion: 'c', points: 0.25 }], [{ name: 'c', maxPoints: 1, weight: 0.3 }])).toBe(0.075);
    expect(rubricTotal([{ criterion: 'c', points: 0.75 }], [{ name: 'c', maxPoints: 1, weight: 0.1 }])).toBe(0.075);
  });

  it('zero and the maximum are both allowed', () => {
    expect(
      validateRubricScores(
        [
          { criterion: 'Nội dung', points: 0 },
          { criterion: 'Hình thức', points: 5 },
          { criterion: 'Sáng tạo', points: 0.25 },
        ],
        rubric,
      ),
    ).toEqual([]);
  });

  it('points go in steps of a quarter', () => {
    expect(validateRubricScores([{ criterion: 'Hình thức', points: 3.3 }], [{ name: 'Hình thức', maxPoints: 5 }])).toEqual([
      { criterion: 'Hình thức', reason: 'not_a_quarter' },
    ]);
  });

  it('points above the maximum or below zero are out of range', () => {
    const single = [{ name: 'Hình thức', maxPoints: 5 }];
    expect(validateRubricScores([{ criterion: 'Hình thức', points: 5.25 }], single)).toEqual([
      { criterion: 'Hình thức', reason: 'out_of_range' },
    ]);
    expect(validateRubricScores([{ criterion: 'Hình thức', points: -0.25 }], single)).toEqual([
      { criterion: 'Hình thức', reason: 'out_of_range' },
    ]);
  });

  it('every criterion is scored exactly once, and only the rubric\'s criteria', () => {
    expect(
      validateRubricScores(
        [
          { criterion: 'Nội dung', points: 5 },
          { criterion: 'Nội dung', points: 6 },
          { criterion: 'Độ dài', points: 1 },
        ],
        rubric,
      ),
    ).toEqual([
      { criterion: 'Nội dung', reason: 'duplicate' },
      { criterion: 'Độ dài', reason: 'unknown_criterion' },
      { criterion: 'Hình thức', reason: 'missing' },
      { criterion: 'Sáng tạo', reason: 'missing' },
    ]);
  });

  it('a total is refused for scores that do not fit, with every problem listed', () => {
    expect(() => rubricTotal([{ criterion: 'Nội dung', points: 11 }], rubric)).toThrow(
      expect.objectContaining({
        code: 'ESSAY.RUBRIC_SCORE_INVALID',
        details: { problems: expect.arrayContaining([{ criterion: 'Nội dung', reason: 'out_of_range' }]) },
      }),
    );
  });
});

describe('one score as the judge types it', () => {
  it('says why points cannot be given: out of 0 … max, or not a quarter', () => {
    expect(criterionScoreProblem(7.25, 10)).toBeNull();
    expect(criterionScoreProblem(0, 10)).toBeNull();
    expect(criterionScoreProblem(10, 10)).toBeNull();
    expect(criterionScoreProblem(7.1, 10)).toBe('not_a_quarter');
    expect(criterionScoreProblem(10.25, 10)).toBe('out_of_range');
    expect(criterionScoreProblem(-0.25, 10)).toBe('out_of_range');
    expect(criterionScoreProblem(Number.NaN, 10)).toBe('out_of_range');
  });

  it('agrees with the check of a whole scoring, criterion by criterion', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 30, noNaN: true }), fc.integer({ min: 1, max: 80 }), (points, quarters) => {
        const maxPoints = quarters / 4;
        const [problem] = validateRubricScores([{ criterion: 'c', points }], [{ name: 'c', maxPoints }]);
        expect(criterionScoreProblem(points, maxPoints)).toBe(problem?.reason ?? null);
      }),
    );
  });
});

describe('checking a rubric when the round is set up', () => {
  it('a sound rubric has no problems', () => {
    expect(validateRubric(rubric)).toEqual([]);
  });

  it('names are unique, maximum points positive quarters, weights positive', () => {
    expect(
      validateRubric([
        { name: 'A', maxPoints: 10 },
        { name: 'A', maxPoints: 0 },
        { name: 'B', maxPoints: 2.1 },
        { name: 'C', maxPoints: 5, weight: 0 },
      ]),
    ).toEqual([
      { criterion: 'A', reason: 'duplicate_name' },
      { criterion: 'A', reason: 'invalid_max_points' },
      { criterion: 'B', reason: 'invalid_max_points' },
      { criterion: 'C', reason: 'invalid_weight' },
    ]);
  });

  it('an empty rubric is a problem', () => {
    expect(validateRubric([])).toEqual([{ criterion: null, reason: 'empty' }]);
  });
});
