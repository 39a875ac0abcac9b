import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGift } from './gift.parser.js';

const fixture = (path: string): string => readFileSync(resolve(import.meta.dirname, '../../../../../../test/fixtures/import', path), 'utf8');

const right = (text: string, feedback?: string): { text: string; correct: boolean; feedback?: string } =>
  feedback ? { text, correct: true, feedback } : { text, correct: true };
const wrong = (text: string, feedback?: string): { text: string; correct: boolean; feedback?: string } =>
  feedback ? { text, correct: false, feedback } : { text, correct: false };

describe('the GIFT fixture with every construct (ok/bank.gift)', () => {
  const result = parseGift(fixture('ok/bank.gift'));
  const voters = ['Bầu cử', 'Cử tri'];
  const electionDay = ['Bầu cử', 'Ngày bầu cử'];

  it('has no errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('reads = / ~ answers, a title, per-answer feedback, general feedback and a comment inside the answers', () => {
    expect(result.questions[0]).toEqual({
      line: 7,
      type: 'single',
      title: 'Tuổi bầu cử',
      text: 'Công dân Việt Nam đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
      options: [right('18 tuổi', 'Chính xác.'), wrong('16 tuổi', 'Chưa đủ tuổi.'), wrong('20 tuổi'), wrong('21 tuổi', 'Đây là tuổi được quyền ứng cử.')],
      explanation: 'Công dân đủ 18 tuổi trở lên có quyền bầu cử, đủ 21 tuổi trở lên có quyền ứng cử.',
      category: voters,
    });
  });

  it('several = make a multiple question; [html] is kept as the text format', () => {
    expect(result.questions[1]).toEqual({
      line: 17,
      type: 'multiple',
      title: 'Nguyên tắc bầu cử',
      text: 'Việc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân được tiến hành theo những nguyên tắc <b>nào</b>?',
      textFormat: 'html',
      options: [right('Phổ thông'), right('Bình đẳng'), right('Trực tiếp'), right('Bỏ phiếu kín'), wrong('Bỏ phiếu công khai')],
      category: voters,
    });
  });

  it('positive weights are right options of a multiple question, zero and negative ones wrong', () => {
    expect(result.questions[2]).toEqual({
      line: 20,
      type: 'multiple',
      text: 'Những người nào sau đây KHÔNG được ghi tên vào danh sách cử tri?',
      options: [
        right('Người bị kết án tử hình đang trong thời gian chờ thi hành án'),
        right('Người đang phải chấp hành hình phạt tù mà không được hưởng án treo'),
        right('Người bị mất năng lực hành vi dân sự'),
        wrong('Người đang bị tạm giam', 'Người đang bị tạm giam vẫn được ghi tên vào danh sách cử tri.'),
      ],
      category: voters,
    });
    expect(result.questions[3]).toEqual({
      line: 27,
      type: 'multiple',
      title: 'Cử tri không tự viết được phiếu',
      text: 'Cử tri **không thể tự viết** được phiếu bầu thì làm thế nào?',
      textFormat: 'markdown',
      options: [right('Nhờ người khác viết hộ'), right('Tự mình bỏ phiếu vào hòm phiếu'), wrong('Nhờ người khác bỏ phiếu thay')],
      category: voters,
    });
  });

  it('{T} {FALSE} {TRUE} {F} are true/false questions with the options Đúng and Sai', () => {
    expect(result.questions.slice(4, 8)).toEqual([
      {
        line: 36,
        type: 'true_false',
        text: 'Ngày bầu cử phải là ngày chủ nhật.',
        // "#when wrong#when right": each option gets what a member choosing it sees.
        options: [right('Đúng', 'Chính xác!'), wrong('Sai', 'Luật quy định ngày bầu cử phải là ngày chủ nhật.')],
        category: electionDay,
      },
      {
        line: 38,
        type: 'true_false',
        text: 'Cử tri được nhờ người khác bỏ phiếu thay khi bận công tác.',
        options: [wrong('Đúng'), right('Sai')],
        explanation: 'Cử tri phải tự mình bỏ phiếu, không được nhờ người khác bầu thay.',
        category: electionDay,
      },
      {
        line: 40,
        type: 'true_false',
        text: 'Cuộc bầu cử có giá trị khi có quá một nửa tổng số cử tri trong danh sách cử tri đã tham gia bỏ phiếu.',
        options: [right('Đúng'), wrong('Sai')],
        category: electionDay,
      },
      {
        line: 42,
        type: 'true_false',
        text: 'Mỗi đơn vị bầu cử đại biểu Quốc hội được bầu không quá năm đại biểu.',
        options: [wrong('Đúng'), right('Sai')],
        category: electionDay,
      },
    ]);
  });

  it('a choice between exactly Đúng and Sai is a true/false question too', () => {
    expect(result.questions[8]).toEqual({
      line: 45,
      type: 'true_false',
      text: 'Danh sách cử tri được niêm yết chậm nhất là 40 ngày trước ngày bầu cử.',
      options: [right('Đúng'), wrong('Sai')],
      category: electionDay,
    });
  });

  it('keeps the line break of a text written on two lines; [plain] is recorded', () => {
    expect(result.questions[9]).toEqual({
      line: 48,
      type: 'single',
      title: 'Thời gian bỏ phiếu',
      text: 'Theo Luật Bầu cử năm 2015,\nviệc bỏ phiếu bắt đầu và kết thúc vào lúc nào?',
      textFormat: 'plain',
      options: [
        right('Từ 7 giờ sáng đến 7 giờ tối cùng ngày'),
        wrong('Từ 5 giờ sáng đến 9 giờ tối cùng ngày'),
        wrong('Từ 8 giờ sáng đến 5 giờ chiều cùng ngày'),
      ],
      category: electionDay,
    });
  });

  it('turns escapes back into characters, \\n into a line break', () => {
    expect(result.questions[10]).toEqual({
      line: 56,
      type: 'single',
      title: 'Tỷ lệ trúng cử: quá bán',
      text: 'Người trúng cử phải đạt bao nhiêu phiếu so với tổng số phiếu bầu hợp lệ?\nLưu ý: các ký hiệu ~ và # ở đây là chữ thường.',
      options: [right('Quá một nửa {trên 50%}'), wrong('Đúng một nửa = 50%'), wrong('Ít nhất hai phần ba')],
      category: electionDay,
    });
    expect(result.questions).toHaveLength(11);
  });

  it('skips essay, matching, numeric, short-answer, missing-word and description items, each with its line', () => {
    const skipped = (line: number, kind: string): object => ({ line, code: 'IMPORT.GIFT_UNSUPPORTED_KIND', params: { kind } });
    expect(result.skipped).toEqual([
      skipped(65, 'essay'),
      skipped(68, 'matching'),
      skipped(75, 'numeric'),
      skipped(78, 'short_answer'),
      skipped(81, 'missing_word'),
      skipped(84, 'description'),
    ]);
  });
});

