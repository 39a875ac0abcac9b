import { describe, expect, it } from '@jest/globals';
import { languageFromHeader } from './language.js';
import { catalogKeys, translate } from './messages.js';

describe('messages', () => {
  it('has every message in Vietnamese and in English', () => {
    const { vi, en } = catalogKeys();
    expect([...en].sort()).toEqual([...vi].sort());
  });

  it('fills placeholders', () => {
    expect(translate('vi', 'RATE_LIMITED', { seconds: 42 })).toBe('Bạn thao tác quá nhanh. Vui lòng thử lại sau 42 giây.');
    expect(translate('en', 'field.minLength', { n: 8 })).toBe('Must be at least 8 characters long.');
  });

  it('returns undefined for an unknown code, so callers can fall back', () => {
    expect(translate('en', 'NO.SUCH_CODE')).toBeUndefined();
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-GB,en;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en;q=0.2,vi;q=0.9', 'vi'],
    ['en;q=0', 'vi'],
  ])('%s → %s', (header, expected) => {
    expect(languageFromHeader(header)).toBe(expected);
  });
});
