import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAiken } from './aiken.parser.js';

const fixture = (path: string): string => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path), 'utf8');

const options = (texts: string[], right: number): { text: string; correct: boolean }[] =>
  texts.map((text, index) => ({ text, correct: index === right }));

describe('the Aiken fixture (ok/bank.aiken.txt)', () => {
  const result = parseAiken(fixture('ok/bank.aiken.txt'));

  it('reads every question with its first line, options A. and A), and a lower-case answer', () => {
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.questions).toEqual([
      {
        line: 1,
        type: 'single',
        text: 'Theo Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân năm 2015, công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
        options: options(['16 tuổi', '18 tuổi', '20 tuổi', '21 tuổi'], 1),
      },
      {
        line: 8,
        type: 'single',
        text: 'Ngày bầu cử phải là ngày nào trong tuần?',
        options: options(['Thứ Bảy', 'Chủ nhật', 'Thứ Hai'], 1),
      },
      {
        line: 14,
        type: 'single',
        text: 'Theo quy định, việc bỏ phiếu\nbắt đầu và kết thúc vào lúc nào?',
        options: options(['Từ 7 giờ sáng đến 7 giờ tối cùng ngày', 'Từ 5 giờ sáng đến 9 giờ tối cùng ngày', 'Từ 8 giờ sáng đến 5 giờ chiều cùng ngày'], 0),
      },
      {
        line: 21,
        type: 'true_false',
        text: 'Cử tri có thể nhờ người khác bỏ phiếu thay mình khi bận công tác.',
        options: options(['Đúng', 'Sai'], 1),
      },
      {
        // No blank line after the previous ANSWER: a question starts right after it.
        line: 25,
        type: 'single',
        text: 'Hội đồng bầu cử quốc gia có bao nhiêu thành viên?',
        options: options(['Từ 11 đến 15 thành viên', 'Từ 15 đến 21 thành viên', 'Từ 21 đến 25 thành viên'], 1),
      },
    ]);
  });
});

describe('an answer letter with no such option (not-ok/aiken-bad-letter.txt)', () => {
  it('is an error on the ANSWER line naming the letter and the last option', () => {
    const result = parseAiken(fixture('not-ok/aiken-bad-letter.txt'));
    expect(result.errors).toEqual([{ line: 12, code: 'IMPORT.AIKEN_ANSWER_UNKNOWN', params: { letter: 'E', last: 'D' } }]);
    expect(result.questions.map((question) => question.line)).toEqual([1]);
  });
});

describe('Aiken problems, each with its line', () => {
  it('a question without an ANSWER line, followed by another question', () => {
    const result = parseAiken('Câu 1?\nA. a\nB. b\nCâu 2?\nA. c\nB. d\nANSWER: A');
    expect(result.errors).toEqual([{ line: 1, code: 'IMPORT.AIKEN_ANSWER_MISSING' }]);
    expect(result.questions.map((question) => question.line)).toEqual([4]);
  });

  it('a last question without an ANSWER line', () => {
    expect(parseAiken('Câu 1?\nA. a\nB. b\n').errors).toEqual([{ line: 1, code: 'IMPORT.AIKEN_ANSWER_MISSING' }]);
  });

  it('an option before any question text', () => {
    const result = parseAiken('\nA. a\nB. b\nANSWER: A');
    expect(result.errors).toEqual([{ line: 2, code: 'IMPORT.AIKEN_OPTION_BEFORE_QUESTION' }]);
    expect(result.questions).toEqual([]);
  });

  it('options out of alphabetical order', () => {
    expect(parseAiken('Câu?\nA. a\nC. c\nANSWER: A').errors).toEqual([
      { line: 3, code: 'IMPORT.AIKEN_OPTION_ORDER', params: { expected: 'B', found: 'C' } },
    ]);
  });

  it('several letters: Aiken has one answer', () => {
    expect(parseAiken('Câu?\nA. a\nB. b\nANSWER: A,B').errors).toEqual([
      { line: 4, code: 'IMPORT.AIKEN_ANSWER_INVALID', params: { value: 'A,B' } },
    ]);
  });

  it('an empty answer', () => {
    expect(parseAiken('Câu?\nA. a\nB. b\nANSWER:').errors).toEqual([{ line: 4, code: 'IMPORT.AIKEN_ANSWER_INVALID', params: { value: '' } }]);
  });

  it('an answer line with no question', () => {
    expect(parseAiken('ANSWER: A').errors).toEqual([{ line: 1, code: 'IMPORT.AIKEN_ANSWER_WITHOUT_QUESTION' }]);
  });

  it('a question with text but no options', () => {
    expect(parseAiken('Câu?\nANSWER: A').errors).toEqual([{ line: 1, code: 'IMPORT.AIKEN_NO_OPTIONS' }]);
  });

  it('the platform rules apply, named by field on the question line', () => {
    expect(parseAiken('Câu?\nA. Có\nB. có\nANSWER: A').errors).toEqual([
      { line: 1, column: 'options.1.text', code: 'QUESTION.OPTION_DUPLICATE', params: { option: 2, sameAs: 1 } },
    ]);
    const nine = ['Câu?', ...'ABCDEFGHI'.split('').map((letter) => `${letter}. ${letter}${letter}`), 'ANSWER: I'].join('\n');
    expect(parseAiken(nine).errors).toEqual([
      { line: 1, column: 'options', code: 'QUESTION.OPTION_COUNT', params: { min: 2, max: 8, count: 9 } },
    ]);
  });

  it('an empty option ("C." alone) is the empty-option rule', () => {
    expect(parseAiken('Câu?\nA. a\nB. b\nC.\nANSWER: A').errors).toEqual([
      { line: 1, column: 'options.2.text', code: 'QUESTION.OPTION_EMPTY', params: { option: 3 } },
    ]);
  });

  it('lower-case "a." starts no option: it is text', () => {
    const [question] = parseAiken('Câu hỏi\na. vẫn là câu hỏi\nA. x\nB. y\nANSWER: B').questions;
    expect(question.text).toBe('Câu hỏi\na. vẫn là câu hỏi');
  });

  it('an empty file is one error', () => {
    expect(parseAiken(' \n\n')).toEqual({ questions: [], errors: [{ line: 1, code: 'IMPORT.EMPTY_FILE' }], skipped: [] });
  });
});