describe('a GIFT file with an unclosed brace (not-ok/unclosed-brace.gift)', () => {
  it('reports the line where the brace opened and still reads the other questions', () => {
    const result = parseGift(fixture('not-ok/unclosed-brace.gift'));
    expect(result.errors).toEqual([{ line: 4, code: 'IMPORT.GIFT_UNCLOSED_BRACE' }]);
    expect(result.questions.map((question) => [question.line, question.title])).toEqual([
      [2, 'Câu 1'],
      [9, 'Câu 3'],
    ]);
  });
});

describe('GIFT syntax', () => {
  it('reads CRLF line ends and a byte order mark', () => {
    const result = parseGift('\uFEFF// c\r\nCâu hỏi? {=a ~b}\r\n\r\nCâu khác? {T}\r\n');
    expect(result.errors).toEqual([]);
    expect(result.questions.map((question) => [question.line, question.type])).toEqual([
      [2, 'single'],
      [4, 'true_false'],
    ]);
  });

  it('\\\\ is a backslash, and an escaped n after it is a plain n', () => {
    const [question] = parseGift('Đường dẫn C\\:\\\\new? {=C\\:\\\\new ~D\\:}').questions;
    expect(question.text).toBe('Đường dẫn C:\\new?');
    expect(question.options.map((option) => option.text)).toEqual(['C:\\new', 'D:']);
  });

  it('true/false keywords ignore case', () => {
    expect(parseGift('Câu? {true}').questions[0].options).toEqual([right('Đúng'), wrong('Sai')]);
    expect(parseGift('Câu? {f}').questions[0].options).toEqual([wrong('Đúng'), right('Sai')]);
  });

  it('a weight may use a decimal comma; a weight that is not a number is an error on its own line', () => {
    expect(parseGift('Câu? {~%33,3%a ~%66,7%b ~c}').questions[0].options.map((option) => option.correct)).toEqual([true, true, false]);
    expect(parseGift('Câu? {\n~%abc%a\n~b\n}').errors).toEqual([{ line: 2, code: 'IMPORT.GIFT_BAD_WEIGHT', params: { weight: 'abc' } }]);
    expect(parseGift('Câu? {~%150%a ~b}').errors).toEqual([{ line: 1, code: 'IMPORT.GIFT_BAD_WEIGHT', params: { weight: '150' } }]);
  });

  it('a % that does not open a weight is text', () => {
    expect(parseGift('Câu? {=%50 số phiếu ~b}').questions[0].options[0]).toEqual(right('%50 số phiếu'));
  });

  it('one = and only wrong weights stays single', () => {
    expect(parseGift('Câu? {=a ~%-50%b ~c}').questions[0].type).toBe('single');
  });

  it('a single positive weight still makes the question multiple', () => {
    expect(parseGift('Câu? {~%100%a ~b}').questions[0].type).toBe('multiple');
  });

  it('a closing brace without an opening one is an error at its line', () => {
    expect(parseGift('Câu hỏi\nsai } ở đây').errors).toEqual([{ line: 2, code: 'IMPORT.GIFT_UNEXPECTED_BRACE' }]);
    expect(parseGift('Câu } hỏi {=a ~b}').errors).toEqual([{ line: 1, code: 'IMPORT.GIFT_UNEXPECTED_BRACE' }]);
  });

  it('a brace opened inside the answers means the first one was never closed', () => {
    expect(parseGift('Câu {=a ~b\n{=c}').errors).toEqual([{ line: 1, code: 'IMPORT.GIFT_UNCLOSED_BRACE' }]);
  });

  it('an unclosed title is an error at the question', () => {
    expect(parseGift('\n::Tiêu đề Câu? {=a ~b}').errors).toEqual([{ line: 2, code: 'IMPORT.GIFT_UNCLOSED_TITLE' }]);
  });

  it('answers that are neither = / ~ nor true/false are an error', () => {
    expect(parseGift('Câu? {có}').errors).toEqual([{ line: 1, code: 'IMPORT.GIFT_BAD_ANSWERS' }]);
    expect(parseGift('Câu? {a ~b =c}').errors).toEqual([{ line: 1, code: 'IMPORT.GIFT_BAD_ANSWERS' }]);
  });

  it('an essay with only general feedback is still an essay', () => {
    expect(parseGift('Viết đoạn văn. {####Gợi ý}').skipped).toEqual([{ line: 1, code: 'IMPORT.GIFT_UNSUPPORTED_KIND', params: { kind: 'essay' } }]);
  });

  it('a $CATEGORY line ends the question before it and may drop $system$ and top', () => {
    const result = parseGift('A? {T}\n$CATEGORY: $system$/top/Luật//Nghị định/ Bầu cử \nB? {F}\n$CATEGORY: Khác\nC? {T}');
    expect(result.questions.map((question) => question.category)).toEqual([undefined, ['Luật/Nghị định', 'Bầu cử'], ['Khác']]);
  });

  it('a comment-only or empty file is one error, not a silent success', () => {
    expect(parseGift('// chỉ có chú thích\n\n')).toEqual({ questions: [], errors: [{ line: 1, code: 'IMPORT.EMPTY_FILE' }], skipped: [] });
    expect(parseGift('').errors).toEqual([{ line: 1, code: 'IMPORT.EMPTY_FILE' }]);
  });

  it('text is stored precomposed (NFC)', () => {
    const [question] = parseGift(`${'Bầu cử?'.normalize('NFD')} {=a ~b}`).questions;
    expect(question.text).toBe('Bầu cử?'.normalize('NFC'));
  });
});

