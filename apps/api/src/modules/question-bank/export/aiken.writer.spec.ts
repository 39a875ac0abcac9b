import { describe, expect, it } from '@jest/globals';
import { parseAiken } from '../import/aiken.parser.js';
import { writeAiken } from './aiken.writer.js';
import type { ExportQuestion } from './export.types.js';

const bank: ExportQuestion[] = [
  {
    type: 'single',
    text: 'Công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
    options: [
      { text: '16 tuổi', correct: false },
      { text: '18 tuổi', correct: true },
      { text: '21 tuổi', correct: false },
    ],
    difficulty: 'easy',
    points: 1,
    explanation: 'Điều 2.',
  },
  {
    type: 'multiple',
    text: 'Những nguyên tắc bầu cử?',
    options: [
      { text: 'Phổ thông', correct: true },
      { text: 'Bình đẳng', correct: true },
    ],
    difficulty: 'medium',
    points: 2,
    explanation: null,
  },
  {
    type: 'true_false',
    text: 'Cử tri được nhờ người khác bỏ phiếu thay.',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
    difficulty: 'hard',
    points: 1,
    explanation: null,
  },
];

describe('writing Aiken', () => {
  it('writes single and true/false questions and lists multiple ones as skipped', () => {
    const { text, skipped } = writeAiken(bank);
    expect(skipped).toEqual([{ index: 1, code: 'EXPORT.AIKEN_MULTIPLE' }]);
    expect(text).toBe(
      [
        'Công dân đủ bao nhiêu tuổi trở lên có quyền bầu cử?',
        'A. 16 tuổi',
        'B. 18 tuổi',
        'C. 21 tuổi',
        'ANSWER: B',
        '',
        'Cử tri được nhờ người khác bỏ phiếu thay.',
        'A. Đúng',
        'B. Sai',
        'ANSWER: B',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through parseAiken: type, text and options come back', () => {
    const parsed = parseAiken(writeAiken(bank).text);
    expect(parsed.errors).toEqual([]);
    const view = (q: { type: string; text: string; options: readonly { text: string; correct: boolean }[] }): object => ({
      type: q.type,
      text: q.text,
      options: q.options.map(({ text, correct }) => ({ text, correct })),
    });
    expect(parsed.questions.map(view)).toEqual([bank[0], bank[2]].map(view));
  });

  it('puts a text written on several lines on one line, as Aiken needs', () => {
    const twoLines: ExportQuestion = { ...bank[0], text: 'Dòng một\n  dòng hai', options: [{ text: 'a\nb', correct: true }, { text: 'c', correct: false }] };
    expect(writeAiken([twoLines]).text).toBe('Dòng một dòng hai\nA. a b\nB. c\nANSWER: A\n');
  });
});
