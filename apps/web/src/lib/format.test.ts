import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatNumber } from './format';

describe('format', () => {
  it('shows a clock as mm:ss, with hours only when needed', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59.9)).toBe('00:59');
    expect(formatClock(20 * 60)).toBe('20:00');
    expect(formatClock(3600 + 62)).toBe('1:01:02');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('shows a duration in whole seconds, rounded down', () => {
    expect(formatDuration(332_999)).toBe('05:32');
  });

  it('writes scores the way each language does', () => {
    expect(formatNumber(18.5, 'vi')).toBe('18,5');
    expect(formatNumber(18.5, 'en')).toBe('18.5');
    expect(formatNumber(18, 'vi')).toBe('18');
  });
});

describe('formatClock with hours', () => {
  it('keeps the hour digit when asked, so the width never changes', () => {
    expect(formatClock(59 * 60, true)).toBe('0:59:00');
  });
});