describe('the platform rules on GIFT questions', () => {
  it('each broken rule is an error on the question line, named by field', () => {
    const result = parseGift('Ghi chú\n\nCâu? {=a ~A}\n\n{=x ~y}\n\nNhiều? {=a =b ~b}');
    expect(result.questions).toEqual([]);
    expect(result.errors).toEqual([
      { line: 3, column: 'options.1.text', code: 'QUESTION.OPTION_DUPLICATE', params: { option: 2, sameAs: 1 } },
      { line: 5, column: 'text', code: 'QUESTION.TEXT_EMPTY' },
      { line: 7, column: 'options.2.text', code: 'QUESTION.OPTION_DUPLICATE', params: { option: 3, sameAs: 2 } },
    ]);
    expect(result.skipped).toEqual([{ line: 1, code: 'IMPORT.GIFT_UNSUPPORTED_KIND', params: { kind: 'description' } }]);
  });

  it('a choice question without a right option breaks the single rule', () => {
    expect(parseGift('Câu? {~a ~b}').errors).toEqual([
      { line: 1, column: 'options', code: 'QUESTION.SINGLE_NEEDS_ONE_CORRECT', params: { correct: 0 } },
    ]);
  });

  it('never throws, whatever the input', () => {
    for (const input of ['{', '}', '::', '::a::', '{#', '{~', '{=', '~%', '\\', '$CATEGORY:', '{}}{', '[html]', '::t::[html]{T}']) {
      expect(() => parseGift(input)).not.toThrow();
    }
  });
});
