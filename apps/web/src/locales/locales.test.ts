import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe('locales', () => {
  it('English has exactly the keys of Vietnamese', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('no text is left empty', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'object' && value !== null ? Object.values(value).flatMap(texts) : [String(value)];
    expect([...texts(vi), ...texts(en)].filter((text) => text.trim() === '')).toEqual([]);
  });
});
