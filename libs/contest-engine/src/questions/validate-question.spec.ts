import { describe, expect, it } from '@jest/globals';
import { type QuestionInput, validateQuestion } from './validate-question.js';

const single = (overrides: Partial<QuestionInput> = {}): QuestionInput => ({
  type: 'single',
  text: 'Công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
  options: [
    { text: '16 tuổi', correct: false },
    { text: '18 tuổi', correct: true },
    { text: '21 tuổi', correct: false },
  ],
  ...overrides,
});

const codes = (input: QuestionInput): string[] => validateQuestion(input).map((issue) => `${issue.field} ${issue.code}`);

describe('a question that keeps every rule', () => {
  it('has no issues, with or without difficulty and points', () => {
    expect(validateQuestion(single())).toEqual([]);
    expect(validateQuestion(single({ difficulty: 'hard', points: 2.5 }))).toEqual([]);
  });

  it('a multiple question may have one or several right options', () => {
    const options = [
      { text: 'Phổ thông', correct: true },
      { text: 'Bình đẳng', correct: true },
      { text: 'Công khai', correct: false },
    ];
    expect(validateQuestion({ type: 'multiple', text: 'Nguyên tắc bầu cử?', options })).toEqual([]);
    expect(validateQuestion({ type: 'multiple', text: 'Nguyên tắc bầu cử?', options: options.slice(1) })).toEqual([]);
  });

  it('a true/false question has two options, one right', () => {
    const options = [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ];
    expect(validateQuestion({ type: 'true_false', text: 'Cử tri được nhờ người khác bầu thay.', options })).toEqual([]);
  });
});

describe('the text', () => {
  it('may not be empty or only spaces', () => {
    expect(validateQuestion(single({ text: ' \n\t ' }))).toEqual([{ field: 'text', code: 'QUESTION.TEXT_EMPTY' }]);
  });

  it('may be 5000 characters, not one more', () => {
    expect(validateQuestion(single({ text: 'a'.repeat(5000) }))).toEqual([]);
    expect(validateQuestion(single({ text: 'a'.repeat(5001) }))).toEqual([
      { field: 'text', code: 'QUESTION.TEXT_TOO_LONG', params: { max: 5000, length: 5001 } },
    ]);
  });
});

describe('the options', () => {
  it('number 2 to 8', () => {
    const option = (index: number): { text: string; correct: boolean } => ({ text: `Phương án ${index}`, correct: index === 0 });
    const withCount = (count: number): QuestionInput => single({ options: Array.from({ length: count }, (_, index) => option(index)) });
    expect(validateQuestion(withCount(2))).toEqual([]);
    expect(validateQuestion(withCount(8))).toEqual([]);
    expect(validateQuestion(withCount(1))).toEqual([
      { field: 'options', code: 'QUESTION.OPTION_COUNT', params: { min: 2, max: 8, count: 1 } },
    ]);
    expect(validateQuestion(withCount(9))).toEqual([
      { field: 'options', code: 'QUESTION.OPTION_COUNT', params: { min: 2, max: 8, count: 9 } },
    ]);
  });

  it('with none at all, only the count is reported (not the answer key)', () => {
    expect(codes(single({ options: [] }))).toEqual(['options QUESTION.OPTION_COUNT']);
  });

  it('an empty option is named by its index in the field and its 1-based number in params', () => {
    const options = [
      { text: 'Có', correct: true },
      { text: 'Không', correct: false },
      { text: '  ', correct: false },
    ];
    expect(validateQuestion(single({ options }))).toEqual([{ field: 'options.2.text', code: 'QUESTION.OPTION_EMPTY', params: { option: 3 } }]);
  });

  it('an option may be 1000 characters, not one more', () => {
    const options = [
      { text: 'x'.repeat(1000), correct: true },
      { text: 'y'.repeat(1001), correct: false },
    ];
    expect(validateQuestion(single({ options }))).toEqual([
      { field: 'options.1.text', code: 'QUESTION.OPTION_TOO_LONG', params: { option: 2, max: 1000, length: 1001 } },
    ]);
  });

  it('two options that differ only in case or spacing are duplicates; the later one is reported', () => {
    const options = [
      { text: '18 tuổi', correct: true },
      { text: '21 tuổi', correct: false },
      { text: ' 18  TUỔI ', correct: false },
    ];
    expect(validateQuestion(single({ options }))).toEqual([
      { field: 'options.2.text', code: 'QUESTION.OPTION_DUPLICATE', params: { option: 3, sameAs: 1 } },
    ]);
  });

  it('options differing only by a diacritic are not duplicates', () => {
    const options = [
      { text: 'Bầu', correct: true },
      { text: 'Bâu', correct: false },
    ];
    expect(validateQuestion(single({ options }))).toEqual([]);
  });
});

