import { describe, expect, it } from '@jest/globals';
import { EngineError } from '../errors.js';
import { type AnswerSpec, checkAnswer, maxChoices } from './answer.js';

const single: AnswerSpec = { type: 'single', optionIds: ['q1-a', 'q1-b', 'q1-c', 'q1-d'] };
const trueFalse: AnswerSpec = { type: 'true_false', optionIds: ['q2-true', 'q2-false'] };
const multiple: AnswerSpec = { type: 'multiple', optionIds: ['q3-a', 'q3-b', 'q3-c', 'q3-d'] };

/** The paper of one attempt: question id → what it accepts. */
const paper: Record<string, AnswerSpec> = { q1: single, q2: trueFalse, q3: multiple };
const answer = (questionId: string, chosen: string[]) => () => checkAnswer(questionId, paper[questionId], chosen);

describe('how many options a question takes', () => {
  it('a single-choice question takes one option, however many it offers', () => {
    expect(maxChoices(single)).toBe(1);
  });

  it('a true/false question takes one option', () => {
    expect(maxChoices(trueFalse)).toBe(1);
  });

  it('a multiple-choice question takes up to all of its options', () => {
    expect(maxChoices(multiple)).toBe(4);
    expect(maxChoices({ type: 'multiple', optionIds: ['a', 'b'] })).toBe(2);
  });
});

describe('an answer the paper accepts', () => {
  it('one option of a single-choice question', () => {
    expect(answer('q1', ['q1-c'])).not.toThrow();
  });

  it('one option of a true/false question', () => {
    expect(answer('q2', ['q2-false'])).not.toThrow();
  });

  it('any subset of a multiple-choice question, up to every option', () => {
    expect(answer('q3', ['q3-b'])).not.toThrow();
    expect(answer('q3', ['q3-d', 'q3-a'])).not.toThrow();
    expect(answer('q3', ['q3-a', 'q3-b', 'q3-c', 'q3-d'])).not.toThrow();
  });

  it('an empty choice clears the answer, whatever the type', () => {
    for (const questionId of ['q1', 'q2', 'q3']) expect(answer(questionId, [])).not.toThrow();
  });

  it('the same option sent twice counts once: still one option for a single-choice question', () => {
    expect(answer('q1', ['q1-a', 'q1-a'])).not.toThrow();
    expect(answer('q2', ['q2-true', 'q2-true'])).not.toThrow();
  });

  it('repeats do not push a multiple-choice answer past its option count', () => {
    expect(answer('q3', ['q3-a', 'q3-b', 'q3-c', 'q3-d', 'q3-a'])).not.toThrow();
  });
});

describe('an answer the paper refuses', () => {
  it('a question that is not on this paper', () => {
    expect(answer('q9', ['q1-a'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.QUESTION_NOT_IN_PAPER', details: { questionId: 'q9' } }),
    );
  });

  it('…even with an empty choice: there is nothing to clear', () => {
    expect(answer('q9', [])).toThrow(expect.objectContaining({ code: 'ATTEMPT.QUESTION_NOT_IN_PAPER' }));
  });

  it('an option of another question, naming the foreign options', () => {
    expect(answer('q1', ['q2-true'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.OPTION_NOT_IN_QUESTION', details: { questionId: 'q1', optionIds: ['q2-true'] } }),
    );
  });

  it('one foreign option among valid ones spoils the whole answer, and only the foreign ones are named', () => {
    expect(answer('q3', ['q3-a', 'q1-b', 'q3-c', 'made-up'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.OPTION_NOT_IN_QUESTION', details: { questionId: 'q3', optionIds: ['q1-b', 'made-up'] } }),
    );
  });

  it('two options of a single-choice question', () => {
    expect(answer('q1', ['q1-a', 'q1-b'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.TOO_MANY_OPTIONS', details: { questionId: 'q1', max: 1 } }),
    );
  });

  it('both "true" and "false" of a true/false question', () => {
    expect(answer('q2', ['q2-true', 'q2-false'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.TOO_MANY_OPTIONS', details: { questionId: 'q2', max: 1 } }),
    );
  });

  it('a foreign option is reported before a count that is too high', () => {
    expect(answer('q1', ['q1-a', 'q3-a'])).toThrow(expect.objectContaining({ code: 'ATTEMPT.OPTION_NOT_IN_QUESTION' }));
  });

  it('a multiple-choice answer can only exceed its option count with foreign options, and is refused for those', () => {
    expect(answer('q3', ['q3-a', 'q3-b', 'q3-c', 'q3-d', 'q3-e'])).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.OPTION_NOT_IN_QUESTION', details: { questionId: 'q3', optionIds: ['q3-e'] } }),
    );
  });

  it('refusals are engine errors', () => {
    expect(answer('q1', ['q1-a', 'q1-b'])).toThrow(EngineError);
  });
});
