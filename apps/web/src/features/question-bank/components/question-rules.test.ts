import { describe, expect, it } from 'vitest';
import { keyProblem, questionProblems } from './question-rules';

const option = (text: string, correct = false) => ({ key: text, text, correct });
const question = (overrides: Partial<Parameters<typeof questionProblems>[0]> = {}) => ({
  type: 'single' as const,
  text: 'Công dân đủ bao nhiêu tuổi thì được bầu cử?',
  options: [option('18 tuổi', true), option('20 tuổi'), option('21 tuổi')],
  points: 1,
  ...overrides,
});

describe('question rules (the engine’s validateQuestion, in the form’s terms)', () => {
  it('names the key problem of each type, option counts first', () => {
    expect(keyProblem('single', [option('A'), option('B')])).toBe('singleNeedsOne');
    expect(keyProblem('multiple', [option('A'), option('B')])).toBe('multipleNeedsOne');
    expect(keyProblem('true_false', [option('Đúng', true), option('Sai'), option('Không rõ')])).toBe('trueFalseShape');
    expect(keyProblem('single', [option('A')])).toBe('tooFew');
    expect(keyProblem('multiple', 'ABCDEFGHI'.split('').map((letter) => option(letter, true)))).toBe('tooMany');
    expect(keyProblem('single', [option('A', true), option('B')])).toBeNull();
  });

  it('says by field what the server would refuse', () => {
    expect(questionProblems(question({ text: '', options: [option('18 tuổi', true), option('')], points: 0 }))).toEqual({
      text: { kind: 'text' },
      'options.1.text': { kind: 'optionText', index: 1 },
      points: { kind: 'points' },
    });
    expect(questionProblems(question({ points: 1.234 }))).toEqual({ points: { kind: 'points' } });
    expect(questionProblems(question({ options: [option('18 tuổi'), option('20 tuổi')] }))).toEqual({ options: { kind: 'key', problem: 'singleNeedsOne' } });
  });

  it('accepts points the server accepts, 1,15 included (1.15 × 100 is not a whole float)', () => {
    expect(questionProblems(question({ points: 1.15 }))).toEqual({});
    expect(questionProblems(question({ points: 100 }))).toEqual({});
  });

  it('leaves a duplicate option to the server, which words it next to the row', () => {
    expect(questionProblems(question({ options: [option('18 tuổi', true), option(' 18  TUỔI ')] }))).toEqual({});
  });
});
