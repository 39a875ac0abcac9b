import { describe, expect, it } from '@jest/globals';
import { parseGift } from '../import/gift.parser.js';
import type { ExportQuestion } from './export.types.js';
import { escapeGift, writeGift } from './gift.writer.js';

const question = (overrides: Partial<ExportQuestion>): ExportQuestion => ({
  type: 'single',
  text: 'Câu hỏi?',
  options: [
    { text: 'Có', correct: true },
    { text: 'Không', correct: false },
  ],
  difficulty: 'medium',
  points: 1,
  explanation: null,
  ...overrides,
});

const bank: ExportQuestion[] = [
  question({
    text: 'Người trúng cử phải đạt: {quá bán} = hơn 50% ~ # \\ tổng số phiếu?\nChọn một đáp án.',
    options: [
      { text: 'Quá một nửa {>50%}', correct: true },
      { text: 'Ít nhất = 1/3', correct: false },
      { text: 'Nhiều phiếu nhất ~ bất kể tỷ lệ', correct: false },
    ],
    explanation: 'Xem Điều 78 #luật: quá một nửa tổng số phiếu bầu hợp lệ.',
    title: 'Trúng cử: quá bán',
  }),
  question({
    type: 'multiple',
    text: 'Những nguyên tắc bầu cử?',
    options: [
      { text: 'Phổ thông', correct: true },
      { text: 'Bình đẳng', correct: true },
      { text: 'Trực tiếp', correct: true },
      { text: 'Công khai', correct: false },
      { text: 'Gián tiếp', correct: false },
    ],
  }),
  question({ type: 'multiple', text: 'Một đáp án nhưng là câu nhiều đáp án?', options: [{ text: 'a', correct: true }, { text: 'b', correct: false }] }),
  question({ type: 'true_false', text: 'Ngày bầu cử là chủ nhật.', options: [{ text: 'Đúng', correct: false }, { text: 'Sai', correct: true }], explanation: 'Sai đề.' }),
  question({ type: 'true_false', text: 'Thứ tự ngược.', options: [{ text: 'Sai', correct: true }, { text: 'Đúng', correct: false }] }),
  question({
    text: 'Tám phương án?',
    options: 'ABCDEFGH'.split('').map((letter, index) => ({ text: `Phương án ${letter}`, correct: index === 7 })),
  }),
];

/** What GIFT holds of a question: no difficulty, no points. */
const giftView = (q: { type: string; text: string; options: readonly { text: string; correct: boolean }[]; explanation?: string | null; title?: string }): object => ({
  type: q.type,
  text: q.text,
  options: q.options.map(({ text, correct }) => ({ text, correct })),
  explanation: q.explanation ?? null,
  title: q.title ?? null,
});

describe('writing GIFT', () => {
  it('round-trips through parseGift: type, text, options, explanation and title come back', () => {
    const parsed = parseGift(writeGift(bank));
    expect(parsed.errors).toEqual([]);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.questions.map(giftView)).toEqual(bank.map(giftView));
  });

  it('writes the category once at the top, and it comes back on every question', () => {
    const parsed = parseGift(writeGift(bank.slice(0, 2), { category: ['Bầu cử', 'Cử tri/Ứng cử viên'] }));
    expect(parsed.questions.map((q) => q.category)).toEqual([
      ['Bầu cử', 'Cử tri/Ứng cử viên'],
      ['Bầu cử', 'Cử tri/Ứng cử viên'],
    ]);
  });

  it('reads like Moodle GIFT', () => {
    expect(writeGift([bank[0], bank[3]], { category: ['Bầu cử'] })).toBe(
      [
        '$CATEGORY: $course$/top/Bầu cử',
        '',
        '::Trúng cử\\: quá bán::Người trúng cử phải đạt\\: \\{quá bán\\} \\= hơn 50% \\~ \\# \\\\ tổng số phiếu?\\nChọn một đáp án. {',
        '=Quá một nửa \\{>50%\\}',
        '~Ít nhất \\= 1/3',
        '~Nhiều phiếu nhất \\~ bất kể tỷ lệ',
        '####Xem Điều 78 \\#luật\\: quá một nửa tổng số phiếu bầu hợp lệ.',
        '}',
        '',
        'Ngày bầu cử là chủ nhật. {FALSE',
        '####Sai đề.',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives right options of a multiple question equal weights Moodle accepts, wrong ones -100%', () => {
    const weights = [1, 2, 3, 4, 5, 6, 7, 8].map((right) => {
      const options = Array.from({ length: 8 }, (_, index) => ({ text: `o${index}`, correct: index < right }));
      return /~%([\d.]+)%o0/u.exec(writeGift([question({ type: 'multiple', options })]))?.[1];
    });
    expect(weights).toEqual(['100', '50', '33.33333', '25', '20', '16.66667', '14.28571', '12.5']);
    expect(writeGift([bank[1]])).toContain('~%-100%Công khai');
  });

  it('a true/false question with other option texts is written as a choice', () => {
    const yesNo = question({ type: 'true_false', options: [{ text: 'Có', correct: true }, { text: 'Không', correct: false }] });
    expect(writeGift([yesNo])).toBe('Câu hỏi? {\n=Có\n~Không\n}\n');
  });

  it('escapes every special character and line break', () => {
    expect(escapeGift('a\\b~c=d#e{f}g:h\r\ni\nj')).toBe('a\\\\b\\~c\\=d\\#e\\{f\\}g\\:h\\ni\\nj');
  });

  it('no questions, no output', () => {
    expect(writeGift([])).toBe('');
  });
});
