import { describe, expect, it } from '@jest/globals';
import { type GradableQuestion, gradePaper, gradeQuestion } from './grade.js';

const single = (chosen: string[] | null, points = 1): GradableQuestion => ({
  questionId: 'q-single',
  type: 'single',
  key: ['b'],
  points,
  chosen,
});
const multiple = (chosen: string[] | null, points = 3): GradableQuestion => ({
  questionId: 'q-multi',
  type: 'multiple',
  key: ['a', 'c', 'd'],
  points,
  chosen,
});

describe('all or nothing (the default rule)', () => {
  it('the right option earns the question\'s points', () => {
    expect(gradeQuestion(single(['b']))).toEqual({ questionId: 'q-single', awarded: 1, correct: true });
  });

  it('a wrong option earns nothing', () => {
    expect(gradeQuestion(single(['a']))).toEqual({ questionId: 'q-single', awarded: 0, correct: false });
  });

  it('an unanswered question earns nothing', () => {
    expect(gradeQuestion(single(null)).awarded).toBe(0);
    expect(gradeQuestion(single([])).awarded).toBe(0);
    expect(gradeQuestion({ ...single(null), chosen: undefined }).awarded).toBe(0);
  });

  it('a multi-answer question is right only when the chosen set equals the key', () => {
    expect(gradeQuestion(multiple(['a', 'c', 'd'])).correct).toBe(true);
    expect(gradeQuestion(multiple(['a', 'c'])).awarded).toBe(0);
    expect(gradeQuestion(multiple(['a', 'b', 'c', 'd'])).awarded).toBe(0);
  });

  it('the order of the chosen options and repeats do not matter', () => {
    expect(gradeQuestion(multiple(['d', 'a', 'c', 'a'])).awarded).toBe(3);
  });

  it('true/false is graded like a single answer', () => {
    const q: GradableQuestion = { questionId: 'tf', type: 'true_false', key: ['true'], points: 1, chosen: ['true'] };
    expect(gradeQuestion(q).correct).toBe(true);
    expect(gradeQuestion({ ...q, chosen: ['true', 'false'] }).correct).toBe(false);
  });
});

describe('partial credit (an option of the round)', () => {
  it('two of three right options and no wrong one earn two thirds, to two decimals', () => {
    expect(gradeQuestion(multiple(['a', 'c'], 1), 'partial')).toEqual({ questionId: 'q-multi', awarded: 0.67, correct: false });
  });

  it('each wrong option cancels a right one', () => {
    expect(gradeQuestion(multiple(['a', 'c', 'b']), 'partial').awarded).toBe(1);
  });

  it('more wrong than right earns nothing, never less than nothing', () => {
    const q: GradableQuestion = { questionId: 'q', type: 'multiple', key: ['a'], points: 2, chosen: ['a', 'b', 'c'] };
    expect(gradeQuestion(q, 'partial').awarded).toBe(0);
  });

  it('ticking every option earns nothing when the key has no more right than wrong options', () => {
    const q: GradableQuestion = { questionId: 'q', type: 'multiple', key: ['a', 'b'], points: 2, chosen: ['a', 'b', 'c', 'd'] };
    expect(gradeQuestion(q, 'partial').awarded).toBe(0);
  });

  it('the full key still earns the full points and counts as correct', () => {
    expect(gradeQuestion(multiple(['a', 'c', 'd']), 'partial')).toEqual({ questionId: 'q-multi', awarded: 3, correct: true });
  });

  it('single and true/false questions stay all or nothing', () => {
    expect(gradeQuestion(single(['a']), 'partial').awarded).toBe(0);
  });

  it('a question can override the paper\'s mode', () => {
    expect(gradeQuestion({ ...multiple(['a']), mode: 'partial' }, 'all_or_nothing').awarded).toBe(1);
    expect(gradeQuestion({ ...multiple(['a']), mode: 'all_or_nothing' }, 'partial').awarded).toBe(0);
  });

  it('half a hundredth rounds up', () => {
    // 0.01 × 1/2 = 0.005 → 0.01
    const q: GradableQuestion = { questionId: 'q', type: 'multiple', key: ['a', 'b'], points: 0.01, chosen: ['a'] };
    expect(gradeQuestion(q, 'partial').awarded).toBe(0.01);
  });
});

describe('grading a whole paper', () => {
  it('sums the points of the right answers and counts them', () => {
    const result = gradePaper([single(['b'], 2), multiple(['a', 'c', 'd']), { ...single(['c']), questionId: 'q3' }]);
    expect(result).toEqual({
      score: 5,
      maxScore: 6,
      correctCount: 2,
      perQuestion: [
        { questionId: 'q-single', awarded: 2, correct: true },
        { questionId: 'q-multi', awarded: 3, correct: true },
        { questionId: 'q3', awarded: 0, correct: false },
      ],
    });
  });

  it('fractional points add up exactly: thirty questions of 0.1 make 3, not 2.9999999999999996', () => {
    const paper = Array.from({ length: 30 }, (_, i) => ({ ...single(['b'], 0.1), questionId: `q${i}` }));
    expect(gradePaper(paper)).toMatchObject({ score: 3, maxScore: 3, correctCount: 30 });
  });

  it('partial credits add up in hundredths', () => {
    const third = { ...multiple(['a'], 1) };
    const result = gradePaper(
      [third, { ...third, questionId: 'b' }, { ...third, questionId: 'c' }],
      'partial',
    );
    expect(result.score).toBe(0.99);
    expect(result.correctCount).toBe(0);
  });

  it('an empty paper scores zero out of zero', () => {
    expect(gradePaper([])).toEqual({ score: 0, maxScore: 0, correctCount: 0, perQuestion: [] });
  });

  it('a question without a key is refused rather than marking every blank answer right', () => {
    expect(() => gradeQuestion({ questionId: 'broken', type: 'single', key: [], points: 1, chosen: [] })).toThrow(
      expect.objectContaining({ code: 'QUESTION.KEY_EMPTY', details: { questionId: 'broken' } }),
    );
  });

  it('negative points are refused', () => {
    expect(() => gradeQuestion(single(['b'], -1))).toThrow(expect.objectContaining({ code: 'QUESTION.INVALID_POINTS' }));
  });
});
