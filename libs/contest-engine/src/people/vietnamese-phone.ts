/**
 * Vietnamese mobile numbers, one form per number, so that one number can belong to one account.
 *
 * The canonical form is the national one, `0` + nine digits (`0912345678`): only Vietnamese mobiles
 * are accepted, so it is as unambiguous as E.164 (`+84912345678`, see `phoneToE164`), and it is what
 * members type, what organizers read in exports and what every seed and test fixture already holds.
 *
 * Accepted (separators: spaces, dots, dashes, parentheses):
 * - national `0xxxxxxxxx`; international `+84xxxxxxxxx`, `0084xxxxxxxxx`, `84xxxxxxxxx`, with or
 *   without the `(0)` people write after the country code (`+84 (0) 912 …`);
 * - nine digits alone (`912345678`): a spreadsheet dropped the leading 0;
 * - full-width digits (NFKC), as some phone keyboards produce.
 *
 * The nine digits after the 0 must start with 3, 5, 7, 8 or 9: the mobile ranges of the numbering
 * plan since the 2018 conversion. Not accepted: the old 11-digit mobile numbers (`016x`, `012x`,
 * `018x`, `0199`), which were converted to 10 digits in 2018 and stopped connecting in 2019; landlines
 * (`02x`, 11 digits), often an office number shared by many members, so unique per account it would
 * lock colleagues out; service numbers (`1800`, `1900`); foreign numbers. Operator prefixes within
 * the mobile ranges are not checked: new ones get allocated, and a faker picks an allocated one anyway.
 */

export const PhoneProblems = [
  /** Nothing but spaces. */
  'EMPTY',
  /** Longer than `PHONE_INPUT_MAX_LENGTH` characters as typed. */
  'TOO_LONG',
  /** Letters or symbols other than the separators, or a `+` that does not start the number. */
  'INVALID_CHARACTERS',
  /** Another country's code after `+` or `00`. */
  'NOT_VIETNAMESE',
  /** An 11-digit mobile number from before the 2018 conversion (`0168 …`). */
  'OLD_PREFIX',
  /** A landline (`02x`, 11 digits). */
  'LANDLINE',
  /** Nine digits after the 0, but not in a mobile range. */
  'NOT_MOBILE',
  /** Too few or too many digits. */
  'INVALID_LENGTH',
] as const;
export type PhoneProblem = (typeof PhoneProblems)[number];

export type PhoneNormalization = { ok: true; phone: string } | { ok: false; problem: PhoneProblem };

/** More than this, as typed, is not a phone number whatever it holds. */
export const PHONE_INPUT_MAX_LENGTH = 32;

const SEPARATORS = /[\s.\-()]/gu;
const DIGITS_WITH_PLUS = /^\+?[0-9]+$/;
const MOBILE = /^[35789][0-9]{8}$/;
/** The 11-digit mobile ranges converted in 2018: 012x, 0162–0169, 0186, 0188, 0199 (without the 0). */
const OLD_MOBILE = /^(12[0-9]|16[2-9]|18[68]|199)[0-9]{7}$/;

/**
 * The digits after the country code or the national 0 (the "national significant number"), or why
 * there are none: `digits` is what was typed without separators and without a leading `+`.
 */
function significantDigits(digits: string, international: boolean): { nsn: string } | { problem: PhoneProblem } {
  if (international) {
    if (!digits.startsWith('84')) return { problem: 'NOT_VIETNAMESE' };
    const rest = digits.slice(2);
    // "+84 (0) 912 345 678": that 0 belongs to national dialling, not to the number.
    return { nsn: rest.length === 10 && rest.startsWith('0') ? rest.slice(1) : rest };
  }
  if (digits.startsWith('00')) return significantDigits(digits.slice(2), true);
  if (digits.startsWith('0')) return { nsn: digits.slice(1) };
  if (digits.startsWith('84') && digits.length >= 11) return significantDigits(digits, true);
  return { nsn: digits };
}

/** `0xxxxxxxxx` for any accepted way of writing a Vietnamese mobile number, or why it is not one. */
export function normalizeVietnamesePhone(input: string): PhoneNormalization {
  if (input.length > PHONE_INPUT_MAX_LENGTH) return { ok: false, problem: 'TOO_LONG' };
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return { ok: false, problem: 'EMPTY' };
  if (!DIGITS_WITH_PLUS.test(compact)) return { ok: false, problem: 'INVALID_CHARACTERS' };
  const international = compact.startsWith('+');
  const found = significantDigits(international ? compact.slice(1) : compact, international);
  if ('problem' in found) return { ok: false, problem: found.problem };
  const { nsn } = found;
  if (OLD_MOBILE.test(nsn)) return { ok: false, problem: 'OLD_PREFIX' };
  if (nsn.length === 10 && nsn.startsWith('2')) return { ok: false, problem: 'LANDLINE' };
  if (nsn.length !== 9) return { ok: false, problem: 'INVALID_LENGTH' };
  if (!MOBILE.test(nsn)) return { ok: false, problem: 'NOT_MOBILE' };
  return { ok: true, phone: `0${nsn}` };
}

/** The canonical `0xxxxxxxxx` as E.164 (`+84xxxxxxxxx`), for an SMS gateway. */
export function phoneToE164(phone: string): string {
  return `+84${phone.slice(1)}`;
}
