import { describe, expect, it } from 'vitest';
import { parsePrediction } from './prediction-step';
import { orderOptions } from './option-order';

describe('true/false options', () => {
  const dung = { id: 't', text: 'Đúng' };
  const sai = { id: 'f', text: 'Sai' };

  it('keeps "Đúng" above "Sai" even when the paper drew them the other way', () => {
    expect(orderOptions('true_false', [sai, dung])).toEqual([dung, sai]);
    expect(orderOptions('true_false', [dung, sai])).toEqual([dung, sai]);
    expect(orderOptions('true_false', [{ id: 'f', text: 'False' }, { id: 't', text: 'True' }]).map((option) => option.id)).toEqual(['t', 'f']);
  });

  it('leaves other questions as drawn', () => {
    expect(orderOptions('single', [sai, dung])).toEqual([sai, dung]);
    expect(orderOptions('true_false', [{ id: 'a', text: 'Có' }, dung])).toEqual([{ id: 'a', text: 'Có' }, dung]);
  });
});

describe('prediction', () => {
  it('reads thousands written the Vietnamese way, and the other usual ways', () => {
    expect(parsePrediction('1.200')).toBe(1200);
    expect(parsePrediction('1.234.567')).toBe(1_234_567);
    expect(parsePrediction('1 200')).toBe(1200);
    expect(parsePrediction('1,200')).toBe(1200);
    expect(parsePrediction(' 1200 ')).toBe(1200);
  });

  it('refuses what is not a whole number', () => {
    expect(parsePrediction('1.2')).toBeNull();
    expect(parsePrediction('1.200,5')).toBeNull();
    expect(parsePrediction('1.200 300')).toBeNull();
    expect(parsePrediction('12.00')).toBeNull();
    expect(parsePrediction('-5')).toBeNull();
    expect(parsePrediction('2.000.000.000')).toBeNull();
  });
});