describe('the answer key fits the type', () => {
  it('single: exactly one right option', () => {
    const none = single({ options: [{ text: 'a', correct: false }, { text: 'b', correct: false }] });
    const two = single({ options: [{ text: 'a', correct: true }, { text: 'b', correct: true }] });
    expect(validateQuestion(none)).toEqual([{ field: 'options', code: 'QUESTION.SINGLE_NEEDS_ONE_CORRECT', params: { correct: 0 } }]);
    expect(validateQuestion(two)).toEqual([{ field: 'options', code: 'QUESTION.SINGLE_NEEDS_ONE_CORRECT', params: { correct: 2 } }]);
  });

  it('multiple: at least one right option', () => {
    const none: QuestionInput = { type: 'multiple', text: 'q', options: [{ text: 'a', correct: false }, { text: 'b', correct: false }] };
    expect(validateQuestion(none)).toEqual([{ field: 'options', code: 'QUESTION.MULTIPLE_NEEDS_CORRECT' }]);
  });

  it('true/false: exactly two options and exactly one right', () => {
    const three: QuestionInput = {
      type: 'true_false',
      text: 'q',
      options: [{ text: 'Đúng', correct: true }, { text: 'Sai', correct: false }, { text: 'Không rõ', correct: false }],
    };
    const bothRight: QuestionInput = { type: 'true_false', text: 'q', options: [{ text: 'Đúng', correct: true }, { text: 'Sai', correct: true }] };
    expect(validateQuestion(three)).toEqual([{ field: 'options', code: 'QUESTION.TRUE_FALSE_SHAPE', params: { count: 3, correct: 1 } }]);
    expect(validateQuestion(bothRight)).toEqual([{ field: 'options', code: 'QUESTION.TRUE_FALSE_SHAPE', params: { count: 2, correct: 2 } }]);
  });

  it('an unknown type is reported and no key rule is guessed', () => {
    expect(validateQuestion({ ...single(), type: 'essay' as QuestionInput['type'] })).toEqual([
      { field: 'type', code: 'QUESTION.TYPE', params: { value: 'essay' } },
    ]);
  });
});

describe('points and difficulty', () => {
  it('points are more than 0 and at most 100', () => {
    expect(validateQuestion(single({ points: 100 }))).toEqual([]);
    expect(validateQuestion(single({ points: 0.01 }))).toEqual([]);
    for (const points of [0, -1, 100.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codes(single({ points }))).toEqual(['points QUESTION.POINTS_RANGE']);
    }
  });

  it('points have at most two decimals', () => {
    expect(validateQuestion(single({ points: 0.29 }))).toEqual([]);
    expect(validateQuestion(single({ points: 1.005 }))).toEqual([{ field: 'points', code: 'QUESTION.POINTS_PRECISION', params: { value: 1.005 } }]);
  });

  it('difficulty is easy, medium or hard', () => {
    expect(validateQuestion(single({ difficulty: 'medium' }))).toEqual([]);
    expect(validateQuestion(single({ difficulty: 'Dễ' }))).toEqual([{ field: 'difficulty', code: 'QUESTION.DIFFICULTY', params: { value: 'Dễ' } }]);
  });
});

describe('several broken rules', () => {
  it('are all reported, text first, then options, key, points, difficulty', () => {
    const input: QuestionInput = {
      type: 'single',
      text: '',
      options: [{ text: 'a', correct: false }, { text: 'A', correct: false }],
      points: 0,
      difficulty: 'x',
    };
    expect(codes(input)).toEqual([
      'text QUESTION.TEXT_EMPTY',
      'options.1.text QUESTION.OPTION_DUPLICATE',
      'options QUESTION.SINGLE_NEEDS_ONE_CORRECT',
      'points QUESTION.POINTS_RANGE',
      'difficulty QUESTION.DIFFICULTY',
    ]);
  });
});
