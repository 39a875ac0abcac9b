import { describe, expect, it } from 'vitest';
import { fromDateTimeInput, parseDecimal, toDateTimeInput } from './form-values';

describe('date and time inputs on Vietnam\'s clock', () => {
  it('reads what the organizer typed as Vietnam\'s time, not the browser\'s', () => {
    // 14:00 in Hà Nội is 07:00 UTC, whatever zone the test machine is in.
    expect(fromDateTimeInput('2026-11-26T14:00')).toBe('2026-11-26T07:00:00.000Z');
    expect(fromDateTimeInput('2027-01-01T00:30')).toBe('2026-12-31T17:30:00.000Z');
    expect(fromDateTimeInput('2026-11-26T14:00:30')).toBe('2026-11-26T07:00:30.000Z');
  });

  it('shows a stored time as Vietnam\'s wall clock in the input', () => {
    expect(toDateTimeInput(new Date('2026-11-26T07:00:00.000Z'))).toBe('2026-11-26T14:00');
    expect(toDateTimeInput(new Date('2026-12-31T17:30:00.000Z'))).toBe('2027-01-01T00:30');
  });

  it('goes there and back without moving', () => {
    for (const iso of ['2026-03-08T19:59:00.000Z', '2026-06-30T23:00:00.000Z', '2026-11-01T06:15:00.000Z']) {
      expect(fromDateTimeInput(toDateTimeInput(new Date(iso)))).toBe(iso);
    }
  });

  it('does not depend on the machine\'s zone: the same code on another clock gives that clock\'s answer', () => {
    // What a browser-local conversion would have given in New York (daylight saving ended on 1 Nov 2026).
    expect(fromDateTimeInput('2026-11-26T14:00', 'America/New_York')).toBe('2026-11-26T19:00:00.000Z');
    expect(fromDateTimeInput('2026-07-01T14:00', 'America/New_York')).toBe('2026-07-01T18:00:00.000Z');
    expect(toDateTimeInput(new Date('2026-07-01T18:00:00.000Z'), 'America/New_York')).toBe('2026-07-01T14:00');
    expect(fromDateTimeInput('2026-11-26T14:00')).not.toBe(fromDateTimeInput('2026-11-26T14:00', 'Europe/London'));
  });

  it('refuses what is not a time', () => {
    expect(fromDateTimeInput('')).toBeNull();
    expect(fromDateTimeInput('2026-02-31T10:00')).toBeNull();
    expect(fromDateTimeInput('2026-11-26T24:00')).toBeNull();
    expect(fromDateTimeInput('26/11/2026 14:00')).toBeNull();
  });
});

describe('numbers typed in Vietnamese', () => {
  it('reads a decimal comma', () => {
    expect(parseDecimal('7,5')).toBe(7.5);
  });
});
