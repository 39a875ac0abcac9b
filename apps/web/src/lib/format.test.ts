import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatDuration, formatNumber, formatRate, formatTime } from './format';

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

describe('times on Vietnam\'s clock', () => {
  // 07:00 UTC is 14:00 in Hà Nội; the tests run in whatever zone the machine has.
  const instant = '2026-11-26T07:00:00.000Z';

  it('writes day/month/year and 24 hours in Vietnamese, whatever the browser\'s zone', () => {
    expect(formatDateTime(instant, 'vi')).toBe('26/11/2026 14:00');
    expect(formatDateTime('2026-12-31T17:30:00.000Z', 'vi')).toBe('01/01/2027 00:30');
  });

  it('writes an unambiguous date in English, still in Vietnam\'s time', () => {
    expect(formatDateTime(instant, 'en')).toBe('26 Nov 2026, 14:00');
  });

  it('gives the time of day in Vietnam', () => {
    expect(formatTime('2026-11-26T08:05:32.000Z', 'vi')).toBe('15:05:32');
    expect(formatTime('2026-11-26T08:05:32.000Z', 'en')).toBe('15:05:32');
  });

  it('is the same text for a browser anywhere: the zone is Vietnam\'s, not the machine\'s', () => {
    expect(formatDateTime(instant, 'vi', 'Asia/Ho_Chi_Minh')).toBe(formatDateTime(instant, 'vi'));
    // The same instant read in New York shows what the code would print if it used a browser there.
    expect(formatDateTime(instant, 'vi', 'America/New_York')).toBe('26/11/2026 02:00');
  });
});

describe('rates', () => {
  it('shows one decimal, and never 0% for a unit where someone took part', () => {
    expect(formatRate(1 / 3091, 'vi')).toBe('0,032%');
    expect(formatRate(1 / 3091, 'en')).toBe('0.032%');
    expect(formatRate(0.1234, 'vi')).toBe('12,3%');
    expect(formatRate(0.5, 'vi')).toBe('50%');
    expect(formatRate(0, 'vi')).toBe('0%');
  });
});
