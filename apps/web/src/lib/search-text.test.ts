import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from './search-text';

describe('search text', () => {
  it('folds case, diacritics and đ', () => {
    expect(foldForSearch('  Báo  Thanh Niên ')).toBe('bao thanh nien');
    expect(foldForSearch('ĐOÀN VIÊN Đà Nẵng')).toBe('doan vien da nang');
    expect(foldForSearch('Nghị quyết Đại hội XIII')).toBe('nghi quyet dai hoi xiii');
  });

  it('folds text typed with combining marks like precomposed text', () => {
    expect(foldForSearch('Vie\u0302\u0323t Nam')).toBe(foldForSearch('Việt Nam'));
  });

  it('matches when every word appears, in any order', () => {
    expect(matchesSearch('Công đoàn Báo Thanh Niên', 'bao thanh nien')).toBe(true);
    expect(matchesSearch('Công đoàn Báo Thanh Niên', 'nien cong')).toBe(true);
    expect(matchesSearch('Công đoàn Báo Thanh Niên', 'bao tuoi tre')).toBe(false);
    expect(matchesSearch('Công đoàn Báo Thanh Niên', '   ')).toBe(true);
  });
});
