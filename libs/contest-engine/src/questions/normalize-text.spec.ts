import { describe, expect, it } from '@jest/globals';
import { foldVietnamese, normalizeQuestionText } from './normalize-text.js';

describe('the duplicate-question key', () => {
  it('ignores case, surrounding spaces and runs of whitespace', () => {
    expect(normalizeQuestionText('  Ngày  BẦU CỬ\tlà\n ngày nào? ')).toBe('ngày bầu cử là ngày nào?');
  });

  it('treats precomposed and decomposed letters as the same text', () => {
    const decomposed = 'Bầu cử'.normalize('NFD');
    expect(decomposed).not.toBe('Bầu cử');
    expect(normalizeQuestionText(decomposed)).toBe(normalizeQuestionText('Bầu cử'));
  });

  it('keeps diacritics: words that differ only by a mark are different questions', () => {
    expect(normalizeQuestionText('bầu')).not.toBe(normalizeQuestionText('bâu'));
  });

  it('folds non-breaking spaces like ordinary ones', () => {
    expect(normalizeQuestionText('cử\u00a0tri')).toBe('cử tri');
  });
});

describe('the diacritic-free search key', () => {
  it('"Bầu cử" becomes "bau cu"', () => {
    expect(foldVietnamese('Bầu cử')).toBe('bau cu');
  });

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('Đại biểu Hội đồng nhân dân')).toBe('dai bieu hoi dong nhan dan');
  });

  it('handles decomposed input and collapses whitespace', () => {
    expect(foldVietnamese('  Quốc   hội\n'.normalize('NFD'))).toBe('quoc hoi');
  });

  it('every tone and vowel mark is dropped', () => {
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
  });
});
