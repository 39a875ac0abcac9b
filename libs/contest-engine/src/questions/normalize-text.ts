/**
 * Two ways of comparing Vietnamese text. Keyboards and operating systems produce the same letter
 * either precomposed ("ầ") or decomposed ("a" + two combining marks), so both start by normalizing.
 */

/**
 * The key that decides whether two questions (or two options) say the same thing: NFC, trimmed,
 * every run of whitespace one space, lower-case. Diacritics are kept: "bầu" and "bâu" are
 * different words.
 */
export function normalizeQuestionText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The search key: diacritics dropped, so "bau cu" finds "Bầu cử". "đ" is a letter of its own, not
 * "d" with a mark, so Unicode decomposition leaves it and it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
