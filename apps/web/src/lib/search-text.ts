import { foldVietnamese } from '@hoi-thi/contest-engine';

/**
 * Folds text for searching: lower case, no diacritics, đ → d, single spaces (the engine's rule, which
 * the API's searches use too). "Báo Thanh Niên" and "bao thanh nien" fold to the same string.
 */
export const foldForSearch = foldVietnamese;

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldForSearch(text);
  return searchWords(query).every((word) => folded.includes(word));
}

/** The folded words of a search query; an empty list matches everything. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}
