/**
 * Folds text for searching: lower case, no diacritics, đ → d, single spaces.
 * "Báo Thanh Niên" and "bao thanh nien" fold to the same string.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldForSearch(text);
  return searchWords(query).every((word) => folded.includes(word));
}

/** The folded words of a search query; an empty list matches everything. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean);
}
