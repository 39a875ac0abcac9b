import { describe, expect, it } from '@jest/globals';
import { normalizeVietnamesePhone, PHONE_INPUT_MAX_LENGTH, phoneToE164, type PhoneProblem } from './vietnamese-phone.js';
import { createRandom } from '../random/seeded-random.js';

const phoneOf = (input: string) => normalizeVietnamesePhone(input);
const problemOf = (input: string): PhoneProblem | null => {
  const result = normalizeVietnamesePhone(input);
  return result.ok ? null : result.problem;
};

describe('one Vietnamese mobile number, one form', () => {
  it.each([
    ['0912345678'],
    ['0912 345 678'],
    ['091.234.5678'],
    ['091-234-5678'],
    ['(091) 234-5678'],
    ['+84912345678'],
    ['+84 912 345 678'],
    ['(+84) 91 234 56 78'],
    ['84912345678'],
    ['84 912 345 678'],
    ['0084 912 345 678'],
    ['+84 (0) 912 345 678'],
    ['840912345678'],
    ['912345678'],
    ['  0912345678\t'],
    ['0912\u00a0345\u00a0678'],
    ['０９１２３４５６７８'],
  ])('%j is 0912345678', (input) => {
    expect(phoneOf(input)).toEqual({ ok: true, phone: '0912345678' });
  });

  it.each([
    ['0321234567', 'Viettel 032'],
    ['0561234567', 'Vietnamobile 056'],
    ['0591234567', 'Gmobile 059'],
    ['0701234567', 'MobiFone 070'],
    ['0791234567', 'MobiFone 079'],
    ['0811234567', 'VinaPhone 081'],
    ['0871234567', 'iTel 087'],
    ['0891234567', 'MobiFone 089'],
    ['0991234567', 'Gmobile 099'],
  ])('accepts %s (%s): every range of the 2018 plan', (input) => {
    expect(phoneOf(input)).toEqual({ ok: true, phone: input });
  });

  it('reads nine digits that start like a country code as the number itself (the 0 lost in a spreadsheet)', () => {
    // 084 is a VinaPhone range: "849123456" is 0849 123 456, not +84 and seven digits.
    expect(phoneOf('849123456')).toEqual({ ok: true, phone: '0849123456' });
    expect(phoneOf('84849123456')).toEqual({ ok: true, phone: '0849123456' });
    expect(phoneOf('0849123456')).toEqual({ ok: true, phone: '0849123456' });
  });

  it('gives E.164 for a gateway', () => {
    expect(phoneToE164('0912345678')).toBe('+84912345678');
  });
});

describe('what is not a Vietnamese mobile number', () => {
  it.each<[string, PhoneProblem]>([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['- . ()', 'EMPTY'],
    ['0912 345 678 ext 9', 'INVALID_CHARACTERS'],
    ['0912-345-67x', 'INVALID_CHARACTERS'],
    ['0912+345678', 'INVALID_CHARACTERS'],
    ['++84912345678', 'INVALID_CHARACTERS'],
    ['0912/345678', 'INVALID_CHARACTERS'],
    ['không có', 'INVALID_CHARACTERS'],
    ['+1 202 555 0100', 'NOT_VIETNAMESE'],
    ['001 202 555 0100', 'NOT_VIETNAMESE'],
    ['+856 20 5555 1234', 'NOT_VIETNAMESE'],
    ['0168 123 4567', 'OLD_PREFIX'],
    ['0123 456 7890', 'OLD_PREFIX'],
    ['0199 123 4567', 'OLD_PREFIX'],
    ['+84 168 123 4567', 'OLD_PREFIX'],
    ['024 3825 1234', 'LANDLINE'],
    ['028 3829 5555', 'LANDLINE'],
    ['+84 236 3822 222', 'LANDLINE'],
    ['0612 345 678', 'NOT_MOBILE'],
    ['0412 345 678', 'NOT_MOBILE'],
    ['0212 345 678', 'NOT_MOBILE'],
    ['0112 345 678', 'NOT_MOBILE'],
    ['1900 1234', 'INVALID_LENGTH'],
    ['1800 5555 88', 'INVALID_LENGTH'],
    ['12345', 'INVALID_LENGTH'],
    ['0912 345 67', 'INVALID_LENGTH'],
    ['0912 345 6789', 'INVALID_LENGTH'],
    ['+84 912 345 67', 'INVALID_LENGTH'],
    ['8412345678', 'INVALID_LENGTH'],
    ['00912345678', 'NOT_VIETNAMESE'],
    ['+', 'INVALID_CHARACTERS'],
    ['1681234567', 'OLD_PREFIX'],
    ['0170 123 4567', 'INVALID_LENGTH'],
  ])('%j: %s', (input, problem) => {
    expect(problemOf(input)).toBe(problem);
  });

  it(`refuses anything longer than ${PHONE_INPUT_MAX_LENGTH} characters before looking at it`, () => {
    expect(problemOf(`0912345678${' '.repeat(PHONE_INPUT_MAX_LENGTH - 9)}`)).toBe('TOO_LONG');
    expect(problemOf(`0912345678${' '.repeat(PHONE_INPUT_MAX_LENGTH - 10)}`)).toBeNull();
  });

  it('never calls two different numbers the same, nor one number by two names', () => {
    const numbers = ['0912345678', '0912345679', '0812345678', '0349876543'];
    const forms = (n: string) => [n, `+84${n.slice(1)}`, `84${n.slice(1)}`, `0084${n.slice(1)}`, n.slice(1), `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`];
    for (const number of numbers) {
      expect(new Set(forms(number).map((form) => JSON.stringify(phoneOf(form))))).toEqual(new Set([JSON.stringify({ ok: true, phone: number })]));
    }
  });
});

describe('on any input', () => {
  it('answers (never throws), and every number it accepts is canonical and maps to itself', () => {
    const random = createRandom('vietnamese-phone');
    const alphabet = '0123456789012345678901234567890123456789 +.-()x\u00a0８';
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 18);
      let input = '';
      for (let c = 0; c < length; c++) input += alphabet[Math.floor(random() * alphabet.length)];
      const result = normalizeVietnamesePhone(input);
      if (!result.ok) continue;
      accepted += 1;
      expect(result.phone).toMatch(/^0[35789][0-9]{8}$/);
      expect(normalizeVietnamesePhone(result.phone)).toEqual(result);
      expect(normalizeVietnamesePhone(phoneToE164(result.phone))).toEqual(result);
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
